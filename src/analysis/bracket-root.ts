/**
 * Bracketing root search shared by reverse solving (solve-input.ts) and the feasible region
 * (feasible-region.ts): scan [lo, hi] on a grid for sign changes of g (NaN = not computable,
 * skipped), take the one nearest a preferred value, refine it with Brent's method.
 */
import { brent } from '../numeric/brent.js';

export interface BracketScan {
  /** The grid [x]. */
  xs: number[];
  /** g at the grid (NaN where not computable) [g unit]. */
  gs: number[];
}

/** Scans g on n evenly spaced points of [lo, hi]. */
export function scanGrid(g: (x: number) => number, lo: number, hi: number, n: number): BracketScan {
  const xs = Array.from({ length: n }, (_, i) => lo + ((hi - lo) * i) / (n - 1));
  return { xs, gs: xs.map(g) };
}

/** Sign changes between finite neighbours of a scan, the one nearest `prefer` first. */
export function signChanges(scan: BracketScan, prefer: number): [number, number][] {
  const brackets: [number, number][] = [];
  for (let i = 0; i + 1 < scan.xs.length; i++) {
    const a = scan.gs[i] ?? Number.NaN;
    const b = scan.gs[i + 1] ?? Number.NaN;
    if (Number.isFinite(a) && Number.isFinite(b) && a * b <= 0)
      brackets.push([scan.xs[i] ?? 0, scan.xs[i + 1] ?? 0]);
  }
  return brackets.sort(
    (p, q) => Math.abs((p[0] + p[1]) / 2 - prefer) - Math.abs((q[0] + q[1]) / 2 - prefer),
  );
}

/** Brent's root of g in a bracket, to a tolerance relative to `scale`. */
export function refineRoot(
  g: (x: number) => number,
  bracket: [number, number],
  scale: number,
  what: string,
): number {
  return brent(g, bracket[0], bracket[1], { xtol: 1e-9 * Math.max(1, Math.abs(scale)), what });
}

/** Describes a scan's computable ends, for "no value in range" messages. */
export function describeScanEnds(scan: BracketScan, target: number): string | undefined {
  const seen = scan.gs
    .map((v, i) => (Number.isFinite(v) ? `${scan.xs[i]}: ${v + target}` : ''))
    .filter(Boolean);
  return seen.length > 0 ? `${seen[0]} … ${seen[seen.length - 1]}` : undefined;
}
