/** Why a cash-flow vector has no usable internal rate of return. */
export type IrrFailure =
  /** Every flow is zero. */
  | 'all-zero'
  /** No negative flow: NPV > 0 at every rate. */
  | 'all-non-negative'
  /** No positive flow: NPV < 0 at every rate. */
  | 'all-non-positive'
  /** Flows change sign but NPV(r) never crosses zero on (−100 %, ∞). */
  | 'no-real-root'
  /** Several rates make NPV zero; a single IRR is not defined. */
  | 'multiple-roots'
  /** NPV touches or nearly touches zero somewhere (double root): the roots cannot be counted. */
  | 'ill-conditioned';

/** Human-readable explanation of an {@link IrrFailure}. */
export function irrFailureMessage(
  reason: IrrFailure,
  roots: readonly number[] = [],
  unresolved: readonly number[] = [],
): string {
  switch (reason) {
    case 'all-zero':
      return 'no IRR: every cash flow is zero';
    case 'all-non-negative':
      return 'no IRR: all cash flows are ≥ 0 (no investment), NPV > 0 at every rate';
    case 'all-non-positive':
      return 'no IRR: all cash flows are ≤ 0 (no return), NPV < 0 at every rate';
    case 'no-real-root':
      return 'no IRR: the cash flows change sign but NPV(r) has no zero for r in (-100 %, ∞)';
    case 'multiple-roots':
      return `no unique IRR: NPV is zero at ${roots.length} rates (${roots
        .map((r) => `${(r * 100).toPrecision(6)} %`)
        .join(', ')}); use irrAll or NPV/MIRR instead`;
    case 'ill-conditioned':
      return `no reliable IRR: NPV touches or nearly touches zero near ${unresolved
        .map((r) => `${(r * 100).toPrecision(6)} %`)
        .join(', ')} (a double root, or roots too close to separate)${
        roots.length > 0
          ? `; other roots: ${roots.map((r) => `${(r * 100).toPrecision(6)} %`).join(', ')}`
          : ''
      }`;
  }
}

/** Raised by `irr`/`xirr` when no (unique) internal rate of return exists. */
export class IrrError extends Error {
  override readonly name = 'IrrError';
  readonly code: 'no_irr' | 'multiple_irr';
  constructor(
    /** Why there is no single IRR. */
    readonly reason: IrrFailure,
    /** The roots found (several for `multiple-roots`, else empty) [fraction per period]. */
    readonly roots: readonly number[] = [],
    /** What was solved, e.g. `irr` or `xirr`. */
    readonly what = 'irr',
    /** Rates near which NPV nearly touches zero (`ill-conditioned`) [fraction]. */
    readonly unresolved: readonly number[] = [],
  ) {
    super(`${what}: ${irrFailureMessage(reason, roots, unresolved)}`);
    this.code = reason === 'multiple-roots' ? 'multiple_irr' : 'no_irr';
  }
}
