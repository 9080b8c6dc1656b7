import type { StageResult } from '../appraisal.js';
import type { StageRun } from '../process/stage-run.js';
import { operatingHours } from './hours.js';

/** A by-product per year: its optional fields stored after the literal (no spreads per sample). */
function yearlyByproduct(
  b: StageRun['byproducts'][number],
  hours: number,
): StageResult['byproducts'][number] {
  const out: StageResult['byproducts'][number] = { id: b.id, t_per_year: b.t_per_h * hours };
  if (b.energy_MWh_per_h !== undefined) out.energy_MWh_per_year = b.energy_MWh_per_h * hours;
  if (b.composition_wt_pct) out.composition_wt_pct = b.composition_wt_pct;
  return out;
}

/**
 * The yearly view of a stage's template run: products and consumptions per year at nameplate
 * rate over the operating hours (ramp-up is applied by the cash flow, not here).
 */
export function stageFromRun(
  run: StageRun,
  availability: number,
): Pick<
  StageResult,
  | 'status'
  | 'products'
  | 'consumptions'
  | 'kpis'
  | 'warnings'
  | 'byproducts'
  | 'energy_balances'
  | 'product_grade'
> {
  const hours = operatingHours(availability);
  const consumptions: Record<string, number> = {};
  for (const c of run.consumptions)
    consumptions[c.id] = (consumptions[c.id] ?? 0) + c.per_h * hours;
  const out: ReturnType<typeof stageFromRun> = {
    status: 'computed',
    products: run.products.map((p) => ({
      id: p.id,
      t_per_year: p.t_per_h * hours,
      composition_wt_pct: p.composition_wt_pct,
    })),
    consumptions,
    // the run's own record, not a copy: the stage result merges its KPIs into a new one
    kpis: run.kpis,
    byproducts: run.byproducts.map((b) => yearlyByproduct(b, hours)),
    energy_balances: run.energy,
    warnings: [...(run.warnings ?? [])],
  };
  if (run.product_grade) out.product_grade = run.product_grade;
  return out;
}
