import { ConvergenceError, InputError } from '../../errors.js';
import { compileSpeciesSet } from '../../thermo/compiled.js';
import { compileFlowsheet, type CompiledFlowsheet } from '../flowsheet/compile.js';
import { balanceReport } from '../flowsheet/report.js';
import { solveFlowsheet, type FlowsheetSolution } from '../flowsheet/solve.js';
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
import { CHROMIUM_TEMPLATES, type ChromiumTemplate } from './templates.js';

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
  /** Outer passes of the reagent make-up loop. */
  reagent_passes: number;
}

const NOMINAL_FEED_KG_PER_H = 1000;
const MAX_PASSES = 60;
/** Relative change of every reagent feed at convergence of the make-up loop [–]. */
const REAGENT_TOLERANCE = 1e-9;

/**
 * Runs a chromium-metal stage template (issue 5 item 4): builds the feed from the analysis,
 * solves the flowsheet, makes up every reagent feed from its unit's demand (outer fixed-point
 * passes, exact after as many passes as reagent units in series), scales the feed to the
 * nameplate metal rate and returns the stage's products, consumptions, by-products, energy
 * balances and KPIs. Pure, deterministic.
 * @param template - `cr-aluminothermic` (chromite → chromate → Cr2O3 → Al reduction) or `cr-electrolytic` (HC FeCr → chrome alum → electrowinning)
 * @throws InputError for bad feeds, overrides, capacity or availability, and for an
 *   aluminothermic charge below the self-sustaining criterion; ConvergenceError if the reagent
 *   make-up does not settle
 */
export function runChromiumStage(template: string, input: ChromiumStageInput): ChromiumStageRun {
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
  const fs = compiled(template, t, input.overrides ?? {});
  const makeFeed = (kg_per_h: number): Stream =>
    'oxides_wt_pct' in input.feed
      ? chromiteFeedStream(fs.model, input.feed, kg_per_h)
      : ferrochromeFeedStream(fs.model, input.feed, kg_per_h);
  const target_kg_per_h = (input.capacity_t_per_year * 1000) / (8760 * input.availability);

  const reagentKg: Record<string, number> = Object.fromEntries(
    Object.keys(t.reagents).map((k) => [k, 0]),
  );
  let feedKg = NOMINAL_FEED_KG_PER_H;
  const setSupplies = (): void => {
    for (const [id, r] of Object.entries(t.reagents))
      if (r.supply_kg_per_kg_feed !== undefined) reagentKg[id] = r.supply_kg_per_kg_feed * feedKg;
  };
  setSupplies();
  let sol = solveOnce(fs, t, makeFeed(feedKg), reagentKg);
  let passes = 1;
  let scaled = false;
  // bounded Wegstein on each reagent (demands may be negative = surplus; the feed is max(0, x)): x ← q·x + (1 − q)·g(x), q = s/(s − 1), s = Δg/Δx
  const prevX: Record<string, number | undefined> = {};
  const prevG: Record<string, number | undefined> = {};
  for (;;) {
    let worst = 0;
    for (const [id, r] of Object.entries(t.reagents)) {
      if (r.supply_kg_per_kg_feed !== undefined) continue;
      const g = diag(fs, sol, r.unit ?? '', r.demand ?? '');
      const x = reagentKg[id] ?? 0;
      worst = Math.max(worst, Math.abs(g - x) / Math.max(Math.abs(g), Math.abs(x), 1e-9 * feedKg));
      let next = g;
      const px = prevX[id];
      const pg = prevG[id];
      if (px !== undefined && pg !== undefined && x !== px) {
        const slope = (g - pg) / (x - px);
        const q = Math.min(0.9, Math.max(-5, slope / (slope - 1)));
        if (Number.isFinite(q)) next = q * x + (1 - q) * g;
      }
      prevX[id] = x;
      prevG[id] = g;
      reagentKg[id] = next;
    }
    if (worst <= REAGENT_TOLERANCE) {
      if (scaled) break;
      // scale to the nameplate product rate (the model is linear in the feed)
      const product = productKg(fs, sol, t.product_stream);
      if (!(product > 0))
        throw new InputError(
          'feed',
          input.feed,
          'a feed that yields chromium metal (none produced)',
        );
      const f = target_kg_per_h / product;
      feedKg *= f;
      for (const k of Object.keys(reagentKg)) {
        reagentKg[k] = (prevG[k] ?? 0) * f;
        prevX[k] = undefined;
        prevG[k] = undefined;
      }
      setSupplies();
      scaled = true;
    }
    if (++passes > MAX_PASSES)
      throw new ConvergenceError(`reagent make-up of ${fs.id}`, passes, worst);
    sol = solveOnce(fs, t, makeFeed(feedKg), reagentKg, sol);
  }
  if (fs.unitIndex.has('reactor')) {
    const ui = fs.unitIndex.get('reactor') ?? 0;
    const u = fs.units[ui];
    assertSelfSustaining(
      sol.outputs[ui]?.diagnostics ?? {},
      u?.params.criterion_kJ_per_kg ?? 2300,
      'units.reactor (aluminothermic charge)',
    );
  }
  for (const k of Object.keys(reagentKg)) reagentKg[k] = Math.max(0, reagentKg[k] ?? 0);
  return stageRun(fs, sol, t, feedKg, reagentKg, passes);
}

const compileCache = new Map<string, CompiledFlowsheet>();
/** Compiled flowsheet per template and overrides (immutable; bounded cache of 64). */
function compiled(
  id: string,
  t: ChromiumTemplate,
  overrides: FlowsheetOverrides,
): CompiledFlowsheet {
  let key: string;
  try {
    key = `${id}|${JSON.stringify(overrides)}`;
  } catch {
    return compileFlowsheet(t.template, overrides);
  }
  let fs = compileCache.get(key);
  if (!fs) {
    fs = compileFlowsheet(t.template, overrides);
    if (compileCache.size >= 64) compileCache.clear();
    compileCache.set(key, fs);
  }
  return fs;
}

function solveOnce(
  fs: CompiledFlowsheet,
  t: ChromiumTemplate,
  feed: Stream,
  reagentKg: Readonly<Record<string, number>>,
  previous?: FlowsheetSolution,
): FlowsheetSolution {
  const feeds: Record<string, Stream> = { [t.feed_stream]: feed };
  for (const [id, r] of Object.entries(t.reagents)) {
    const s = createStream(fs.model);
    const kg = Math.max(0, reagentKg[id] ?? 0); // a negative demand (surplus) feeds nothing
    if (r.composition === 'air') {
      s.flow[comp(fs.model, 'O2(g)')] = AIR_O2_MASS_FRACTION * kg;
      s.flow[comp(fs.model, 'N2(g)')] = (1 - AIR_O2_MASS_FRACTION) * kg;
    } else for (const [c, x] of Object.entries(r.composition)) s.flow[comp(fs.model, c)] = x * kg;
    feeds[id] = s;
  }
  return solveFlowsheet(fs, feeds, previous ? { warmStart: previous } : {});
}

function diag(fs: CompiledFlowsheet, sol: FlowsheetSolution, unit: string, name: string): number {
  const i = fs.unitIndex.get(unit);
  const v = i === undefined ? undefined : sol.outputs[i]?.diagnostics[name];
  if (v === undefined || !Number.isFinite(v))
    throw new InputError(`units.${unit}`, v, `a finite diagnostic ${name}`);
  return v;
}

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

let h2Set: ReturnType<typeof compileSpeciesSet> | null = null;
/** LHV of H2 (H2 + ½O2 → H2O(g)) from the thermo database [kJ/mol]. */
function h2Lhv_kJ_per_mol(): number {
  h2Set ??= compileSpeciesSet(['H2(g)', 'O2(g)', 'H2O(g)']);
  return (
    -(
      h2Set.h_J_per_mol(2, 298.15) -
      h2Set.h_J_per_mol(0, 298.15) -
      0.5 * h2Set.h_J_per_mol(1, 298.15)
    ) / 1000
  );
}

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
