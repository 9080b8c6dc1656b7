/**
 * The `commercial` section of an appraisal: how each product sold is valued (quotation, price
 * point, conversion to ex-works, realised price by year), the tariff path and the feed
 * contracts with their use — what the readable summary and reports show next to the numbers.
 */
import type { AppraisalCommercial, StageResult } from './appraisal.js';
import type { CommercialBasis } from './econ/commercial/types.js';
import { feedUseByStage } from './econ/project/project-economics.js';
import type { Scenario } from './scenario/schema.js';

export function commercialSummary(
  scenario: Scenario,
  stages: readonly StageResult[],
  basis: CommercialBasis,
): AppraisalCommercial {
  const byYear = (v: ArrayLike<number>) =>
    Array.from({ length: v.length }, (_, r) => ({
      year: basis.start_year + r,
      value: v[r] ?? NaN,
    }));
  const seen = new Set<string>();
  const products: AppraisalCommercial['products'] = [];
  for (const s of stages)
    for (const p of s.products) {
      if (seen.has(p.id)) continue;
      seen.add(p.id);
      const priced = basis.product(p.id, p.composition_wt_pct ?? {});
      products.push({
        id: p.id,
        price_point: priced.price_point,
        basis_path: priced.basis_path,
        quote_usd_per_t: priced.quote_usd_per_t,
        ex_works_usd_per_t: priced.ex_works_usd_per_t,
        fca_border_usd_per_t: priced.fca_border_usd_per_t,
        conversion: priced.steps,
        ex_works_usd_per_t_by_year: byYear(priced.ex_works_usd_per_t_by_row).map((x) => ({
          year: x.year,
          usd_per_t: x.value,
        })),
      });
    }
  const use = feedUseByStage(scenario, stages);
  return {
    valuation_point: basis.valuation_point,
    products,
    electricity_kzt_per_kwh_by_year: byYear(basis.electricity.kzt_per_kwh_by_row).map((x) => ({
      year: x.year,
      kzt_per_kwh: x.value,
    })),
    feeds: scenario.feeds.map((f) => {
      const c = basis.feed(f.id);
      return {
        id: f.id,
        contract_t_per_year: c.volume_t_per_year,
        use_t_per_year: [...(use.get(f.id)?.values() ?? [])].reduce((a, b) => a + b, 0),
        price_source: c.price_source,
        take_or_pay_share: c.take_or_pay_share,
        supplier: c.supplier?.name ?? null,
      };
    }),
  };
}
