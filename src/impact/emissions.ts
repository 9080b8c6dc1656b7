/**
 * Scope 1 and 2 CO2 of the stages and the EU CBAM cost on the covered exports.
 *
 * Scope 1 [t CO2/a]:
 * * smelter stages: the carbon balance of the template (`co2_t_per_t` KPI: all furnace-gas
 *   carbon as CO2 — CO is burnt, flared or used for power — plus the sinter and kiln gases);
 * * natural gas: CO2 of CH4 + 2 O2 → CO2 + 2 H2O(g) per MWh of lower heating value, from the
 *   species database (ΔrH°298 of the reaction);
 * * soda ash: Na2CO3 → Na2O + CO2 in the oxidative roast, 44.01/105.99 t CO2 per t (carbonate
 *   fully decomposed).
 * Scope 2 [t CO2/a]: purchased electricity (demand less the own use of an off-gas power plant)
 * × the grid factor (impact.grid_co2_t_per_mwh).
 */
import type { AppraisalEmissions, StageResult } from '../appraisal.js';
import { molarMass_g_per_mol } from '../chem/formula.js';
import type { CashflowRow } from '../econ/cashflow/types.js';
import { PRODUCTS } from '../scenario/product-catalogue.js';
import { DATA_FILES } from '../scenario/data-files.js';
import type { Scenario } from '../scenario/schema.js';
import { reaction } from '../thermo/reaction.js';
import { CBAM_COVERAGE } from './cbam-coverage.js';
import { cbamCostUsd, cbamEmbeddedEmissions } from './cbam.js';

const MJ_PER_MWH = 3600;

/** CO2 from burning natural gas (as CH4) per MWh of lower heating value [t CO2/MWh]. */
export function naturalGasCo2_t_per_MWh(): number {
  // A constant of the thermo data: computed once (it was a visible share of a sample's time).
  return NATURAL_GAS_T_CO2_PER_MWH;
}

function computeNaturalGasCo2(): number {
  const [r] = reaction('CH4 + 2O2 = CO2 + 2H2O(g)', 298.15);
  const lhv_MJ_per_mol = -(r?.dH_kJ ?? NaN) / 1000;
  // t CO2/MWh = (g CO2/mol ÷ MJ/mol) × MJ/MWh ÷ 1e6 g/t
  return ((molarMass_g_per_mol('CO2') / lhv_MJ_per_mol) * MJ_PER_MWH) / 1e6;
}

/** Natural-gas combustion factor [t CO2/MWh LHV] (a constant of the species database). */
const NATURAL_GAS_T_CO2_PER_MWH = computeNaturalGasCo2();

/**
 * CBAM cost of one year's exports of a product under the scenario's EU share, ETS and origin
 * carbon prices and FX; 0 for a product not covered by Annex I. Shared by the emissions
 * schedule and the optional cash-flow line so the two cannot drift apart.
 *
 * @param exported_t - Tonnes of the product exported in the year (all destinations) [t].
 * @param direct_t_co2_per_t - Direct (scope 1) emissions per t (CBAM Annex II: iron and steel
 *   goods, ferro-alloys included, count direct emissions only) [t CO2/t].
 * @returns [USD]
 */
export function scenarioCbamCostUsd(
  scenario: Scenario,
  product: string,
  year: number,
  exported_t: number,
  direct_t_co2_per_t: number,
): number {
  const cbamFile = DATA_FILES['impact/cbam'];
  if (!CBAM_COVERAGE[product]?.covered || !cbamFile || exported_t === 0) return 0;
  const im = scenario.impact;
  return cbamCostUsd(
    {
      year,
      exported_to_eu_t: exported_t * im.eu_export_share.value,
      embedded_t_co2_per_t: scenarioCbamEmbedded(scenario, product, year, direct_t_co2_per_t),
      ets_price_eur_per_t_co2: im.eu_ets_price_eur_per_t_co2.value,
      origin_carbon_price_eur_per_t_co2: im.origin_carbon_price_eur_per_t_co2.value,
      eur_per_usd: scenario.markets.fx.eur_per_usd.value,
    },
    cbamFile,
  );
}

/**
 * Embedded emissions the scenario's CBAM basis charges for `product` in `year` [t CO2/t]: the
 * plant's direct emissions (`actual`) or the entered Annex I default value with the year's
 * mark-up (`default`; scenario semantics require the value for every covered product).
 */
export function scenarioCbamEmbedded(
  scenario: Scenario,
  product: string,
  year: number,
  direct_t_co2_per_t: number,
): number {
  const cbamFile = DATA_FILES['impact/cbam'];
  if (!cbamFile) throw new Error('data/impact/cbam.json is not loaded');
  if (scenario.impact.cbam_emissions !== 'default')
    return cbamEmbeddedEmissions({ kind: 'actual', direct_t_co2_per_t }, cbamFile, year);
  const d = scenario.impact.cbam_default_t_co2_per_t?.[product];
  if (d === undefined)
    throw new Error(
      `impact.cbam_default_t_co2_per_t.${product} is required when impact.cbam_emissions is default`,
    );
  return cbamEmbeddedEmissions({ kind: 'default', default_t_co2_per_t: d.value }, cbamFile, year);
}

/** CO2 released per t of Na2CO3 decomposed [t/t]. */
export const SODA_ASH_CO2_T_PER_T = molarMass_g_per_mol('CO2') / molarMass_g_per_mol('Na2CO3');

/**
 * Scope 1 and 2 of one stage at nameplate [t CO2/a].
 * @param powerPlant - The stage's off-gas power plant (default the result's own)
 */
export function stageEmissions(
  stage: StageResult,
  grid_t_per_MWh: number,
  powerPlant: StageResult['power_plant'] = stage.power_plant,
): { scope1: number; scope2: number } {
  const main = stage.products[0];
  const c = stage.consumptions;
  let scope1 = 0;
  const perT = stage.kpis.co2_t_per_t;
  if (perT !== undefined && main) scope1 += perT * main.t_per_year;
  else {
    scope1 += (c['natural-gas'] ?? 0) * naturalGasCo2_t_per_MWh();
    scope1 += (c['soda-ash'] ?? 0) * SODA_ASH_CO2_T_PER_T;
  }
  // Electricity from the stage's own off-gas power plant is not bought: no scope 2 for it.
  const bought = (c.electricity ?? 0) - (powerPlant?.own_use_MWh_per_year ?? 0);
  return { scope1, scope2: bought * grid_t_per_MWh };
}

/**
 * Scope 1 and 2 of the processing stages at nameplate (the raw-export sale has no plant) [t CO2/a].
 * @param scenario - For the grid emission factor.
 * @param stages - Stage results (computed ones count).
 * @param powerPlantOf - A stage's off-gas power plant by stage id, when the results do not
 *   carry it yet (a Monte Carlo sample's, from its economics); default the results' own.
 */
export function emissionTotals(
  scenario: Scenario,
  stages: readonly StageResult[],
  powerPlantOf?: (stageId: string) => StageResult['power_plant'],
): { scope1: number; scope2: number } {
  const grid = scenario.impact.grid_co2_t_per_mwh.value;
  let scope1 = 0;
  let scope2 = 0;
  for (const s of stages) {
    if (s.status !== 'computed' || s.template === 'concentrate-sale') continue;
    const e = stageEmissions(s, grid, powerPlantOf ? powerPlantOf(s.id) : s.power_plant);
    scope1 += e.scope1;
    scope2 += e.scope2;
  }
  return { scope1, scope2 };
}

/**
 * @param scenario - For the grid factor, EU share, ETS and origin carbon prices, FX.
 * @param stages - Stage results (computed ones count).
 * @param productionByYear - Tonnes of each product exported per calendar year.
 * @param rows - Combined cash-flow rows (the calendar of the CBAM schedule).
 * @param fullYear - First year at full rate of every stage (reported as the yearly cost).
 */
export function appraisalEmissions(
  scenario: Scenario,
  stages: readonly StageResult[],
  productionByYear: ReadonlyMap<string, ReadonlyMap<number, number>>,
  rows: readonly CashflowRow[],
  fullYear: number,
): AppraisalEmissions {
  const grid = scenario.impact.grid_co2_t_per_mwh.value;
  const { scope1, scope2 } = emissionTotals(scenario, stages);
  const intensity: Record<string, number> = {};
  const direct: Record<string, number> = {};
  for (const s of stages) {
    if (s.status !== 'computed' || s.template === 'concentrate-sale') continue;
    const e = stageEmissions(s, grid);
    const main = s.products[0];
    if (main && main.t_per_year > 0) {
      intensity[main.id] = (e.scope1 + e.scope2) / main.t_per_year;
      direct[main.id] = e.scope1 / main.t_per_year;
    }
  }
  const byYear: { year: number; cost_usd: number }[] = [];
  for (const row of rows) {
    let cost = 0;
    for (const [product, years] of productionByYear) {
      const e = direct[product];
      if (e !== undefined)
        cost += scenarioCbamCostUsd(scenario, product, row.year, years.get(row.year) ?? 0, e);
    }
    byYear.push({ year: row.year, cost_usd: cost });
  }
  return {
    scope1_t_co2_per_year: scope1,
    scope2_t_co2_per_year: scope2,
    grid_factor_t_co2_per_mwh: grid,
    intensity_t_co2_per_t: intensity,
    cbam_cost_usd_per_year: byYear.find((b) => b.year === fullYear)?.cost_usd ?? 0,
    cbam_basis: scenario.impact.cbam_emissions,
    cbam_embedded_t_co2_per_t: Object.fromEntries(
      Object.entries(direct)
        .filter(([product]) => CBAM_COVERAGE[product]?.covered)
        .map(([product, e]) => [product, scenarioCbamEmbedded(scenario, product, fullYear, e)]),
    ),
    cbam_by_year: byYear,
    cbam_coverage: PRODUCTS.filter((p) =>
      stages.some((s) => s.products.some((q) => q.id === p.id)),
    ).map((p) => ({
      product: p.id,
      cn_code: CBAM_COVERAGE[p.id]?.cn_code ?? p.hs_code,
      covered: CBAM_COVERAGE[p.id]?.covered ?? false,
      source: 'Regulation (EU) 2023/956 Annex I; src/impact/cbam-coverage.ts',
    })),
  };
}
