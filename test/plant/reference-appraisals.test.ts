// The reference scenarios appraise end to end through the unit models (issue 5 item 5): the
// smelting route and the chromium route are each switched by one key, and every variant still
// appraises, closes its balances and reports the KPIs issue 5 names.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { appraise } from '../../src/appraise.js';
import { loadScenario } from '../../src/scenario/index.js';
import { ROOT } from '../helpers/run-cli.js';

const read = (f: string) => readFileSync(`${ROOT}/scenarios/${f}`, 'utf8');
const FECR_KPIS = [
  'specific_energy_MWh_per_t',
  'ore_t_per_t',
  'slag_t_per_t',
  'alloy_cr_wt_pct',
  'alloy_c_wt_pct',
  'cr_recovery',
  'furnace_MW',
  'co2_t_per_t',
  'slag_viscosity_Pa_s',
  'slag_liquidus_K',
  'slag_superheat_K',
  'alloy_s_wt_pct',
  'alloy_p_wt_pct',
  'alloy_ti_wt_pct',
  'alloy_in_grade',
];

describe('stage 1 with every ferrochrome route', () => {
  it.each(['fecr-dc', 'fecr-saf', 'fecr-outokumpu', 'fecr-prereduced'])(
    '%s appraises with its KPIs and closed balances',
    (template) => {
      const a = appraise(
        loadScenario(
          read('aktobe-stage1.yaml').replace('template: fecr-dc', `template: ${template}`),
          'x',
        ),
      );
      const st = a.stages[0]!;
      expect(st.status).toBe('computed');
      for (const k of FECR_KPIS) expect(Number.isFinite(st.kpis[k]), k).toBe(true);
      expect(st.products[0]).toMatchObject({
        id: 'hc-ferrochrome',
        t_per_year: expect.closeTo(80000, 6) as number,
      });
      // Bands of shared/domain/facts.md §3.2/§7: alloy Cr 65–72 %, ore 2.05–2.5 t/t (our 48.5 % concentrate).
      expect(st.kpis.alloy_cr_wt_pct).toBeGreaterThan(65);
      expect(st.kpis.alloy_cr_wt_pct).toBeLessThan(72);
      expect(st.kpis.ore_t_per_t).toBeGreaterThan(2.05);
      expect(st.kpis.ore_t_per_t).toBeLessThan(2.5);
      expect(a.balance!.max_closure_rel).toBeLessThanOrEqual(1e-9);
      expect(a.not_implemented.some((n) => n.what.includes('unit models'))).toBe(false);
    },
  );
});

describe('stages 1 + 2 with either chromium route', () => {
  it.each(['cr-aluminothermic', 'cr-electrolytic'])(
    '%s appraises after the smelter',
    (template) => {
      const a = appraise(
        loadScenario(
          read('aktobe-stage1-2.yaml').replace(
            'template: cr-aluminothermic',
            `template: ${template}`,
          ),
          'x',
        ),
      );
      const cr = a.stages[1]!;
      expect(cr.status).toBe('computed');
      expect(cr.products[0]).toMatchObject({
        id: 'chromium-metal',
        t_per_year: expect.closeTo(5000, 6) as number,
      });
      expect(cr.products[0]!.composition_wt_pct?.Cr).toBeGreaterThan(99);
      expect(a.balance!.units.some((u) => u.stage === 'chromium')).toBe(true);
      expect(a.balance!.max_closure_rel).toBeLessThanOrEqual(1e-9);
      if (template === 'cr-aluminothermic') {
        for (const k of ['al_t_per_t_cr', 'charge_specific_heat_kJ_per_kg', 'adiabatic_T_K']) {
          expect(Number.isFinite(cr.kpis[k]), k).toBe(true);
        }
      }
    },
  );
});

describe('stage results carry by-products and energy balances', () => {
  it('the DC smelter reports slag and off-gas per year and closed unit energy balances', () => {
    const a = appraise(loadScenario(read('aktobe-stage1.yaml'), 'x'));
    const st = a.stages[0]!;
    const slag = st.byproducts.find((b) => b.id === 'slag');
    expect(slag?.t_per_year).toBeCloseTo(st.kpis.slag_t_per_t! * 80000, 3);
    expect(st.byproducts.find((b) => b.id === 'off-gas')?.energy_MWh_per_year).toBeGreaterThan(0);
    expect(st.energy_balances.length).toBeGreaterThan(0);
    for (const e of st.energy_balances) expect(e.closure_rel).toBeLessThanOrEqual(1e-9);
  });
});

describe('electricity of the chromium stage from its units (issue 16 item 5)', () => {
  it('stages 1 + 2 draw more power and emit more scope-2 CO2 than stage 1 alone', () => {
    const one = appraise(loadScenario(read('aktobe-stage1.yaml'), 'stage 1'));
    const both = appraise(loadScenario(read('aktobe-stage1-2.yaml'), 'stages 1 + 2'));
    const elec = (a: typeof one) =>
      a.stages.reduce((s, st) => s + (st.consumptions.electricity ?? 0), 0);
    const demand = (a: typeof one) =>
      a.stages.reduce((s, st) => s + (st.grid_connection?.demand_MW ?? 0), 0);
    const cr = both.stages.find((s) => s.id === 'chromium')!;
    // every unit of the aluminothermic route draws its auxiliary drives' power
    expect(cr.consumptions.electricity).toBeGreaterThan(0);
    expect(cr.grid_connection?.demand_MW).toBeGreaterThan(0);
    expect(elec(both)).toBeGreaterThan(elec(one));
    expect(demand(both)).toBeGreaterThan(demand(one));
    expect(both.emissions!.scope2_t_co2_per_year).toBeGreaterThan(
      one.emissions!.scope2_t_co2_per_year,
    );
    // scope 2 is the grid factor × the electricity bought, stage 2's share included
    const grid = both.emissions!.grid_factor_t_co2_per_mwh;
    expect(
      both.emissions!.scope2_t_co2_per_year - one.emissions!.scope2_t_co2_per_year,
    ).toBeCloseTo(grid * (cr.consumptions.electricity ?? NaN), 0);
  });
});

describe('the chromate route of the reference stages 1 + 2 (issue 16 items 1, 2)', () => {
  const a = appraise(loadScenario(read('aktobe-stage1-2.yaml'), 'x'));
  const cr = a.stages.find((s) => s.id === 'chromium')!;

  it('roasts without lime filler (< 0.1 t per t Cr) and carries no obsolete-route warning', () => {
    expect(cr.kpis.roast_lime_t_per_t).toBeLessThan(0.1);
    expect(cr.warnings.some((w) => /lime-filler/.test(w))).toBe(false);
    expect(cr.warnings.some((w) => /cost-free tailings/.test(w))).toBe(false);
  });

  it('prices the detox reagents and hazardous-waste disposal in the opex', () => {
    const ids = cr.opex!.lines.map((l) => l.id);
    expect(ids).toContain('ferrous-sulphate');
    expect(ids).toContain('hazardous-waste-disposal');
    expect(cr.capex!.units.some((u) => u.unit_id === 'detox')).toBe(true);
    expect(cr.capex!.units.some((u) => u.unit_id === 'wwt')).toBe(true);
  });

  it('reports Cr(VI), hazardous waste and water in the environment section', () => {
    const env = a.environment;
    const st = env.stages.find((s) => s.stage === 'chromium')!;
    expect(st.cr6_generated_kg_per_year).toBeGreaterThan(0);
    expect(st.cr6_treated_kg_per_year).toBeGreaterThan(0);
    expect(st.hazardous_waste_t_per_year).toBeGreaterThan(0);
    expect(st.water_withdrawn_m3_per_year).toBeGreaterThan(0);
    expect(env.total.stages_modelled).toEqual(['chromium']);
    const smelter = env.stages.find((s) => s.stage === 'smelter')!;
    expect(smelter.cr6_generated_kg_per_year).toBeNull();
    expect(smelter.note).toMatch(/bag-filter dust/);
  });

  it('reports the smelter off-gas sulphur as SO2 to air, before gas cleaning', () => {
    const env = a.environment;
    const smelter = env.stages.find((s) => s.stage === 'smelter')!;
    const st = a.stages.find((s) => s.id === 'smelter')!;
    const kpis = st.kpis;
    // off-gas S per t of alloy × alloy at nameplate × SO2/S (64.066/32.06), written out here
    const cap = st.capacity_t_per_year;
    const expected = (kpis.offgas_s_kg_per_t! * cap * (64.066 / 32.06)) / 1000;
    // the KPI is per t of alloy including its minor elements (≈ 0.1 %): agreement to 0.2 %
    expect(smelter.so2_to_air_t_per_year! / expected).toBeCloseTo(1, 2);
    expect(Math.abs(smelter.so2_to_air_t_per_year! / expected - 1)).toBeLessThan(2e-3);
    // the chromate roast fixes its sulphur as sulphate: none to air
    expect(env.stages.find((s) => s.stage === 'chromium')!.so2_to_air_t_per_year).toBe(0);
    expect(env.total.so2_to_air_t_per_year).toBe(smelter.so2_to_air_t_per_year);
    expect(env.total.so2_stages_modelled).toEqual(['smelter', 'chromium']);
  });
});

describe('an obsolete route chosen by its key is a stage warning (issue 16)', () => {
  it('roast: lime-filler warns that China phased it out by 2013; the smelter does not', () => {
    const yaml = read('aktobe-stage1-2.yaml').replace(
      /template: cr-aluminothermic\n/,
      'template: cr-aluminothermic\n      overrides: { roast: lime-filler }\n',
    );
    const a = appraise(loadScenario(yaml, 'x'));
    const cr = a.stages.find((s) => s.id === 'chromium')!;
    expect(cr.warnings.some((w) => /lime-filler.*2013/.test(w))).toBe(true);
    expect(cr.kpis.roast_lime_t_per_t).toBeGreaterThan(1);
    expect(a.stages[0]!.warnings.some((w) => /lime-filler/.test(w))).toBe(false);
  });

  it('the smelter reports its slag liquidus and superheat, warns of their limits and of the alloy S, P, Ti', () => {
    const a = appraise(loadScenario(read('aktobe-stage1.yaml'), 'x'));
    const w = a.stages[0]!.warnings;
    expect(w.some((x) => /not validated at FeCr-slag compositions/.test(x))).toBe(true);
    // the 40.8 % MgO reference slag: spinel primary at 1,755 °C, short of the 100 K superheat at
    // the 1,750 °C tapping temperature (docs/model.md §Slag liquidus)
    const k = a.stages[0]!.kpis;
    expect((k.slag_liquidus_K ?? NaN) - 273.15).toBeCloseTo(1755.5, 0);
    expect(k.slag_superheat_K).toBeCloseTo((k.slag_T_K ?? NaN) - (k.slag_liquidus_K ?? NaN), 9);
    expect(k.slag_superheat_required_K).toBe(100);
    expect(w.some((x) => /slag not liquid enough at tapping.*spinel MgAl2O4/.test(x))).toBe(true);
    expect(a.stages[0]!.slag_liquidus).toEqual({
      T_K: k.slag_liquidus_K,
      primary_phase: 'spinel MgAl2O4',
      superheat_K: k.slag_superheat_K,
      required_superheat_K: 100,
    });
    expect(w.some((x) => /ISO 5448/.test(x))).toBe(true);
    // the liquid slag's viscosity at the tapping temperature is reported (Urbain model)
    const eta = a.stages[0]!.kpis.slag_viscosity_Pa_s ?? NaN;
    expect(eta).toBeGreaterThan(0.01);
    expect(eta).toBeLessThan(10);
  });
});
