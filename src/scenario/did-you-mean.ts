/**
 * "Did you mean" suggestions for misspelt keys and names, with bounded work: only words of at
 * most {@link MAX_SUGGEST_CHARS} characters get a suggestion, candidates whose length differs by
 * more than the allowed distance are skipped, and each distance computation stops as soon as it
 * cannot come under the limit. The cost per call is thus at most
 * candidates × {@link MAX_SUGGEST_CHARS}² steps, whatever the input.
 */

/** Longest word (and candidate) that gets a suggestion [characters]. */
export const MAX_SUGGEST_CHARS = 64;

/**
 * Levenshtein edit distance between two strings (case-insensitive), with the classic two-row
 * dynamic programme (Wagner & Fischer 1974). With `limit`, returns `limit + 1` as soon as the
 * distance is known to exceed `limit` (every entry of a row is above it: Ukkonen 1985).
 */
export function editDistance(a: string, b: string, limit = Infinity): number {
  const s = a.toLowerCase();
  const t = b.toLowerCase();
  if (Math.abs(s.length - t.length) > limit) return limit + 1;
  let prev = Array.from({ length: t.length + 1 }, (_, j) => j);
  let curr = new Array<number>(t.length + 1).fill(0);
  for (let i = 1; i <= s.length; i++) {
    curr[0] = i;
    let rowMin = i;
    for (let j = 1; j <= t.length; j++) {
      const cost = s[i - 1] === t[j - 1] ? 0 : 1;
      const d = Math.min((prev[j] ?? 0) + 1, (curr[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
      curr[j] = d;
      if (d < rowMin) rowMin = d;
    }
    if (rowMin > limit) return limit + 1;
    [prev, curr] = [curr, prev];
  }
  return prev[t.length] ?? 0;
}

/**
 * The closest candidate to `word`, if it is close enough to be a plausible typo: within a
 * third of the word's length in edits (at least 2), or a candidate that contains the word.
 * Words longer than {@link MAX_SUGGEST_CHARS} get no suggestion.
 */
export function didYouMean(word: string, candidates: readonly string[]): string | undefined {
  if (word.length === 0 || word.length > MAX_SUGGEST_CHARS) return undefined;
  const limit = Math.max(2, Math.ceil(word.length / 3));
  let best: string | undefined;
  let bestDistance = limit + 1;
  for (const c of candidates) {
    if (c.length > MAX_SUGGEST_CHARS) continue;
    const d = editDistance(word, c, bestDistance - 1);
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
      if (d === 0) break;
    }
  }
  if (best !== undefined) return best;
  const lower = word.toLowerCase();
  return candidates.find(
    (c) => lower.length >= 4 && c.length <= MAX_SUGGEST_CHARS && c.toLowerCase().includes(lower),
  );
}
