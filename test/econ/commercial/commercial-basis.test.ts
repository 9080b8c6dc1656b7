// The commercial basis (issue 14): one price point for every stream, explicit conversions, the
// concentrate price formula, a price deck, the tariff path, supply contracts, the off-gas power
// plant, and the investor and economy views of the Aktobe scenarios.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { appraise, appraiseDetailed } from '../../../src/appraise.js';
import {
  crFeRatio,
  gradedConcentratePrice,
} from '../../../src/econ/commercial/concentrate-formula.js';
import { decimalYear, deckMedian } from '../../../src/econ/commercial/price-deck.js';
import { gateValues, valuesAtPoints } from '../../../src/econ/commercial/price-points.js';
import { PRICE_POINTS } from '../../../src/scenario/commercial-schema.js';
import { loadScenario } from '../../../src/scenario/index.js';
import { compilePricePaths } from '../../../src/uncertainty/paths/log-ou-path.js';
import { ROOT } from '../../helpers/run-cli.js';

const read = (f: string) => readFileSync(`${ROOT}/scenarios/${f}`, 'utf8');
const load = (text: string) => loadScenario(text, 'test.yaml');
const run = (text: string) => appraise(load(text), { breakEvens: false });
const noTop = (t: string) => t.replace(/\n {6}take_or_pay_share:\n[^\n]*\n/, '\n');
const legs = {
  rail_to_border_usd_per_t: 35,
  border_crossing_usd_per_t: 8,
  china_rail_to_mill_usd_per_t: 45,
  china_port_to_mill_usd_per_t: 25,
};

describe('price points', () => {
  it('delivered-china → ex-works: rail, border, duty and China rail, and back again', () => {
    const v = valuesAtPoints(1000, 'delivered-china', legs, 2, 0);
    const sum = v.steps.reduce((a, s) => a + s.usd_per_t, 0);
    expect(v.ex_works_usd_per_t).toBeCloseTo(1000 + sum, 9);
    // Forward along the route: ex-works + rail = FCA; + border = customs value; × (1 + duty)
    // + China rail = the delivered price.
    expect(v.fca_border_usd_per_t).toBeCloseTo(v.ex_works_usd_per_t + 35, 9);
    expect((v.fca_border_usd_per_t + 8) * 1.02 + 45).toBeCloseTo(1000, 9);
  });

  it('china-port adds the port-to-mill leg seaborne material bears; ex-works is the identity', () => {
    const port = valuesAtPoints(300, 'china-port', legs, 0, 0);
    const delivered = valuesAtPoints(325, 'delivered-china', legs, 0, 0);
    expect(port.ex_works_usd_per_t).toBeCloseTo(delivered.ex_works_usd_per_t, 9);
    expect(valuesAtPoints(300, 'ex-works', legs, 0, 0)).toMatchObject({
      ex_works_usd_per_t: 300,
      fca_border_usd_per_t: 335,
      steps: [],
    });
    expect(valuesAtPoints(300, 'other', legs, 0, 60).ex_works_usd_per_t).toBe(240);
  });

  it('gateValues gives the numbers of valuesAtPoints bit for bit, without the steps', () => {
    for (const point of PRICE_POINTS)
      for (const q of [0, 1, 333.3, 1234.5678, 98765.4321])
        for (const duty of [0, 2, 7.5]) {
          const full = valuesAtPoints(q, point, legs, duty, 61.7);
          expect(gateValues(q, point, legs, duty, 61.7)).toEqual({
            ex_works_usd_per_t: full.ex_works_usd_per_t,
            fca_border_usd_per_t: full.fca_border_usd_per_t,
          });
        }
  });
});

describe('concentrate price formula', () => {
  const f = {
    basis_usd_per_dmtu: 7,
    basis_cr2o3_pct: 47,
    cr2o3_step_usd_per_dmtu_per_pct: 0.05,
    basis_cr_fe: 2.8,
    cr_fe_premium_usd_per_dmtu: 0.3,
    sio2_max_pct: 6,
    sio2_penalty_usd_per_dmt_per_pct: 3,
    p_max_pct: 0.01,
    p_penalty_usd_per_dmt_per_0_01pct: 1,
  };

  it('Cr/Fe of pure chromite FeCr2O4 is 2·M(Cr)/M(Fe) = 1.862', () => {
    // FeCr2O4 = FeO·Cr2O3: 67.9 % Cr2O3, 32.1 % FeO (IUPAC 2021 atomic weights).
    expect(crFeRatio({ Cr2O3: 67.9, FeO: 32.1 })).toBeCloseTo((2 * 51.9961) / 55.845, 2);
  });

  it('at the basis analysis the price is grade × basis unit price; premiums and penalties add up', () => {
    const basis = { Cr2O3: 47, FeO: (47 * 0.68421) / 2.8 / 0.77731, SiO2: 6 };
    // (molar-mass fractions rounded to 5 digits in the fixture: 1e-3 USD/t).
    expect(gradedConcentratePrice(f, basis).usd_per_dmt).toBeCloseTo(47 * 7, 2);
    const g = gradedConcentratePrice(f, { Cr2O3: 50, FeO: 10, SiO2: 8, P2O5: 0.1 });
    const p = 0.1 * ((2 * 30.974) / 141.943);
    const expected =
      50 * (7 + 0.05 * 3 + 0.3 * (crFeRatio({ Cr2O3: 50, FeO: 10 }) - 2.8)) -
      3 * 2 -
      (1 * (p - 0.01)) / 0.01;
    // (P in P2O5 from rounded atomic weights in the fixture: agreement to 1e-4 USD/t)
    expect(g.usd_per_dmt).toBeCloseTo(expected, 3);
    expect(g.terms.reduce((a, t) => a + t.usd_per_dmt, 0)).toBeCloseTo(g.usd_per_dmt, 9);
  });
});

describe('price deck', () => {
  it('starts at today, reverts to the long-term level, and is the median of the Monte Carlo paths', () => {
    expect(decimalYear('2025-10')).toBeCloseTo(2025 + 9.5 / 12, 12);
    expect(deckMedian(8495, 7658, 0.37, 2025.79, 2025.79)).toBeCloseTo(8495, 9);
    expect(deckMedian(8495, 7658, 0.37, 2025.79, 2100)).toBeCloseTo(7658, 6);
    expect(deckMedian(8495, 7658, 0, 2025.79, 2040)).toBeCloseTo(8495, 9);
    // The sampler (src/uncertainty/paths) at the median shock (u = 0.5, z = 0) follows the deck.
    const k = 0.37;
    const paths = compilePricePaths({
      name: 'x',
      series: [
        {
          name: 'p',
          start: 8495,
          longRunMedian: 7658,
          reversionPerYear: k,
          volatility: 0.2,
          indices: [0, 1, 2, 3, 4],
        },
      ],
    });
    const out = new Float64Array(5);
    paths.apply(new Float64Array(5).fill(0.5), 0, out);
    out.forEach((v, t) => {
      expect(v).toBeCloseTo(deckMedian(8495, 7658, k, 0, t + 1), 6);
    });
  });
});

describe('the reference scenarios on one commercial basis', () => {
  const raw = appraiseDetailed(load(read('aktobe-raw-export.yaml')), { breakEvens: false });
  const one = appraiseDetailed(load(read('aktobe-stage1.yaml')), { breakEvens: false });
  const both = appraise(load(read('aktobe-stage1-2.yaml')), { breakEvens: false });

  it('raw export sells and stage 1 buys the concentrate at the same point and price, every year', () => {
    const sold = raw.cashflow_inputs[0]!.input.products[0]!;
    const bought = one.appraisal.stages[0]!.opex!.lines.find(
      (l) => l.id === 'feed:kempirsai-concentrate',
    )!;
    expect(
      one.appraisal.commercial!.products.find((p) => p.id === 'chromite-concentrate')!.price_point,
    ).toBe('china-port');
    expect(raw.appraisal.views!.investor.price_point).toBe('ex-works');
    expect(bought.unit_price_usd).toBe(sold.price_usd_per_t);
    expect(bought.price_by_row).toEqual(Array.from(sold.price_usd_per_t_by_row!));
  });

  it('the economy view includes the mine: same MET in raw export and stage 1, and the economy take of stage 1 includes it', () => {
    const rawMet = raw.appraisal.views!.economy.met_npv_usd;
    const e = one.appraisal.views!.economy;
    expect(rawMet).toBeGreaterThan(0);
    expect(e.met_npv_usd).toBeCloseTo(rawMet, 3);
    expect(e.government_take_npv_usd).toBeGreaterThan(
      e.met_npv_usd + one.appraisal.views!.investor.government_take_npv_usd - 1,
    );
    expect(one.appraisal.views!.investor.met_npv_usd).toBe(0);
    expect(e.entities.map((x) => x.kind)).toEqual(['project-stage', 'supplier']);
  });

  it('without take-or-pay, the economy gains exactly the smelter’s NPV over raw export (the mine is the same)', () => {
    const r = run(noTop(read('aktobe-raw-export.yaml')));
    const o = run(noTop(read('aktobe-stage1.yaml')));
    expect(o.views!.economy.npv_usd - r.views!.economy.npv_usd).toBeCloseTo(
      o.views!.investor.npv_usd,
      2,
    );
  });

  it("the economy view withholds its IRR (the mine's capital is not in the flow) and says why; the investor view keeps its own", () => {
    const e = one.appraisal.views!.economy;
    expect(e.irr).toBeNull();
    expect(e.irr_reason).toMatch(/feed suppliers/);
    expect(one.appraisal.views!.investor.irr).toBe(one.appraisal.metrics!.irr);
    expect(one.appraisal.views!.investor.irr_reason).toBeNull();
  });

  it('the same ore tonnage enters every Aktobe scenario', () => {
    const mine = (a: typeof both) =>
      a.views!.economy.jobs.direct_by_entity['supplier-kempirsai-concentrate'] ??
      a.views!.economy.jobs.direct_by_entity.export;
    expect(mine(one.appraisal)).toBe(Math.round(1.8 * 210));
    expect(mine(both)).toBe(mine(raw.appraisal));
    expect(mine(one.appraisal)).toBe(mine(raw.appraisal));
  });

  it('the realised FeCr price differs between the first and the tenth year of operation (a deck)', () => {
    const fecr = one.appraisal.commercial!.products.find((p) => p.id === 'hc-ferrochrome')!;
    const at = (y: number) => fecr.ex_works_usd_per_t_by_year.find((x) => x.year === y)!.usd_per_t;
    expect(Math.abs(at(2028) - at(2037))).toBeGreaterThan(10);
    const input = one.cashflow_inputs[0]!.input.products.find((p) => p.name === 'hc-ferrochrome')!;
    expect(input.price_usd_per_t_by_row![2]).toBeCloseTo(at(2028), 9);
  });

  it('take-or-pay: in the first ramp-up year the buyer pays 80 % of the contract less what it takes', () => {
    const input = one.cashflow_inputs[0]!.input;
    const top = input.yearly_costs!.find((y) => y.name === 'take-or-pay shortfall')!;
    const feed = one.appraisal.stages[0]!.opex!.lines.find(
      (l) => l.id === 'feed:kempirsai-concentrate',
    )!;
    const shortfall = 0.8 * 190000 - 0.6 * feed.quantity_per_year;
    const first = input.operation.first_index;
    expect(top.usd_by_row[first]).toBeCloseTo(shortfall * feed.price_by_row![first]!, 3);
    expect(top.usd_by_row[first - 1]).toBe(0);
    expect(top.usd_by_row[first + 2]).toBe(0);
  });

  it('feed use above the contract is an error naming the feed and both tonnages, unless the extra is declared', () => {
    const extra = read('aktobe-stage1.yaml').replace('value: 190000', 'value: 180000');
    const over = extra.replace(/\n {4}extra_supply:\n(?: {6}[^\n]*\n)+/, '\n');
    expect(over).not.toContain('extra_supply');
    expect(() => run(over)).toThrow(/kempirsai-concentrate.*184,78\d t\/year.*180,000 t\/year/s);
    const a = run(extra);
    const line = a.stages[0]!.opex!.lines.find((l) => l.id === 'feed:kempirsai-concentrate:extra')!;
    expect(line.quantity_per_year).toBeCloseTo(a.commercial!.feeds[0]!.use_t_per_year - 180000, 6);
    expect(line.unit_price_usd).toBe(300);
  });

  it('the grid connection is capex of demand × USD/MW, with a lead-time warning', () => {
    const input = one.cashflow_inputs[0]!.input;
    const grid = input.capex.find((c) => c.name === 'smelter: grid connection')!;
    const g = one.appraisal.stages[0]!.grid_connection!;
    expect(grid.amount_usd).toBeCloseTo(g.demand_MW * 150000, 6);
    expect(g.demand_MW).toBeCloseTo(one.appraisal.impact!.power_demand_MW, 9);
    expect(
      one.appraisal.stages[0]!.warnings.some((w) => /grid connection takes 3 years/.test(w)),
    ).toBe(true);
  });

  it('an off-gas power plant nets its electricity from the purchase and scope 2, and its capex is priced from its power', () => {
    const text = read('aktobe-stage1.yaml').replace(
      '    flowsheet:\n      template: fecr-dc',
      '    power_plant: {}\n    flowsheet:\n      template: fecr-dc',
    );
    const a = run(text);
    const st = a.stages[0]!;
    const p = st.power_plant!;
    const gas = st.byproducts.find((b) => b.id === 'off-gas')!.energy_MWh_per_year!;
    expect(p.generation_MWh_per_year).toBeCloseTo(gas * 0.3, 6);
    expect(p.own_use_MWh_per_year).toBeCloseTo(
      Math.min(p.generation_MWh_per_year, st.consumptions.electricity!),
      6,
    );
    const line = st.opex!.lines.find((l) => l.id === 'electricity')!;
    expect(line.quantity_per_year).toBeCloseTo(
      st.consumptions.electricity! - p.own_use_MWh_per_year,
      6,
    );
    expect(a.emissions!.scope2_t_co2_per_year).toBeCloseTo(line.quantity_per_year * 0.85, 3);
    expect(a.not_implemented.some((n) => /off-gas power plant/.test(n.what))).toBe(false);
    // its power [MW] = the generation spread over the operating hours of the year
    const plant = st.capex!.units.find((u) => u.unit_id === 'offgas-power-plant')!;
    expect(plant.item_id).toBe('offgas-power-plant');
    const hours = p.generation_MWh_per_year / plant.size;
    expect(hours).toBeGreaterThan(7000);
    expect(hours).toBeLessThanOrEqual(8760);
    expect(st.capex_usd!).toBeGreaterThan(one.appraisal.stages[0]!.capex_usd!);
  });

  it('jobs of the economy view: every entity direct, construction by year from capex, indirect by the multiplier', () => {
    const j = one.appraisal.views!.economy.jobs;
    expect(j.direct).toBe(one.appraisal.stages[0]!.staffing!.direct_jobs + Math.round(1.8 * 210));
    const row = one.appraisal.views!.economy.cashflow.find((r) => r.capex_usd > 0)!;
    expect(j.construction_by_year[0]).toEqual({
      year: row.year,
      jobs: Math.round((row.capex_usd / 1e6) * 30),
    });
    expect(j.indirect).toBeCloseTo(j.direct * 1.5, 9);
  });
});
