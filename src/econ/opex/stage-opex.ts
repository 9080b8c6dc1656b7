/**
 * Operating cost of a stage at nameplate: every consumption of the plant balance × its price
 * (feeds at their contract price, consumables, electricity at the tariff of the commercial basis), labour
 * from the staffing model, maintenance and insurance as shares of capex, overheads as a share
 * of labour + maintenance. Products are sold ex-works (the logistics to their price points are
 * deducted in the netback, src/econ/commercial), so no logistics line arises.
 */
import type { OpexLine, StageOpex, StageStaffing } from '../../appraisal.js';
import { InputError } from '../../errors.js';
import { plainNumbers } from '../../numeric/number-array.js';
import type { Scenario, Stage } from '../../scenario/schema.js';

/** A purchased input of the stage other than consumables (a feed or another stage's product). */
export interface FeedUse {
  /** `feed:<id>`, `feed:<id>:extra` or `stage:<stage id>/<product id>`. */
  ref: string;
  t_per_year: number;
  /** Price in row 0 (base year) [USD/t]. */
  price_usd_per_t: number;
  /** Price by row (a deck or the contract's market price) [USD/t]. */
  price_usd_per_t_by_row?: ArrayLike<number>;
  source: string;
}

/** Electricity bought: price in row 0 and by row, and own generation netted from demand. */
export interface ElectricityPurchase {
  usd_per_mwh: number;
  usd_per_mwh_by_row: ArrayLike<number>;
  /** Electricity generated on site and used by the stage [MWh/a]. */
  own_use_MWh_per_year: number;
  source: string;
}

/** A product leaving the stage (sold ex-works: the buyer bears the logistics, deducted in its netback). */
export interface ProductSale {
  id: string;
  t_per_year: number;
}

export interface StageOpexInput {
  scenario: Scenario;
  electricity: ElectricityPurchase;
  stage: Stage;
  stageIndex: number;
  /** Consumptions at nameplate by consumable id or `electricity` [t/a, m3/a, MWh/a]. */
  consumptions: Readonly<Record<string, number>>;
  feeds: readonly FeedUse[];
  products: readonly ProductSale[];
  /** Total capex of the stage [USD]. */
  capex_usd: number;
  staffing: StageStaffing | null;
  /** Cr contained in the stage's products at nameplate [t/a]. */
  product_cr_t_per_year: number;
}

const CONSUMABLE_PRICE_KEYS = ['price_usd_per_t', 'price_usd_per_m3', 'price_usd_per_mwh'] as const;
const UNIT_OF_KEY = { price_usd_per_t: 't', price_usd_per_m3: 'm3', price_usd_per_mwh: 'MWh' };

function consumablePrice(
  scenario: Scenario,
  id: string,
  stage: Stage,
): { price: number; unit: string; source: string } {
  const entry = scenario.markets.consumables.find((c) => c.id === id);
  for (const key of CONSUMABLE_PRICE_KEYS) {
    const p = entry?.[key];
    if (p)
      return {
        price: p.value,
        unit: UNIT_OF_KEY[key],
        source: `markets.consumables.${id}.${key}: ${p.source}`,
      };
  }
  throw new InputError(
    'markets.consumables',
    id,
    `a price for consumable "${id}", which stage "${stage.id}" (${stage.flowsheet.template}) consumes`,
  );
}

/**
 * @returns The stage's opex lines at nameplate and their totals; cash cost per t of product and
 *   per t of contained Cr.
 * @throws InputError naming the scenario field when a consumed input has no price.
 */
export function stageOpex(input: StageOpexInput): StageOpex {
  const { scenario, stage } = input;
  const lines: OpexLine[] = [];
  for (const f of input.feeds) {
    const line: OpexLine = {
      id: f.ref,
      category: 'feed',
      quantity_per_year: f.t_per_year,
      unit: 't',
      unit_price_usd: f.price_usd_per_t,
      cost_usd_per_year: f.t_per_year * f.price_usd_per_t,
      variable: true,
      source: f.source,
    };
    if (f.price_usd_per_t_by_row) line.price_by_row = plainNumbers(f.price_usd_per_t_by_row);
    lines.push(line);
  }
  for (const id in input.consumptions) {
    const quantity = input.consumptions[id] as number;
    if (quantity === 0) continue;
    if (quantity < 0 || !Number.isFinite(quantity))
      throw new InputError(
        `stages[${input.stageIndex}].consumptions.${id}`,
        quantity,
        'a finite quantity ≥ 0',
      );
    if (id === 'electricity') {
      const e = input.electricity;
      const bought = quantity - e.own_use_MWh_per_year;
      if (bought > 0)
        lines.push({
          id,
          category: 'energy',
          quantity_per_year: bought,
          unit: 'MWh',
          unit_price_usd: e.usd_per_mwh,
          cost_usd_per_year: bought * e.usd_per_mwh,
          variable: true,
          source:
            e.own_use_MWh_per_year > 0
              ? `${e.source}; demand ${quantity.toFixed(0)} MWh/a less ${e.own_use_MWh_per_year.toFixed(0)} MWh/a from the off-gas power plant`
              : e.source,
          price_by_row: plainNumbers(e.usd_per_mwh_by_row),
        });
      continue;
    }
    const p = consumablePrice(scenario, id, stage);
    lines.push({
      id,
      category: id === 'natural-gas' ? 'energy' : 'consumable',
      quantity_per_year: quantity,
      unit: p.unit,
      unit_price_usd: p.price,
      cost_usd_per_year: quantity * p.price,
      variable: true,
      source: p.source,
    });
  }
  let labour = 0;
  if (input.staffing) {
    labour = input.staffing.wages_usd_per_year;
    lines.push({
      id: 'labour',
      category: 'labour',
      quantity_per_year: input.staffing.direct_jobs,
      unit: 'person',
      unit_price_usd: labour / input.staffing.direct_jobs,
      cost_usd_per_year: labour,
      variable: false,
      source:
        'staffing model (data/econ/staffing.json) × markets.labour.average_wage_kzt_per_month ÷ markets.fx.kzt_per_usd; employer levies are taxes in the cash flow',
    });
  }
  const o = stage.opex;
  const maintenance = (input.capex_usd * o.maintenance_pct_of_capex.value) / 100;
  const fixed = (id: 'maintenance' | 'insurance' | 'overhead', cost: number, source: string) => {
    if (cost > 0)
      lines.push({
        id,
        category: id,
        quantity_per_year: 1,
        unit: 'year',
        unit_price_usd: cost,
        cost_usd_per_year: cost,
        variable: false,
        source,
      });
  };
  fixed(
    'maintenance',
    maintenance,
    `stages.${stage.id}.opex.maintenance_pct_of_capex × capex: ${o.maintenance_pct_of_capex.source}`,
  );
  fixed(
    'insurance',
    (input.capex_usd * o.insurance_pct_of_capex.value) / 100,
    `stages.${stage.id}.opex.insurance_pct_of_capex × capex: ${o.insurance_pct_of_capex.source}`,
  );
  fixed(
    'overhead',
    ((labour + maintenance) * o.overhead_pct_of_labour_and_maintenance.value) / 100,
    `stages.${stage.id}.opex.overhead_pct_of_labour_and_maintenance: ${o.overhead_pct_of_labour_and_maintenance.source}`,
  );
  let total = 0;
  for (const l of lines) total += l.cost_usd_per_year;
  let productT = 0;
  for (const p of input.products) productT += p.t_per_year;
  return {
    lines,
    total_usd_per_year: total,
    cash_cost_usd_per_t: productT > 0 ? total / productT : 0,
    cash_cost_usd_per_t_cr:
      input.product_cr_t_per_year > 0 ? total / input.product_cr_t_per_year : null,
  };
}
