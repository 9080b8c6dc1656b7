/**
 * Regional impact of the project: gross value added by stage, value over the raw-export
 * baseline, the value ladder per t of contained Cr, jobs, taxes to the budget, exports by HS
 * code and power demand.
 *
 * * GVA of a stage = output − intermediate consumption = revenue − (opex − wages), at nameplate
 *   (wages and the operating surplus are the value added; feeds, consumables, power,
 *   maintenance, insurance, overheads and logistics are bought in).
 * * Value over the raw-export baseline = GVA of the processing stages, with the concentrate
 *   they consume valued at the market price the baseline would sell it for (the mining GVA is
 *   the same in both cases and cancels).
 * * Value ladder = ex-works price per t of contained Cr of each product form (concentrate from
 *   the feed's contract price), in the base year, ordered by depth of processing.
 * * Indirect jobs = direct jobs × impact.indirect_jobs_per_direct_job.
 * * Government take = Σ DF_t · taxes_t (combined cash flow, unlevered taxes).
 */
import type { AppraisalImpact, ExportLine, StageResult, TaxYear } from '../appraisal.js';
import { containedCrWtPct } from '../chem/contained-cr.js';
import type { CashflowTable } from '../econ/cashflow/types.js';
import type { StageEconomics } from '../econ/project/stage-economics.js';
import type { CommercialBasis } from '../econ/commercial/types.js';
import { operatingHours } from '../plant/hours.js';
import { PRODUCTS } from '../scenario/product-catalogue.js';
import type { Scenario } from '../scenario/schema.js';

/** Value-ladder key of a product id (`hc-ferrochrome` → `hc_ferrochrome`). */
function ladderKey(productId: string): string {
  return productId === 'chromite-concentrate' ? 'concentrate' : productId.replaceAll('-', '_');
}

/**
 * Gross value added of one stage at nameplate = revenue − (opex − wages) [USD/a].
 * @param e - The stage's economics.
 */
export function stageValueAdded(e: StageEconomics): number {
  let wages = 0;
  for (const l of e.opex.lines) if (l.category === 'labour') wages += l.cost_usd_per_year;
  return e.revenue_usd_per_year - (e.opex.total_usd_per_year - wages);
}

export function regionalImpact(
  scenario: Scenario,
  stages: readonly StageResult[],
  economics: ReadonlyMap<string, StageEconomics>,
  combined: CashflowTable,
  basis: CommercialBasis,
): AppraisalImpact {
  const byStage: Record<string, number> = {};
  let gva = 0;
  let overBaseline = 0;
  let processing = false;
  let jobs = 0;
  let powerMW = 0;
  const exports: ExportLine[] = [];
  const ladder: { depth: number; key: string; value: number }[] = [];
  const addRung = (productId: string, usdPerTCr: number) => {
    const info = PRODUCTS.find((p) => p.id === productId);
    const key = ladderKey(productId);
    if (!ladder.some((r) => r.key === key))
      ladder.push({ depth: info?.depth ?? 99, key, value: usdPerTCr });
  };
  for (const feed of scenario.feeds) {
    const c = basis.feed(feed.id);
    const price = c.usd_per_t_by_row?.[0];
    if (feed.kind !== 'concentrate' || price === undefined) continue;
    const cr = containedCrWtPct(c.analysis);
    if (cr > 0) addRung('chromite-concentrate', price / (cr / 100));
  }
  for (const [i, s] of stages.entries()) {
    const e = economics.get(s.id);
    const stage = scenario.stages[i];
    if (!e || !stage) continue;
    const value = stageValueAdded(e);
    byStage[s.id] = value;
    gva += value;
    if (s.template !== 'concentrate-sale') {
      processing = true;
      overBaseline += value;
    }
    jobs += e.staffing?.direct_jobs ?? 0;
    const bought = (s.consumptions.electricity ?? 0) - (e.power_plant?.own_use_MWh_per_year ?? 0);
    powerMW += bought / operatingHours(stage.availability.value);
    for (const sale of e.sales) {
      if (sale.cr_wt_pct > 0) addRung(sale.id, sale.price_usd_per_t / (sale.cr_wt_pct / 100));
      const external = sale.t_per_year - sale.internal_t_per_year;
      // Exports at their customs value: the FCA-border value of the product.
      const usd = external * sale.export_share * sale.fca_border_usd_per_t;
      if (usd <= 0) continue;
      const hs = PRODUCTS.find((p) => p.id === sale.id)?.hs_code ?? 'unknown';
      const line = exports.find((x) => x.product === sale.id);
      if (line) line.usd_per_year += usd;
      else exports.push({ product: sale.id, hs_code: hs, usd_per_year: usd });
    }
  }
  ladder.sort((a, b) => a.depth - b.depth);
  const taxes: TaxYear[] = combined.rows.map((r) => ({
    year: r.year,
    cit_usd: r.cit_usd,
    property_tax_usd: r.property_tax_usd,
    land_tax_usd: r.land_tax_usd,
    met_usd: r.met_usd,
    payroll_levies_usd: r.payroll_levies_usd,
    vat_net_usd: r.vat_net_usd,
    total_usd: r.tax_usd,
  }));
  let take = 0;
  for (const r of combined.rows) take += r.discount_factor * r.tax_usd;
  return {
    value_added_usd_per_year: gva,
    value_added_by_stage_usd_per_year: byStage,
    value_added_over_baseline_usd_per_year: processing ? overBaseline : null,
    value_ladder_usd_per_t_cr: Object.fromEntries(ladder.map((r) => [r.key, r.value])),
    jobs_direct: jobs,
    jobs_indirect: jobs * scenario.impact.indirect_jobs_per_direct_job.value,
    taxes_usd_per_year: taxes,
    government_take_npv_usd: take,
    exports_usd_per_year: exports,
    power_demand_MW: powerMW,
  };
}
