/**
 * Levenshtein edit distance between two strings (case-insensitive), with the classic
 * two-row dynamic programme (Wagner & Fischer 1974).
 */
export function editDistance(a: string, b: string): number {
  const s = a.toLowerCase();
  const t = b.toLowerCase();
  let prev = Array.from({ length: t.length + 1 }, (_, j) => j);
  let curr = new Array<number>(t.length + 1).fill(0);
  for (let i = 1; i <= s.length; i++) {
    curr[0] = i;
    for (let j = 1; j <= t.length; j++) {
      const cost = s[i - 1] === t[j - 1] ? 0 : 1;
      curr[j] = Math.min((prev[j] ?? 0) + 1, (curr[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
    }
    [prev, curr] = [curr, prev];
  }
  return prev[t.length] ?? 0;
}

/**
 * The closest candidate to `word`, if it is close enough to be a plausible typo: within a
 * third of the word's length in edits (at least 2), or a candidate that contains the word.
 */
export function didYouMean(word: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const c of candidates) {
    const d = editDistance(word, c);
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  const limit = Math.max(2, Math.ceil(word.length / 3));
  if (best !== undefined && bestDistance <= limit) return best;
  const lower = word.toLowerCase();
  return candidates.find((c) => lower.length >= 4 && c.toLowerCase().includes(lower));
}
