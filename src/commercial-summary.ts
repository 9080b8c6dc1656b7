/**
 * The `commercial` section of an appraisal: how each product sold or bought at market is valued
 * (quotation, price point, conversion to ex-works, realised price by year), the tariff path and
 * the feed contracts with their use — what the readable summary and reports show next to the
 * numbers.
 */
import type { AppraisalCommercial, StageResult } from './appraisal.js';
import type { CommercialBasis, PricedStream } from './econ/commercial/types.js';
import { feedUseByStage } from './econ/project/project-economics.js';
import type { Scenario } from './scenario/schema.js';

function byYear(basis: CommercialBasis, v: ArrayLike<number>): { year: number; value: number }[] {
  return Array.from({ length: v.length }, (_, r) => ({
    year: basis.start_year + r,
    value: v[r] ?? NaN,
  }));
}

function productEntry(basis: CommercialBasis, priced: PricedStream) {
  return {
    id: priced.id,
    price_point: priced.price_point,
    basis_path: priced.basis_path,
    quote_usd_per_t: priced.quote_usd_per_t,
    ex_works_usd_per_t: priced.ex_works_usd_per_t,
    fca_border_usd_per_t: priced.fca_border_usd_per_t,
    conversion: priced.steps,
    ex_works_usd_per_t_by_year: byYear(basis, priced.ex_works_usd_per_t_by_row).map((x) => ({
      year: x.year,
      usd_per_t: x.value,
    })),
    market_response: priced.market_response,
  };
}

export function commercialSummary(
  scenario: Scenario,
  stages: readonly StageResult[],
  basis: CommercialBasis,
): AppraisalCommercial {
  const products = new Map<string, PricedStream>();
  for (const s of stages)
    for (const p of s.products)
      if (!products.has(p.id)) products.set(p.id, basis.product(p.id, p.composition_wt_pct ?? {}));
  // The products that market-priced feed contracts follow (the concentrate a smelter buys).
  for (const f of scenario.feeds) {
    const c = f.contract;
    if (c?.price === 'market' && !products.has(c.product))
      products.set(c.product, basis.product(c.product, basis.feed(f.id).analysis));
  }
  const use = feedUseByStage(scenario, stages);
  return {
    valuation_point: basis.valuation_point,
    products: [...products.values()].map((p) => productEntry(basis, p)),
    electricity_kzt_per_kwh_by_year: byYear(basis, basis.electricity.kzt_per_kwh_by_row).map(
      (x) => ({ year: x.year, kzt_per_kwh: x.value }),
    ),
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
