/**
 * Password policy in the spirit of OWASP ASVS 4.0.3 V2.1 and NIST SP 800-63B §5.1.1.2: at least
 * 12 characters (V2.1.1), at most 128 (V2.1.2; spaces and any Unicode allowed, nothing
 * truncated, no composition rules: V2.1.3, V2.1.4, V2.1.9), and not a password attackers try
 * first (V2.1.7): a password from the list of common and breached passwords shipped in
 * `data/security/common-passwords.json` — also with digits or symbols added before or after it,
 * or with common letter-for-digit swaps —, a run of one character or a short repeated pattern,
 * a keyboard or alphabet sequence, or the user's own name, e-mail or "chromflow" repeated.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 128;

/** The shipped list (same relative place from src/server and dist/server). */
const LIST_FILE = fileURLToPath(
  new URL('../../data/security/common-passwords.json', import.meta.url),
);

let common: Set<string> | undefined;

function commonPasswords(): Set<string> {
  if (common === undefined) {
    const data = JSON.parse(readFileSync(LIST_FILE, 'utf8')) as { passwords: string[] };
    common = new Set(data.passwords.map((p) => p.toLowerCase()));
  }
  return common;
}

const LEET: Record<string, string> = {
  '0': 'o',
  '1': 'l',
  '3': 'e',
  '4': 'a',
  '5': 's',
  '7': 't',
  '@': 'a',
  $: 's',
  '!': 'i',
};

/** Runs of characters that are easy to type in order (rows of a QWERTY keyboard, alphabets). */
const SEQUENCES = [
  'abcdefghijklmnopqrstuvwxyz',
  '01234567890',
  'qwertyuiop',
  'asdfghjkl',
  'zxcvbnm',
  'йцукенгшщзхъ',
  'фывапролджэ',
  'абвгдеёжзийклмнопрстуфхцчшщъыьэюя',
];

/** True when `s` is (a repetition of) a unit of at most 4 characters, e.g. "abcabcabcabc". */
function isShortPattern(s: string): boolean {
  for (let unit = 1; unit <= 4 && unit < s.length; unit++)
    if (
      s ===
      s
        .slice(0, unit)
        .repeat(Math.ceil(s.length / unit))
        .slice(0, s.length)
    )
      return true;
  return false;
}

function isSequence(s: string): boolean {
  const reversed = Array.from(s).reverse().join('');
  return SEQUENCES.some((seq) => seq.includes(s) || seq.includes(reversed));
}

/** The password with context words removed: what is left must still be a password. */
function withoutWords(s: string, words: readonly string[]): string {
  let rest = s;
  for (const w of words) if (w.length >= 3) rest = rest.split(w).join('');
  return rest;
}

/**
 * The reason a new password is refused, or undefined when it is acceptable.
 *
 * @param password - The candidate password.
 * @param context - The user's login name and e-mail (their words may not make the password).
 */
export function passwordProblem(
  password: string,
  context: { name?: string; email?: string | null } = {},
): string | undefined {
  const length = Array.from(password).length;
  if (length < MIN_PASSWORD_LENGTH)
    return `expected at least ${MIN_PASSWORD_LENGTH} characters, found ${length}`;
  if (length > MAX_PASSWORD_LENGTH)
    return `expected at most ${MAX_PASSWORD_LENGTH} characters, found ${length}`;
  const lower = password.normalize('NFKC').toLowerCase();
  const compact = lower.replace(/\s+/g, '');
  if (compact.length === 0 || isShortPattern(compact))
    return 'a repeated character or short pattern is easy to guess; use a few unrelated words';
  if (isSequence(compact))
    return 'a keyboard or alphabet sequence is easy to guess; use a few unrelated words';
  const list = commonPasswords();
  const core = compact.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, '');
  const unleet = Array.from(compact)
    .map((ch) => LEET[ch] ?? ch)
    .join('');
  const candidates = [compact, core, unleet, unleet.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, '')];
  if (candidates.some((c) => c.length > 0 && list.has(c)))
    return 'this password (or one made from it by adding digits or symbols) is among the most common leaked passwords';
  const words = [
    'chromflow',
    context.name?.toLowerCase() ?? '',
    ...(context.email?.toLowerCase().split(/[@.+_-]/) ?? []),
  ];
  const rest = withoutWords(compact, words);
  // What is left besides the account's words: a year or a few symbols do not make a password.
  const padding = rest !== compact && rest.length < 8 && rest.replace(/\p{L}/gu, '') === rest;
  if (rest.length < 4 || padding || isShortPattern(rest) || isSequence(rest))
    return 'made of your user name, e-mail or "chromflow"; use words unrelated to the account';
  return undefined;
}
