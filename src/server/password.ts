/**
 * Password hashing with scrypt (node:crypto; RFC 7914). Stored as
 * `scrypt$<N>$<r>$<p>$<salt base64url>$<hash base64url>`, so the cost can rise later without
 * invalidating older hashes. Verification compares in constant time.
 */
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/** Default cost: N = 2^15, r = 8, p = 1 (≈ 32 MiB and tens of milliseconds per hash). */
export const DEFAULT_LOG2_N = 15;
const R = 8;
const P = 1;
const KEY_BYTES = 32;

function scryptAsync(password: string, salt: Buffer, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFC'), salt, KEY_BYTES, options, (error, key) => {
      if (error) reject(error);
      else resolve(key);
    });
  });
}

function memoryFor(N: number, r: number): number {
  // scrypt needs 128·N·r bytes; allow twice that.
  return 256 * N * r;
}

/**
 * Hashes a password with a fresh 16-byte salt.
 *
 * @param password - The password (NFC-normalised before hashing).
 * @param log2N - log2 of the scrypt cost parameter N [-].
 * @returns The encoded hash.
 */
export async function hashPassword(password: string, log2N = DEFAULT_LOG2_N): Promise<string> {
  const N = 2 ** log2N;
  const salt = randomBytes(16);
  const key = await scryptAsync(password, salt, { N, r: R, p: P, maxmem: memoryFor(N, R) });
  return ['scrypt', N, R, P, salt.toString('base64url'), key.toString('base64url')].join('$');
}

/** True when `password` matches `encoded`; false for a wrong password or a malformed hash. */
export async function verifyPassword(password: string, encoded: string): Promise<boolean> {
  const parts = encoded.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return false;
  const [, nText, rText, pText, saltText, keyText] = parts;
  const N = Number(nText);
  const r = Number(rText);
  const p = Number(pText);
  if (![N, r, p].every((x) => Number.isInteger(x) && x > 0) || N > 2 ** 20 || r > 32 || p > 16)
    return false;
  const expected = Buffer.from(keyText ?? '', 'base64url');
  if (expected.length !== KEY_BYTES) return false;
  const key = await scryptAsync(password, Buffer.from(saltText ?? '', 'base64url'), {
    N,
    r,
    p,
    maxmem: memoryFor(N, r),
  });
  return timingSafeEqual(key, expected);
}

/** A random password for first starts and resets: 18 random bytes, base64url (24 characters). */
export function randomPassword(): string {
  return randomBytes(18).toString('base64url');
}
