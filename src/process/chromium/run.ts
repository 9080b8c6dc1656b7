import { InputError } from '../../errors.js';
import { compileSpeciesSet } from '../../thermo/compiled.js';
import type { CompiledFlowsheet } from '../flowsheet/compile.js';
import { COMPILE_EACH_TIME } from '../flowsheet/flowsheet-cache.js';
import type { StageSolveOptions } from '../stage-solve-options.js';
import { balanceReport } from '../flowsheet/report.js';
import {
  solveFlowsheet,
  type FeedSpecification,
  type FlowsheetSolution,
} from '../flowsheet/solve.js';
import type { FlowsheetOverrides } from '../flowsheet/template.js';
import type {
  StageByproduct,
  StageConsumption,
  StageRun,
  UnitEnergyBalance,
} from '../stage-run.js';
import { createStream, type Stream } from '../stream.js';
import { assertSelfSustaining } from '../units/chromium/aluminothermic-reactor.js';
import {
  AIR_O2_MASS_FRACTION,
  comp,
  mol,
  naturalGasAvailableHeat,
} from '../units/chromium/common.js';
import { chromiteFeedStream, ferrochromeFeedStream, type ChromiumFeed } from './feed.js';
import { CHROMIUM_TEMPLATES, type ChromiumTemplate, type ReagentFeed } from './templates.js';

export type ChromiumTemplateId = keyof typeof CHROMIUM_TEMPLATES;

export interface ChromiumStageInput {
  /** Chromite concentrate `{ oxides_wt_pct }` (cr-aluminothermic) or HC FeCr `{ alloy_wt_pct }` (cr-electrolytic). */
  feed: ChromiumFeed;
  /** Chromium-metal product per year [t/year]. */
  capacity_t_per_year: number;
  /** Operating fraction of the year [0..1]; nameplate rate = capacity / (8760 · availability). */
  availability: number;
  /** `{ "units.<unit id>.<param>": value }`. */
  overrides?: FlowsheetOverrides;
}

/** StageRun plus the compiled flowsheet and the raw solution (tests, reports). */
export interface ChromiumStageRun extends StageRun {
  flowsheet: CompiledFlowsheet;
  solution: FlowsheetSolution;
  /**
   * Flowsheet solves of the reagent make-up (2: at the nominal feed and at the nameplate rate;
   * each unit sizes its reagents within the solve, see `FeedSpecification`).
   */
  reagent_passes: number;
}

const NOMINAL_FEED_KG_PER_H = 1000;

/**
 * Runs a chromium-metal stage template (issue 5 item 4): builds the feed from the analysis,
 * solves the flowsheet with every reagent feed sized by the unit that demands it as the solve
 * reaches that unit (feed specifications: one pass, however many reagent units in series),
 * scales the feed to the nameplate metal rate (homogeneity: one more pass that confirms the
 * scaled reagents) and returns the stage's products, consumptions, by-products, energy
 * balances and KPIs. Pure, deterministic.
 * @param options - Compiled flowsheets (the caller's cache; default: compile afresh) and the
 *   reagent make-up (default {@link specifiedMakeup})
 * @param template - `cr-aluminothermic` (chromite → chromate → Cr2O3 → Al reduction) or `cr-electrolytic` (HC FeCr → chrome alum → electrowinning)
 * @throws InputError for bad feeds, overrides, capacity or availability, and for an
 *   aluminothermic charge below the self-sustaining criterion; ConvergenceError if the reagent
 *   make-up does not settle
 */
export function runChromiumStage(
  template: string,
  input: ChromiumStageInput,
  options: StageSolveOptions = {},
): ChromiumStageRun {
  const t = (CHROMIUM_TEMPLATES as Record<string, ChromiumTemplate | undefined>)[template];
  if (!t)
    throw new InputError(
      'template',
      template,
      `one of ${Object.keys(CHROMIUM_TEMPLATES).join(', ')}`,
    );
  if (!(input.capacity_t_per_year > 0) || !Number.isFinite(input.capacity_t_per_year))
    throw new InputError(
      'capacity_t_per_year',
      input.capacity_t_per_year,
      'a capacity > 0 t/year of chromium metal',
    );
  if (!(input.availability > 0 && input.availability <= 1))
    throw new InputError('availability', input.availability, 'a fraction in (0, 1]');
  const isChromite = 'oxides_wt_pct' in input.feed;
  if (isChromite !== (t.feed_stream === 'concentrate'))
    throw new InputError(
      'feed',
      Object.keys(input.feed).join(', '),
      t.feed_stream === 'concentrate'
        ? 'a chromite concentrate { oxides_wt_pct } for cr-aluminothermic'
        : 'an HC ferrochrome { alloy_wt_pct } for cr-electrolytic',
    );
  const fs = (options.flowsheets ?? COMPILE_EACH_TIME).flowsheet(t.template, input.overrides ?? {});
  const makeFeed = (kg_per_h: number): Stream =>
    'oxides_wt_pct' in input.feed
      ? chromiteFeedStream(fs.model, input.feed, kg_per_h)
      : ferrochromeFeedStream(fs.model, input.feed, kg_per_h);
  const target_kg_per_h = (input.capacity_t_per_year * 1000) / (8760 * input.availability);
  const makeup = options.chromiumMakeup ?? specifiedMakeup;
  const { sol, feed_kg_per_h, reagents_kg_per_h, passes } = makeup({
    fs,
    t,
    feedAt: makeFeed,
    target_kg_per_h,
  });
  if (fs.unitIndex.has('reactor')) {
    const ui = fs.unitIndex.get('reactor') ?? 0;
    const u = fs.units[ui];
    assertSelfSustaining(
      sol.outputs[ui]?.diagnostics ?? {},
      u?.params.criterion_kJ_per_kg ?? 2300,
      'units.reactor (aluminothermic charge)',
    );
  }
  return stageRun(fs, sol, t, feed_kg_per_h, reagents_kg_per_h, passes);
}

/** A chromium stage's flowsheet, its feed and the nameplate product rate to make up. */
export interface MakeupProblem {
  readonly fs: CompiledFlowsheet;
  readonly t: ChromiumTemplate;
  /** The stage feed stream at a rate [kg/h]. */
  readonly feedAt: (kg_per_h: number) => Stream;
  /** Product rate at nameplate [kg/h]. */
  readonly target_kg_per_h: number;
}

/** The solution at the nameplate rate with its reagents made up. */
export interface MadeUp {
  sol: FlowsheetSolution;
  feed_kg_per_h: number;
  /** Reagent feeds [kg/h] by reagent id (≥ 0). */
  reagents_kg_per_h: Record<string, number>;
  /** Flowsheet solves [–]. */
  passes: number;
}

/** An algorithm that makes up a chromium stage's reagents. */
export type ReagentMakeup = (problem: MakeupProblem) => MadeUp;

/**
 * The make-up of the shipped model: at the nominal feed rate every reagent is sized by the unit
 * that demands it within the one pass (feed specifications); then homogeneity — the flowsheet is
 * linear in its feed — gives every reagent at the nameplate rate as its nominal amount times the
 * scale, which the units confirm in the second pass (no unit solved twice).
 * @throws InputError for a feed that yields no metal
 */
export const specifiedMakeup: ReagentMakeup = ({ fs, t, feedAt, target_kg_per_h }) => {
  let feedKg = NOMINAL_FEED_KG_PER_H;
  let sol = solveMadeUp(fs, t, feedAt(feedKg), feedKg, {});
  const product = productKg(fs, sol, t.product_stream);
  if (!(product > 0))
    throw new InputError('feed', feedKg, 'a feed that yields chromium metal (none produced)');
  const scale = target_kg_per_h / product;
  feedKg *= scale;
  const start: Record<string, number> = {};
  for (const [id, kg] of Object.entries(reagentFeeds(fs, sol, t))) start[id] = kg * scale;
  sol = solveMadeUp(fs, t, feedAt(feedKg), feedKg, start);
  return { sol, feed_kg_per_h: feedKg, reagents_kg_per_h: reagentFeeds(fs, sol, t), passes: 2 };
};

/** Writes `kg` [kg/h] of a reagent's composition into stream s (other components zero). */
export function writeReagent(fs: CompiledFlowsheet, r: ReagentFeed, kg: number, s: Stream): void {
  s.flow.fill(0);
  if (r.composition === 'air') {
    s.flow[comp(fs.model, 'O2(g)')] = AIR_O2_MASS_FRACTION * kg;
    s.flow[comp(fs.model, 'N2(g)')] = (1 - AIR_O2_MASS_FRACTION) * kg;
  } else for (const [c, x] of Object.entries(r.composition)) s.flow[comp(fs.model, c)] = x * kg;
}

/** The reagent feeds of a solution [kg/h] by reagent id. */
function reagentFeeds(
  fs: CompiledFlowsheet,
  sol: FlowsheetSolution,
  t: ChromiumTemplate,
): Record<string, number> {
  const out: Record<string, number> = {};
  for (const id of Object.keys(t.reagents)) out[id] = productKg(fs, sol, id);
  return out;
}

/**
 * One feed specification per unit that demands reagents: after the unit solves, its reagent
 * feeds are set to its demands (a negative demand, a surplus, feeds nothing).
 * @param floor_kg_per_h - Changes below this are round-off [kg/h]
 */
function reagentSpecifications(
  fs: CompiledFlowsheet,
  t: ChromiumTemplate,
  floor_kg_per_h: number,
): FeedSpecification[] {
  const byUnit = new Map<number, [number, ReagentFeed][]>();
  for (const [id, r] of Object.entries(t.reagents)) {
    if (r.supply_kg_per_kg_feed !== undefined || r.unit === undefined) continue;
    const u = fs.unitIndex.get(r.unit);
    const f = fs.streamIndex.get(id);
    if (u === undefined || f === undefined)
      throw new InputError(`reagents.${id}`, r.unit, `a unit and feed of ${fs.id}`);
    byUnit.set(u, [...(byUnit.get(u) ?? []), [f, r]]);
  }
  return [...byUnit].map(([unit, feeds]) => ({
    unit,
    update(out, streams) {
      let change = 0;
      for (const [f, r] of feeds) {
        const s = streams[f];
        const g = out.diagnostics[r.demand ?? ''];
        if (g === undefined || !Number.isFinite(g))
          throw new InputError(`units.${r.unit ?? ''}`, g, `a finite diagnostic ${r.demand ?? ''}`);
        if (!s) continue;
        const kg = Math.max(0, g);
        let old = 0;
        for (const v of s.flow) old += v;
        change = Math.max(change, Math.abs(kg - old) / Math.max(kg, old, floor_kg_per_h));
        writeReagent(fs, r, kg, s);
      }
      return change;
    },
  }));
}

/**
 * Solves the flowsheet at `feedKg` [kg/h] of stage feed: supplies proportional to the feed, the
 * other reagents sized by their units (starting from `start` [kg/h], default nothing).
 */
function solveMadeUp(
  fs: CompiledFlowsheet,
  t: ChromiumTemplate,
  feed: Stream,
  feedKg: number,
  start: Readonly<Record<string, number>>,
): FlowsheetSolution {
  const feeds: Record<string, Stream> = { [t.feed_stream]: feed };
  for (const [id, r] of Object.entries(t.reagents)) {
    const s = createStream(fs.model);
    const kg =
      r.supply_kg_per_kg_feed !== undefined ? r.supply_kg_per_kg_feed * feedKg : (start[id] ?? 0);
    writeReagent(fs, r, kg, s);
    feeds[id] = s;
  }
  return solveFlowsheet(fs, feeds, {
    specifications: reagentSpecifications(fs, t, SPECIFICATION_FLOOR * feedKg),
  });
}

/** Reagent changes below this fraction of the stage feed are round-off [–]. */
const SPECIFICATION_FLOOR = 1e-12;

function stream(fs: CompiledFlowsheet, sol: FlowsheetSolution, id: string): Stream {
  const i = fs.streamIndex.get(id);
  const s = i === undefined ? undefined : sol.streams[i];
  if (!s) throw new InputError('stream', id, `a stream of ${fs.id}`);
  return s;
}

function productKg(fs: CompiledFlowsheet, sol: FlowsheetSolution, id: string): number {
  let t = 0;
  for (const v of stream(fs, sol, id).flow) t += v;
  return t;
}

/** Element composition [wt%] of a stream. */
function elementWtPct(fs: CompiledFlowsheet, s: Stream): Record<string, number> {
  const m = fs.model;
  const e = new Float64Array(m.nEl);
  let tot = 0;
  for (let c = 0; c < m.nComp; c++) {
    const f = s.flow[c] ?? 0;
    tot += f;
    for (let k = 0; k < m.nEl; k++)
      e[k] = (e[k] ?? 0) + f * (m.elementFraction[c * m.nEl + k] ?? 0);
  }
  const out: Record<string, number> = {};
  m.elements.forEach((el, k) => {
    const v = e[k] ?? 0;
    if (v > 0) out[el] = (100 * v) / tot;
  });
  return out;
}

/** Component composition [wt%] of a stream (non-zero components). */
function componentWtPct(fs: CompiledFlowsheet, s: Stream): Record<string, number> {
  let tot = 0;
  for (const v of s.flow) tot += v;
  const out: Record<string, number> = {};
  fs.model.names.forEach((n, c) => {
    const v = s.flow[c] ?? 0;
    if (v > 0) out[n] = (100 * v) / tot;
  });
  return out;
}

/** LHV of H2 (H2 + ½O2 → H2O(g)) from the thermo database [kJ/mol] (a constant). */
const H2_LHV_KJ_PER_MOL = ((): number => {
  const set = compileSpeciesSet(['H2(g)', 'O2(g)', 'H2O(g)']);
  return (
    -(set.h_J_per_mol(2, 298.15) - set.h_J_per_mol(0, 298.15) - 0.5 * set.h_J_per_mol(1, 298.15)) /
    1000
  );
})();
const h2Lhv_kJ_per_mol = (): number => H2_LHV_KJ_PER_MOL;

function stageRun(
  fs: CompiledFlowsheet,
  sol: FlowsheetSolution,
  t: ChromiumTemplate,
  feedKg: number,
  reagentKg: Readonly<Record<string, number>>,
  passes: number,
): ChromiumStageRun {
  const m = fs.model;
  const metal = stream(fs, sol, t.product_stream);
  const metalKg = productKg(fs, sol, t.product_stream);
  const metalComp = elementWtPct(fs, metal);
  const crMetalKg = ((metalComp.Cr ?? 0) / 100) * metalKg;

  // consumptions
  const cons = new Map<string, number>();
  const used: Record<string, number> = {};
  for (const [id, r] of Object.entries(t.reagents)) {
    let kg = reagentKg[id] ?? 0;
    if (r.return_stream !== undefined) {
      const back = productKg(fs, sol, r.return_stream);
      if (!(back > 1e-9 * kg))
        throw new InputError(
          `reagents.${id}.supply_kg_per_kg_feed`,
          r.supply_kg_per_kg_feed,
          'a supply that exceeds the demand (none returned: the supply bound limits the process)',
        );
      kg -= back;
    }
    used[id] = kg;
    if (r.consumable) cons.set(r.consumable, (cons.get(r.consumable) ?? 0) + kg / 1000);
  }
  let gas_kW = 0;
  let power_kW = 0;
  const energy: UnitEnergyBalance[] = [];
  fs.units.forEach((u, i) => {
    const out = sol.outputs[i];
    if (!out || u.kind.sink) return;
    const d = out.diagnostics;
    gas_kW += d.natural_gas_LHV_kW ?? 0;
    power_kW += out.duties.power_kW;
    if (d.H_in_kW === undefined) return; // non-reactive units (splitter) carry no energy terms
    const H_in = d.H_in_kW;
    const H_out = d.H_out_kW ?? NaN;
    const el = d.electric_kW ?? 0;
    const q = d.heat_in_kW ?? 0;
    const loss = d.heat_loss_kW ?? 0;
    if (![H_in, H_out, el, q, loss].every(Number.isFinite))
      throw new InputError(
        `units.${u.id}`,
        'non-finite energy balance',
        'species inside the thermo database ranges',
      );
    const scale = Math.max(
      Math.abs(H_in),
      Math.abs(H_out),
      Math.abs(el),
      Math.abs(q),
      Math.abs(loss),
      1e-300,
    );
    energy.push({
      unit_id: u.id,
      H_in_kW: H_in,
      H_out_kW: H_out,
      electric_kW: el,
      heat_in_kW: q,
      heat_loss_kW: loss,
      closure_rel: Math.abs(H_in + el + q - H_out - loss) / scale,
    });
  });
  // preheat of the aluminothermic charge is fired with natural gas (same burner as the kiln)
  const ri = fs.unitIndex.get('reactor');
  if (ri !== undefined) {
    const d = sol.outputs[ri]?.diagnostics ?? {};
    const u = fs.units[ri];
    const preheat_kW =
      (d.heat_in_kW ?? 0) - ((u?.params.booster_kJ_per_kg ?? 0) * (d.charge_kg_per_h ?? 0)) / 3600;
    gas_kW += preheat_kW / naturalGasAvailableHeat(773.15, 1.1).alpha;
  }
  if (gas_kW > 0) cons.set('natural-gas', gas_kW / 1000);
  if (power_kW > 0) cons.set('electricity', power_kW / 1000);
  const consumptions: StageConsumption[] = [...cons.entries()].map(([id, per_h]) => ({
    id,
    per_h,
    unit: id === 'water' ? 'm3/h' : id === 'natural-gas' || id === 'electricity' ? 'MWh/h' : 't/h',
  }));

  // by-products: every tailings sink inlet
  const byproducts: StageByproduct[] = [];
  const returns = new Set(Object.values(t.reagents).map((r) => r.return_stream ?? ''));
  const lhv = h2Lhv_kJ_per_mol();
  for (const si of fs.sinkInlets) {
    const cs = fs.streams[si];
    const s = sol.streams[si];
    if (!cs || !s || cs.id === t.product_stream || returns.has(cs.id)) continue;
    let tot = 0;
    for (const v of s.flow) tot += v;
    const b: StageByproduct = {
      id: cs.id,
      t_per_h: tot / 1000,
      composition_wt_pct: componentWtPct(fs, s),
    };
    if (m.names.includes('H2(g)')) {
      const h2 = mol(m, s, 'H2(g)');
      if (h2 > 0) b.energy_MWh_per_h = (h2 * lhv) / 3.6e6;
    }
    byproducts.push(b);
  }

  // KPIs
  const feedCr = elementKg(fs, sol, t.feed_stream, 'Cr');
  const kpis: Record<string, number> = {
    metal_t_per_h: metalKg / 1000,
    metal_cr_wt_pct: metalComp.Cr ?? 0,
    alloy_cr_wt_pct: metalComp.Cr ?? 0,
    cr_recovery: crMetalKg / feedCr,
    feed_t_per_t: feedKg / metalKg,
    electricity_MWh_per_t: power_kW / metalKg,
    natural_gas_MWh_per_t: gas_kW / metalKg,
    specific_energy_MWh_per_t: (power_kW + gas_kW) / metalKg,
  };
  const per = (id: string): number => ((cons.get(id) ?? 0) * 1000) / metalKg;
  if (ri !== undefined) {
    const d = sol.outputs[ri]?.diagnostics ?? {};
    const cr2o3 = stream(fs, sol, 'cr2o3');
    const cr2o3Kg = cr2o3.flow[comp(m, 'Cr2O3(s)')] ?? 0;
    kpis.ore_t_per_t = feedKg / metalKg;
    kpis.al_t_per_t_cr = (reagentKg.aluminium ?? 0) / crMetalKg;
    kpis.charge_specific_heat_kJ_per_kg = d.charge_specific_heat_kJ_per_kg ?? NaN;
    kpis.effective_specific_heat_kJ_per_kg = d.effective_specific_heat_kJ_per_kg ?? NaN;
    kpis.adiabatic_T_K = d.adiabatic_T_K ?? NaN;
    kpis.slag_t_per_t = productKg(fs, sol, 'slag') / metalKg;
    kpis.cr2o3_t_per_t = cr2o3Kg / metalKg;
    kpis.cr2o3_wt_pct = (100 * cr2o3Kg) / productKg(fs, sol, 'cr2o3');
    kpis.soda_ash_t_per_t_cr2o3 = (reagentKg.soda ?? 0) / cr2o3Kg;
    kpis.sulfur_t_per_t_cr2o3 = (reagentKg.sulfur ?? 0) / cr2o3Kg;
    kpis.soda_ash_t_per_t = per('soda-ash');
    kpis.lime_t_per_t = per('lime');
    kpis.sulfur_t_per_t = per('sulfur');
    kpis.water_m3_per_t = per('water');
    const ki = fs.unitIndex.get('kiln');
    kpis.roast_conversion =
      ki === undefined ? NaN : (sol.outputs[ki]?.diagnostics.conversion_achieved ?? NaN);
  } else {
    const ci = fs.unitIndex.get('cell');
    const d = ci === undefined ? {} : (sol.outputs[ci]?.diagnostics ?? {});
    kpis.ferrochrome_t_per_t = feedKg / metalKg;
    kpis.cell_kWh_per_kg_cr = d.cell_kWh_per_kg_cr ?? NaN;
    kpis.sulfuric_acid_t_per_t = per('sulfuric-acid');
    kpis.ammonia_t_per_t = per('ammonia');
    kpis.water_m3_per_t = per('water');
  }
  return {
    balance: balanceReport(fs, sol),
    kpis,
    products: [{ id: 'chromium-metal', t_per_h: metalKg / 1000, composition_wt_pct: metalComp }],
    consumptions,
    byproducts,
    energy,
    flowsheet: fs,
    solution: sol,
    reagent_passes: passes,
  };
}

function elementKg(
  fs: CompiledFlowsheet,
  sol: FlowsheetSolution,
  streamId: string,
  el: string,
): number {
  const i = fs.streamIndex.get(streamId) ?? -1;
  const e = fs.model.elements.indexOf(el);
  return sol.elementFlows[i * fs.model.nEl + e] ?? NaN;
}
