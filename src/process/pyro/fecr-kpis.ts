/**
 * Key figures of a ferrochrome stage that are specific to smelting (per tonne of alloy: furnace
 * power, reductant and flux rates, off-gas, alloy grade, slag chemistry), read from the stage
 * summary and the furnace's declared results and design — never with a default.
 */
import { InputError } from '../../errors.js';
import { gas_Nm3_per_h, NM3_PER_MOL } from '../design/measures.js';
import { unitEnergy, unitResult } from '../design/unit-result.js';
import { lowerHeatingValue_kW } from '../flowsheet/summarise.js';
import type { StageRun } from '../stage-run.js';
import { MATERIALS, T_WET_MAX_K } from './materials.js';
import type { Solved } from './run-fecr.js';

/**
 * Per hour of the named consumption; a consumable the route does not use (declared `if_used`
 * and zero, so omitted from the summary) is 0 by definition.
 */
function consumption(run: StageRun, id: string): number {
  const c = run.consumptions.find((x) => x.id === id);
  return c === undefined ? 0 : c.per_h;
}

/** A component of a summary composition [wt%]; the summary omits components that are zero. */
function wtPct(composition: Readonly<Record<string, number>>, key: string): number {
  const v = composition[key];
  return v === undefined ? 0 : v;
}

function param(r: Solved, name: string): number {
  const v = r.fs.units[r.furnace]?.params[name];
  if (v === undefined) throw new InputError(`furnace.${name}`, v, 'a furnace parameter');
  return v;
}

function byproduct(run: StageRun, id: string): StageRun['byproducts'][number] {
  const b = run.byproducts.find((x) => x.id === id);
  if (!b) throw new InputError('summary.byproducts', id, 'a by-product of the ferrochrome summary');
  return b;
}

function design(run: StageRun, unitId: string, name: string): number {
  const v = run.design.find((d) => d.unit_id === unitId)?.results[name]?.value;
  if (v === undefined) throw new InputError(`units.${unitId}.design.${name}`, v, 'a design result');
  return v;
}

/**
 * Writes the smelting KPIs into the stage's KPI record, after the summary's.
 *
 * Each is stored by name, as one statement: a record extended by named stores stays in V8's fast
 * mode (41 keys with the summary's and the alloy quality's), where a copy of another record
 * (`Object.assign`) stores by key and turns it into a dictionary, slower to build and to read in
 * every Monte Carlo sample that re-solves the smelter.
 * @param r - The solved template (flowsheet, solution, index of the furnace, dry ore rate)
 * @param run - Its stage summary
 * @param capacity_t_per_year - Nameplate alloy output [t/a] (for t/a per MVA)
 * @param kpis - Receives the KPIs per t alloy (kg/t, t/t, Nm³/t, MWh/t), alloy and slag analysis
 *   [wt%]
 */
export function addFecrKpis(
  r: Solved,
  run: StageRun,
  capacity_t_per_year: number,
  kpis: Record<string, number>,
): void {
  const { fs, sol, furnace } = r;
  const fu = fs.units[furnace];
  if (!fu) throw new InputError('template', fs.id, 'a template with a smelting furnace');
  const alloy = run.products[0];
  if (!alloy) throw new InputError('summary.products', [], 'the alloy');
  const t = alloy.t_per_h;
  const perT_kg = (t_per_h: number): number => (1000 * t_per_h) / t;
  const e = unitEnergy(fs, sol, furnace);
  const furnace_MW = e.electric_kW / 1000;
  const MVA = design(run, fu.id, 'transformer_MVA');
  const gasIndex = fu.outlets[fu.outletPorts.indexOf('off-gas')];
  const gas = gasIndex === undefined ? undefined : sol.streams[gasIndex];
  if (!gas) throw new InputError(`units.${fu.id}.off-gas`, undefined, 'the furnace off-gas stream');
  const co = fs.model.names.indexOf('CO(g)');
  const coNm3 =
    co < 0
      ? 0
      : ((gas.flow[co] ?? 0) / (fs.model.gasMolarMass_g_per_mol[co] ?? NaN)) * 1000 * NM3_PER_MOL;
  const slag = byproduct(run, 'slag');
  const sc = slag.composition_wt_pct;
  if (!sc) throw new InputError('summary.byproducts.slag.composition', sc, 'the slag analysis');
  const reductant = unitResult(fs, sol, furnace, 'reductant_kg_per_h') / 1000;
  const charge_T = unitResult(fs, sol, furnace, 'charge_T_K');
  let gasFraction = 0;
  fs.units.forEach((u, i) => {
    if (u.kind.kind === 'fecr-shaft-preheater')
      gasFraction += unitResult(fs, sol, i, 'gas_fraction');
  });
  const el = alloy.composition_wt_pct;
  kpis.furnace_specific_energy_MWh_per_t = furnace_MW / t;
  kpis.furnace_MW = furnace_MW;
  kpis.furnace_MVA = MVA;
  kpis.power_factor = param(r, 'power_factor');
  kpis.t_per_year_per_MVA = capacity_t_per_year / MVA;
  kpis.ore_t_per_t = (r.ore_dry_kg_per_s * 3.6) / t;
  kpis.coke_kg_per_t = perT_kg(consumption(run, 'coke'));
  // the furnace's own reductant, as bought: dried upstream when the charge is hot
  kpis.furnace_reductant_kg_per_t = perT_kg(
    charge_T > T_WET_MAX_K ? reductant / (1 - MATERIALS.coke.moisture_wt_pct / 100) : reductant,
  );
  kpis.quartzite_kg_per_t = perT_kg(consumption(run, 'quartzite'));
  kpis.lime_kg_per_t = perT_kg(unitResult(fs, sol, furnace, 'lime_kg_per_h') / 1000);
  // Söderberg paste (AC) or graphite (DC): each route consumes one of them
  kpis.electrode_kg_per_t = perT_kg(
    consumption(run, 'electrode-paste') + consumption(run, 'graphite-electrode'),
  );
  kpis.coal_kg_per_t = perT_kg(consumption(run, 'coal'));
  kpis.bentonite_kg_per_t = perT_kg(consumption(run, 'bentonite'));
  kpis.slag_t_per_t = slag.t_per_h / t;
  kpis.dust_t_per_t = byproduct(run, 'dust').t_per_h / t;
  kpis.offgas_Nm3_per_t = gas_Nm3_per_h(fs.model, gas) / t;
  kpis.offgas_CO_Nm3_per_t = coNm3 / t;
  kpis.offgas_chemical_MWh_per_t = lowerHeatingValue_kW(fs.model, [gas]) / 1000 / t;
  kpis.offgas_export_MWh_per_t = (byproduct(run, 'off-gas').energy_MWh_per_h ?? NaN) / t;
  kpis.alloy_cr_wt_pct = wtPct(el, 'Cr');
  kpis.alloy_fe_wt_pct = wtPct(el, 'Fe');
  kpis.alloy_c_wt_pct = wtPct(el, 'C');
  kpis.alloy_si_wt_pct = wtPct(el, 'Si');
  kpis.alloy_t_per_h = t;
  kpis.preheater_gas_fraction = gasFraction;
  kpis.water_m3_per_t = consumption(run, 'water') / t;
  kpis.slag_MgO_Al2O3 = wtPct(sc, 'MgO') / wtPct(sc, 'Al2O3');
  kpis.slag_basicity = (wtPct(sc, 'CaO') + wtPct(sc, 'MgO')) / wtPct(sc, 'SiO2');
  kpis.slag_Cr2O3_wt_pct = wtPct(sc, 'Cr2O3');
  kpis.slag_T_K = param(r, 'slag_T_K');
  // the slag's viscosity and liquidus are report checks (fecr-slag-check.ts), computed when read
}
