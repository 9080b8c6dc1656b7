/**
 * Calibration of a reference class on its reference plants: one factor per class and plant
 * family, the geometric mean of normalised reference cost / model cost (the model pricing each
 * reference from its own design, before owner's cost and contingency), with the residual of every
 * reference reported. Fitted by scripts/calibrate-capex.ts into data/capex/calibration.json;
 * a test recomputes it, so the stored factors cannot go stale.
 */
import data from '../../../data/capex/calibration.json' with { type: 'json' };

/** One reference priced by the model. */
export interface CalibrationPoint {
  reference_id: string;
  use: 'calibration' | 'abroad' | 'benchmark';
  /** Normalised reference cost [class currency of the cost year]. */
  reference_cost: number;
  /** Model cost of the reference's design, k = 1 [class currency of the cost year]. */
  model_cost: number;
}

/** A fitted family with its residuals. */
export interface FamilyCalibration {
  /** k: geometric mean of reference / model over the `calibration` points [–]. */
  factor: number;
  points: (CalibrationPoint & {
    /** reference / (k · model) − 1 [–]. */
    residual: number;
  })[];
}

/**
 * k = exp(mean ln(C_ref / C_model)) over the calibration points; residual_j = C_ref,j / (k·C_model,j) − 1.
 * @returns undefined when no point is usable for the fit
 */
export function fitFamily(points: readonly CalibrationPoint[]): FamilyCalibration | undefined {
  const fit = points.filter(
    (p) => p.use === 'calibration' && p.model_cost > 0 && p.reference_cost > 0,
  );
  if (fit.length === 0) return undefined;
  const k = Math.exp(
    fit.reduce((s, p) => s + Math.log(p.reference_cost / p.model_cost), 0) / fit.length,
  );
  return {
    factor: k,
    points: points.map((p) => ({ ...p, residual: p.reference_cost / (k * p.model_cost) - 1 })),
  };
}

/** The stored calibration (data/capex/calibration.json), by `<class>/<family>`. */
export const STORED_CALIBRATION: Readonly<Record<string, FamilyCalibration>> = (
  data as { families: Record<string, FamilyCalibration> }
).families;

/**
 * The stored factors by class, then family: a constant of the data file, looked up without
 * building a `<class>/<family>` key (a Monte Carlo sample that re-costs a stage looks up several).
 */
const FACTORS_BY_CLASS: ReadonlyMap<string, ReadonlyMap<string, number>> = (() => {
  const out = new Map<string, Map<string, number>>();
  for (const [key, fit] of Object.entries(STORED_CALIBRATION)) {
    const slash = key.indexOf('/');
    const cls = key.slice(0, slash);
    const byFamily = out.get(cls) ?? new Map<string, number>();
    byFamily.set(key.slice(slash + 1), fit.factor);
    out.set(cls, byFamily);
  }
  return out;
})();

/** The calibration factor of a class and family, or undefined when the family is uncalibrated. */
export function calibrationFactor(classId: string, family: string): number | undefined {
  return FACTORS_BY_CLASS.get(classId)?.get(family);
}
