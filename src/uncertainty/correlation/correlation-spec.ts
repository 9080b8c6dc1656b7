/**
 * Correlation between sampled parameters.
 *
 * - `iman-conover`: the target is a rank (Spearman) correlation matrix imposed on the whole
 *   sample by reordering (Iman & Conover 1982). Marginals and their stratification (LHS) are
 *   kept exactly; the achieved rank correlation is close to, not exactly, the target.
 * - `gaussian-copula`: each sample's coordinates are mapped to normal scores, multiplied by the
 *   Cholesky factor and mapped back (per sample, no global step). `matrixType` says whether the
 *   matrix is of Spearman rank correlations (default; converted by r = 2 sin(πρ/6)) or already
 *   of normal-score correlations.
 */
export interface CorrelationSpec {
  readonly method: 'iman-conover' | 'gaussian-copula';
  /** Names of the correlated parameters, in matrix order. */
  readonly parameters: readonly string[];
  /** Symmetric, unit-diagonal, positive definite correlation matrix [-]. */
  readonly matrix: readonly (readonly number[])[];
  readonly matrixType?: 'spearman' | 'normal-scores';
}
