/**
 * Root of a function known to be affine, f(x) = f(0) + s·x, from two evaluations:
 * x = −f(0)·h / (f(h) − f(0)), then one Newton step with the same slope, which removes the
 * round-off of the first (|f| drops to the rounding of f itself). For the heat balance of a
 * fuel-fired unit, whose every term is linear in the fuel rate at fixed temperatures.
 *
 * @param f - The affine function [y(x)]
 * @param h - Probe step, of the size of the root [x]
 * @returns The root [x]; non-finite when f does not depend on x
 */
export function affineRoot(f: (x: number) => number, h: number): number {
  const f0 = f(0);
  const slope = (f(h) - f0) / h;
  const x = -f0 / slope;
  return x - f(x) / slope;
}
