/**
 * One summary for every stage: a solved flowsheet read through its template's declared
 * summary (products, consumables, by-products, CO2 streams) and its units' typed results —
 * energy balances, electricity, fuels, consumptions, emissions and the design of every unit in
 * one internal unit set (t/h, MWh/h, m³/h for water). Replaces the hand-written summaries of
 * the ferrochrome, chromium and concentrator runners; what is route-specific (alloy grade,
 * slag chemistry) the runners add from the summary and declared unit results.
 */
import { molarMass_g_per_mol } from '../../chem/formula-elements.js';
import { InputError } from '../../errors.js';
import { compileSpeciesSet } from '../../thermo/compiled.js';
import { CR2O3_PER_CR } from '../assays.js';
import type { ComponentModel } from '../components.js';
import {
  designSnapshot,
  designUnits,
  type DesignOverrides,
  type UnitDesignRecord,
} from '../design/design-flowsheet.js';
import { unitEnergy, unitResult } from '../design/unit-result.js';
import type {
  StageByproduct,
  StageConsumption,
  StageProductFlow,
  StageRun,
  UnitEnergyBalance,
} from '../stage-run.js';
import { solids_kg_per_h, totalMass_kg_per_h, type Stream } from '../stream.js';
import type { CompiledFlowsheet } from './compile.js';
import { balanceReport, type BalanceReport } from './report.js';
import { defineLeftOut, defineOnDemand } from '../on-demand.js';
import type { FlowsheetSolution } from './solve.js';
import type { CompositionBasis, StageSummarySpec, SummaryConsumable } from './summary-spec.js';

/** Molar masses of CO2 and C [kg/mol] (IUPAC 2021 standard atomic weights). */
const CO2_KG_PER_MOL = molarMass_g_per_mol('CO2') / 1000;
const C_KG_PER_MOL = molarMass_g_per_mol('C') / 1000;

function streamOf(fs: CompiledFlowsheet, sol: FlowsheetSolution, id: string): Stream {
  const i = fs.streamIndex.get(id);
  const s = i === undefined ? undefined : sol.streams[i];
  if (!s)
    throw new InputError(
      `template ${fs.id}.summary`,
      id,
      `a stream of the flowsheet (${fs.streams.map((c) => c.id).join(', ')})`,
    );
  return s;
}

function elementKg(
  fs: CompiledFlowsheet,
  sol: FlowsheetSolution,
  ids: readonly string[],
  el: string,
): number {
  const e = fs.model.elements.indexOf(el);
  if (e < 0) return 0;
  let kg = 0;
  for (const id of ids) {
    streamOf(fs, sol, id);
    const i = fs.streamIndex.get(id) ?? -1;
    kg += sol.elementFlows[i * fs.model.nEl + e] ?? 0;
  }
  return kg;
}

function mass_kg_per_h(
  model: ComponentModel,
  streams: readonly Stream[],
  basis: 'total' | 'dry',
): number {
  let kg = 0;
  for (const s of streams)
    kg += basis === 'dry' ? solids_kg_per_h(model, s) : totalMass_kg_per_h(s);
  return kg;
}

function composition(
  fs: CompiledFlowsheet,
  sol: FlowsheetSolution,
  ids: readonly string[],
  kg: number,
  c: CompositionBasis,
): Record<string, number> {
  const out: Record<string, number> = {};
  if ('assay' in c) {
    out.Cr2O3 = kg > 0 ? (100 * elementKg(fs, sol, ids, 'Cr') * CR2O3_PER_CR) / kg : NaN;
    return out;
  }
  const els = c.elements === 'all' ? fs.model.elements : c.elements;
  for (const el of els) {
    const v = elementKg(fs, sol, ids, el);
    if (c.elements !== 'all' || v > 0) out[el] = (100 * v) / kg;
  }
  return out;
}

/** Component composition [wt%], zero components omitted; `oxides` drops the phase suffix. */
function componentWtPct(
  model: ComponentModel,
  streams: readonly Stream[],
  naming: 'components' | 'oxides',
): Record<string, number> {
  let tot = 0;
  for (const s of streams) tot += totalMass_kg_per_h(s);
  const out: Record<string, number> = {};
  const keys = naming === 'oxides' ? model.formulas : model.names;
  for (let c = 0; c < model.nComp; c++) {
    let v = 0;
    for (const s of streams) v += s.flow[c] ?? 0;
    const key = keys[c];
    if (v > 0 && key !== undefined) out[key] = (out[key] ?? 0) + (100 * v) / tot;
  }
  return out;
}

const FUELS = ['C(s)', 'CH4(g)', 'CO(g)', 'H2(g)'] as const;
const FUEL_SET = ['C(s)', 'CH4(g)', 'CO(g)', 'H2(g)', 'O2(g)', 'CO2(g)', 'H2O(g)'] as const;
/** Moles of O2, CO2 and H2O(g) in the complete combustion of one mole of each fuel. */
const COMBUSTION: Readonly<Record<(typeof FUELS)[number], readonly [number, number, number]>> = {
  'C(s)': [1, 1, 0],
  'CH4(g)': [2, 1, 2],
  'CO(g)': [0.5, 1, 0],
  'H2(g)': [0.5, 0, 1],
};

/**
 * Lower heating value of one mole of each fuel at 298.15 K [J/mol] (to CO2 and H2O(g)), from the
 * thermo database's enthalpies of formation: constants of the bundled database, computed once
 * when the module loads (like the molar masses above), not per summary.
 */
const FUEL_LHV_J_PER_MOL: Readonly<Record<(typeof FUELS)[number], number>> = (() => {
  const set = compileSpeciesSet(FUEL_SET);
  const h = (name: (typeof FUEL_SET)[number]): number =>
    set.h_J_per_mol(FUEL_SET.indexOf(name), 298.15);
  const lhv = (f: (typeof FUELS)[number]): number => {
    const [o2, co2, h2o] = COMBUSTION[f];
    return h(f) + o2 * h('O2(g)') - co2 * h('CO2(g)') - h2o * h('H2O(g)');
  };
  return {
    'C(s)': lhv('C(s)'),
    'CH4(g)': lhv('CH4(g)'),
    'CO(g)': lhv('CO(g)'),
    'H2(g)': lhv('H2(g)'),
  };
})();

/** Molar masses of the fuels [kg/mol] (IUPAC 2021 standard atomic weights). */
const FUEL_KG_PER_MOL: Readonly<Record<(typeof FUELS)[number], number>> = {
  'C(s)': molarMass_g_per_mol('C(s)') / 1000,
  'CH4(g)': molarMass_g_per_mol('CH4(g)') / 1000,
  'CO(g)': molarMass_g_per_mol('CO(g)') / 1000,
  'H2(g)': molarMass_g_per_mol('H2(g)') / 1000,
};

/**
 * Lower heating value of the C(s), CH4, CO and H2 of streams at 298.15 K [kW] (to CO2 and
 * H2O(g)), from the thermo database's enthalpies of formation.
 */
export function lowerHeatingValue_kW(model: ComponentModel, streams: readonly Stream[]): number {
  let W = 0;
  for (const f of FUELS) {
    const c = model.names.indexOf(f);
    if (c < 0) continue;
    let kg = 0;
    for (const s of streams) kg += s.flow[c] ?? 0;
    if (kg === 0) continue;
    W += (kg / 3600 / FUEL_KG_PER_MOL[f]) * FUEL_LHV_J_PER_MOL[f];
  }
  return W / 1000;
}

function consumptionOf(
  fs: CompiledFlowsheet,
  sol: FlowsheetSolution,
  spec: SummaryConsumable,
  moisture: Readonly<Record<string, number>>,
): number {
  let kg = 0;
  for (const f of spec.streams ?? []) {
    if (typeof f === 'string') {
      kg += totalMass_kg_per_h(streamOf(fs, sol, f));
      continue;
    }
    const w = moisture[f.bought_wet_as];
    if (w === undefined)
      throw new InputError(
        `template ${fs.id}.summary.consumables`,
        f.bought_wet_as,
        `a material whose as-received moisture the runner gives (${Object.keys(moisture).join(', ') || 'none'})`,
      );
    kg += totalMass_kg_per_h(streamOf(fs, sol, f.stream)) / (1 - w / 100);
  }
  for (const id of spec.returns ?? []) kg -= totalMass_kg_per_h(streamOf(fs, sol, id));
  if (spec.unit_water === true)
    fs.units.forEach((u, i) => {
      kg += sol.outputs[i]?.duties.water_added_kg_per_h ?? 0;
      if (u.kind.sink === 'process-water')
        for (const s of u.inlets) kg -= sol.streams[s]?.flow[fs.model.water] ?? 0;
    });
  return kg / 1000;
}

/** Energy balance of every unit that reports one, closing to round-off [kW]. */
export function energyBalances(fs: CompiledFlowsheet, sol: FlowsheetSolution): UnitEnergyBalance[] {
  const out: UnitEnergyBalance[] = [];
  fs.units.forEach((u, i) => {
    if (u.kind.energy !== true) return;
    const e = unitEnergy(fs, sol, i);
    const terms = [e.H_in_kW, e.electric_kW, e.heat_in_kW, e.H_out_kW, e.heat_loss_kW];
    const res = e.H_in_kW + e.electric_kW + e.heat_in_kW - e.H_out_kW - e.heat_loss_kW;
    const scale = Math.max(...terms.map(Math.abs), 1e-300);
    out.push({ unit_id: u.id, ...e, closure_rel: Math.abs(res) / scale });
  });
  return out;
}

/** Electricity of all units [MW] and natural gas fired (LHV) by the units that declare it [MW]. */
function utilities(
  fs: CompiledFlowsheet,
  sol: FlowsheetSolution,
): { power_MW: number; gas_MW: number } {
  let power = 0;
  let gas = 0;
  fs.units.forEach((u, i) => {
    if (u.kind.sink) return;
    power += sol.outputs[i]?.duties.power_kW ?? 0;
    if ('natural_gas_LHV_kW' in u.kind.results) gas += unitResult(fs, sol, i, 'natural_gas_LHV_kW');
  });
  return { power_MW: power / 1000, gas_MW: gas / 1000 };
}

/** The engine's balance report of a solved stage with the design results of its units. */
function stageBalance(
  fs: CompiledFlowsheet,
  sol: FlowsheetSolution,
  designs: readonly UnitDesignRecord[],
): BalanceReport {
  const balance = balanceReport(fs, sol);
  balance.units.forEach((u, i) => {
    const d = designs[i];
    if (d) u.design = d.results;
  });
  return balance;
}

/** The recovery KPI of each element a template may name, built once (not a new string per run). */
const RECOVERY_KPIS: Readonly<Record<string, string>> = Object.fromEntries(
  ['Cr', 'Fe', 'Mg', 'Al', 'Si', 'Ca', 'C'].map((e) => [e, `${e.toLowerCase()}_recovery`]),
);

/** `<element>_recovery`, the KPI of the element's recovery to the main product. */
function recoveryKpi(el: string): string {
  return RECOVERY_KPIS[el] ?? `${el.toLowerCase()}_recovery`;
}

/** Options of {@link summariseStage}. */
export interface SummaryOptions {
  /** Design-basis overrides of the stage (`stages[].design`). */
  design?: DesignOverrides;
  /** As-received moisture of the materials that `DriedFeed` entries name [wt%]. */
  moisture_wt_pct?: Readonly<Record<string, number>>;
  /**
   * false: no unit energy balances (an empty list) and no balance report (reading `balance`
   * throws): `StageSolveOptions.detail`. Default true.
   */
  detail?: boolean;
}

/**
 * The stage-level results of a solved flowsheet.
 * @param spec - The template's declared summary
 * @returns StageRun at nameplate rate: products, consumptions (t/h; water m³/h; electricity and
 *   natural gas MWh/h), by-products, energy balances, the design of every unit, and the generic
 *   KPIs (`product_t_per_h`, `electricity_MWh_per_t`, `specific_energy_MWh_per_t`,
 *   `<element>_recovery`, `co2_t_per_t` where CO2 streams are declared)
 * @throws InputError naming the stream, unit or result that the spec or the solution lacks
 */
export function summariseStage(
  fs: CompiledFlowsheet,
  sol: FlowsheetSolution,
  spec: StageSummarySpec,
  options: SummaryOptions = {},
): StageRun {
  const design = options.design ?? {};
  const model = fs.model;
  const products: StageProductFlow[] = spec.products.map((p) => {
    const streams = p.streams.map((id) => streamOf(fs, sol, id));
    const kg = mass_kg_per_h(model, streams, p.basis);
    return {
      id: p.id,
      t_per_h: kg / 1000,
      composition_wt_pct: composition(fs, sol, p.streams, kg, p.composition),
    };
  });
  const main = products[0];
  const mainSpec = spec.products[0];
  if (!main || !mainSpec)
    throw new InputError(`template ${fs.id}.summary.products`, [], 'a main product');
  const { power_MW, gas_MW } = utilities(fs, sol);
  const consumptions: StageConsumption[] = [];
  for (const id in spec.consumables) {
    const c = spec.consumables[id] as SummaryConsumable;
    const t = consumptionOf(fs, sol, c, options.moisture_wt_pct ?? {});
    if (c.if_used === true && !(t > 0)) continue;
    consumptions.push({ id, per_h: t, unit: id === 'water' ? 'm3/h' : 't/h' });
  }
  consumptions.push({ id: 'electricity', per_h: power_MW, unit: 'MWh/h' });
  if (gas_MW > 0) consumptions.push({ id: 'natural-gas', per_h: gas_MW, unit: 'MWh/h' });
  const byproducts: StageByproduct[] = [];
  for (const id in spec.byproducts) {
    const b = spec.byproducts[id] as StageSummarySpec['byproducts'][string];
    const streams = b.streams.map((s) => streamOf(fs, sol, s));
    const out: StageByproduct = {
      id,
      t_per_h: mass_kg_per_h(model, streams, b.basis ?? 'total') / 1000,
    };
    if (b.composition) out.composition_wt_pct = componentWtPct(model, streams, b.composition);
    if (b.energy === true) out.energy_MWh_per_h = lowerHeatingValue_kW(model, streams) / 1000;
    byproducts.push(out);
  }
  const t = main.t_per_h;
  const el = spec.recovery_element;
  const kpis: Record<string, number> = {
    product_t_per_h: t,
    electricity_MWh_per_t: power_MW / t,
    specific_energy_MWh_per_t: (power_MW + gas_MW) / t,
  };
  // stored after the literal: a computed key inside it makes V8 build the literal slowly
  kpis[recoveryKpi(el)] =
    elementKg(fs, sol, mainSpec.streams, el) / elementKg(fs, sol, spec.feed, el);
  if (spec.co2_from)
    kpis.co2_t_per_t =
      ((elementKg(fs, sol, spec.co2_from, 'C') / C_KG_PER_MOL) * CO2_KG_PER_MOL) / 1000 / t;
  const snapshot = designSnapshot(fs, sol);
  const designs = designUnits(snapshot, design);
  const run = {
    kpis,
    products,
    consumptions,
    byproducts,
    energy: options.detail === false ? [] : energyBalances(fs, sol),
    design: designs,
    design_snapshot: snapshot,
    design_overrides: design,
  };
  // built when read (the appraisal's balance section), not per Monte Carlo sample: ~500 named
  // properties that no headline output reads; each read builds it afresh from the solution
  if (options.detail === false) return defineLeftOut(run, 'balance');
  return defineOnDemand(run, 'balance', () => stageBalance(fs, sol, designs));
}
