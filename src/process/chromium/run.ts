import { InputError } from '../../errors.js';
import type { DesignOverrides } from '../design/design-flowsheet.js';
import { unitIndex, unitResult } from '../design/unit-result.js';
import type { CompiledFlowsheet } from '../flowsheet/compile.js';
import { COMPILE_EACH_TIME } from '../flowsheet/flowsheet-cache.js';
import type { StageSolveOptions } from '../stage-solve-options.js';
import {
  solveFlowsheet,
  type FeedSpecification,
  type FlowsheetSolution,
} from '../flowsheet/solve.js';
import { summariseStage } from '../flowsheet/summarise.js';
import type { FlowsheetOverrides } from '../flowsheet/template.js';
import type { StageEnvironmentPerHour, StageRun } from '../stage-run.js';
import { createStream, elementFlows, type Stream } from '../stream.js';
import { assertSelfSustaining } from '../units/chromium/aluminothermic-reactor.js';
import { AIR_O2_MASS_FRACTION, comp, molarMassOf } from '../units/chromium/common.js';
import { chromateMinorQuality } from './chromate-minor-quality.js';
import type { ChromateMinorBalance } from './chromate-minor-ledger.js';
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
  /** Design-basis overrides `{ "<unit id or kind>.<param>": value }`. */
  design?: DesignOverrides;
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
  /** S, P and Ti in and out of the chromate route [kg/h] (chromate-minor-ledger.ts). */
  minor_elements?: ChromateMinorBalance;
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
  const isOxideAnalysis = 'oxides_wt_pct' in input.feed;
  // Chromite concentrate (chromate route) and purchased Cr2O3 are both given as oxide analyses.
  const wantsOxides = t.feed_stream === 'concentrate' || t.feed_stream === 'cr2o3';
  if (isOxideAnalysis !== wantsOxides)
    throw new InputError(
      'feed',
      Object.keys(input.feed).join(', '),
      wantsOxides
        ? `an oxide analysis { oxides_wt_pct } for ${template}`
        : 'an HC ferrochrome { alloy_wt_pct } for cr-electrolytic',
    );
  const fs = (options.flowsheets ?? COMPILE_EACH_TIME).flowsheet(t.template, input.overrides ?? {});
  const makeFeed = (kg_per_h: number): Stream =>
    'oxides_wt_pct' in input.feed
      ? chromiteFeedStream(fs.model, input.feed, kg_per_h)
      : ferrochromeFeedStream(fs.model, input.feed, kg_per_h);
  const target_kg_per_h = (input.capacity_t_per_year * 1000) / (8760 * input.availability);
  const makeup = options.chromiumMakeup ?? specifiedMakeup;
  const { sol, reagents_kg_per_h, passes } = makeup({
    fs,
    t,
    feedAt: makeFeed,
    target_kg_per_h,
  });
  if (fs.unitIndex.has('reactor')) {
    const ui = unitIndex(fs, 'reactor');
    const criterion = fs.units[ui]?.params.criterion_kJ_per_kg;
    if (criterion === undefined)
      throw new InputError('units.reactor.criterion_kJ_per_kg', criterion, 'a reactor parameter');
    assertSelfSustaining(
      unitResult(fs, sol, ui, 'charge_specific_heat_kJ_per_kg'),
      unitResult(fs, sol, ui, 'effective_specific_heat_kJ_per_kg'),
      criterion,
      'units.reactor (aluminothermic charge)',
    );
  }
  const minor =
    'oxides_wt_pct' in input.feed && fs.unitIndex.has('kiln')
      ? (input.feed.minor_wt_pct ?? {})
      : undefined;
  return stageRun(fs, sol, t, reagents_kg_per_h, passes, input.design ?? {}, minor);
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

/** Refuses a supply-bound reagent that left nothing to return: the bound limited the process. */
function assertSupplyReturns(
  fs: CompiledFlowsheet,
  sol: FlowsheetSolution,
  t: ChromiumTemplate,
  reagentKg: Readonly<Record<string, number>>,
): void {
  for (const [id, r] of Object.entries(t.reagents)) {
    if (r.return_stream === undefined) continue;
    const back = productKg(fs, sol, r.return_stream);
    const kg = reagentKg[id] ?? 0;
    if (!(back > 1e-9 * kg))
      throw new InputError(
        `reagents.${id}.supply_kg_per_kg_feed`,
        r.supply_kg_per_kg_feed,
        'a supply that exceeds the demand (none returned: the supply bound limits the process)',
      );
  }
}

function stageRun(
  fs: CompiledFlowsheet,
  sol: FlowsheetSolution,
  t: ChromiumTemplate,
  reagentKg: Readonly<Record<string, number>>,
  passes: number,
  design: DesignOverrides,
  minor: Partial<Record<'S' | 'P' | 'Ti', number>> | undefined,
): ChromiumStageRun {
  assertSupplyReturns(fs, sol, t, reagentKg);
  const run = summariseStage(fs, sol, t.summary, { design });
  const environment = fs.unitIndex.has('detox') ? chromateEnvironment(fs, sol, run) : undefined;
  // the chromate route's S, P, Ti ledger on the dry concentrate fed (bound water included)
  const quality =
    minor === undefined
      ? undefined
      : chromateMinorQuality(
          productKg(fs, sol, t.feed_stream),
          (run.products[0]?.t_per_h ?? NaN) * 1000,
          minor,
        );
  // assigned, not spread: a spread would build the on-demand balance report
  return Object.assign(run, {
    ...(environment ? { environment } : {}),
    ...(quality
      ? {
          minor_elements: quality.ledger,
          sulphur_to_air_kg_per_h: quality.ledger.offgas_kg_per_h.S,
          warnings: [...(run.warnings ?? []), ...quality.warnings],
        }
      : {}),
    kpis: { ...run.kpis, ...chromiumKpis(fs, sol, t, run, reagentKg), ...(quality?.kpis ?? {}) },
    flowsheet: fs,
    solution: sol,
    reagent_passes: passes,
  });
}

/** Per t of metal of a consumption in the summary, or 0 for a consumable the route does not use. */
function perTonne(run: StageRun, id: string): number {
  const c = run.consumptions.find((x) => x.id === id);
  const metal = run.products[0]?.t_per_h ?? NaN;
  return c === undefined ? 0 : c.per_h / metal;
}

/** Route-specific KPIs per t of chromium metal (summary plus declared unit results). */
function chromiumKpis(
  fs: CompiledFlowsheet,
  sol: FlowsheetSolution,
  t: ChromiumTemplate,
  run: StageRun,
  reagentKg: Readonly<Record<string, number>>,
): Record<string, number> {
  const metal = run.products[0];
  if (!metal) throw new InputError('summary.products', [], 'the chromium metal');
  const metalKg = metal.t_per_h * 1000;
  const cr = metal.composition_wt_pct.Cr;
  if (cr === undefined) throw new InputError('products.chromium-metal.Cr', cr, 'Cr in the metal');
  const feedKg = productKg(fs, sol, t.feed_stream);
  const kpis: Record<string, number> = {
    metal_t_per_h: metal.t_per_h,
    metal_cr_wt_pct: cr,
    alloy_cr_wt_pct: cr,
    feed_t_per_t: feedKg / metalKg,
    natural_gas_MWh_per_t: perTonne(run, 'natural-gas'),
  };
  const result = (unit: string, name: string): number =>
    unitResult(fs, sol, unitIndex(fs, unit), name);
  if (fs.unitIndex.has('reactor')) {
    const cr2o3Kg =
      productKg(fs, sol, 'cr2o3') > 0
        ? (stream(fs, sol, 'cr2o3').flow[comp(fs.model, 'Cr2O3(s)')] ?? 0)
        : 0;
    const slag = run.byproducts.find((b) => b.id === 'slag');
    if (!slag) throw new InputError('summary.byproducts', 'slag', 'the aluminothermic slag');
    Object.assign(kpis, {
      ore_t_per_t: feedKg / metalKg,
      al_t_per_t_cr: (reagentKg.aluminium ?? NaN) / ((cr / 100) * metalKg),
      charge_specific_heat_kJ_per_kg: result('reactor', 'charge_specific_heat_kJ_per_kg'),
      effective_specific_heat_kJ_per_kg: result('reactor', 'effective_specific_heat_kJ_per_kg'),
      adiabatic_T_K: result('reactor', 'adiabatic_T_K'),
      slag_t_per_t: slag.t_per_h / metal.t_per_h,
      cr2o3_t_per_t: cr2o3Kg / metalKg,
      cr2o3_wt_pct: (100 * cr2o3Kg) / productKg(fs, sol, 'cr2o3'),
      lime_t_per_t: perTonne(run, 'lime'),
    });
    // The chromate section's KPIs; the buy-oxide variant (cr-aluminothermic-oxide) has none.
    if (fs.unitIndex.has('kiln'))
      Object.assign(kpis, {
        soda_ash_t_per_t_cr2o3: (reagentKg.soda ?? NaN) / cr2o3Kg,
        sulfur_t_per_t_cr2o3: (reagentKg.sulfur ?? NaN) / cr2o3Kg,
        soda_ash_t_per_t: perTonne(run, 'soda-ash'),
        sulfur_t_per_t: perTonne(run, 'sulfur'),
        water_m3_per_t: perTonne(run, 'water'),
        roast_conversion: result('kiln', 'conversion_achieved'),
        roast_lime_t_per_t: productKg(fs, sol, 'lime') / metalKg,
        residue_recycle_t_per_t_concentrate: productKg(fs, sol, 'residue-recycle') / feedKg,
        residue_cr2o3_wt_pct: dryWtPct(fs, sol, 'residue-bleed', 'Cr2O3'),
        hazardous_waste_t_per_t:
          (productKg(fs, sol, 'treated-residue') + productKg(fs, sol, 'wwt-sludge')) / metalKg,
        sodium_sulphate_t_per_t: productKg(fs, sol, 'salt-cake') / metalKg,
      });
  } else {
    Object.assign(kpis, {
      ferrochrome_t_per_t: feedKg / metalKg,
      cell_kWh_per_kg_cr: result('cell', 'cell_kWh_per_kg_cr'),
      sulfuric_acid_t_per_t: perTonne(run, 'sulfuric-acid'),
      ammonia_t_per_t: perTonne(run, 'ammonia'),
      water_m3_per_t: perTonne(run, 'water'),
    });
  }
  return kpis;
}

/** Cr (any valence) of a stream's dry mass reported as Cr2O3 [wt%]. */
function dryWtPct(
  fs: CompiledFlowsheet,
  sol: FlowsheetSolution,
  id: string,
  oxide: 'Cr2O3',
): number {
  const s = stream(fs, sol, id);
  const m = fs.model;
  const dry = productKg(fs, sol, id) - (s.flow[comp(m, 'H2O(aq)')] ?? 0);
  const el = new Float64Array(m.nEl);
  elementFlows(m, s, el);
  const cr = el[m.elements.indexOf('Cr')] ?? 0;
  return dry > 0
    ? (100 * (cr / 2) * molarMassOf(m, `${oxide}(s)`)) / molarMassOf(m, 'Cr(s)') / dry
    : 0;
}

/**
 * Cr(VI), hazardous waste and water of the chromate route at nameplate: Cr(VI) generated is
 * what reaches the treatment units (residue bleed, liquors); treated is what they reduce;
 * released to water is the discharge's; to landfill, what the treated residue and sludge keep.
 */
function chromateEnvironment(
  fs: CompiledFlowsheet,
  sol: FlowsheetSolution,
  run: StageRun,
): StageEnvironmentPerHour {
  const r = (unit: string, name: string): number => unitResult(fs, sol, unitIndex(fs, unit), name);
  const m = fs.model;
  const crPerChromate = molarMassOf(m, 'Cr(s)') / molarMassOf(m, 'Na2CrO4(aq)');
  const sludge = stream(fs, sol, 'wwt-sludge');
  const sludgeCr6 = (sludge.flow[comp(m, 'Na2CrO4(aq)')] ?? 0) * crPerChromate;
  return {
    cr6_generated_kg_per_h: r('detox', 'cr6_in_kg_per_h') + r('wwt', 'cr6_in_kg_per_h'),
    cr6_treated_kg_per_h: r('detox', 'cr6_reduced_kg_per_h') + r('wwt', 'cr6_reduced_kg_per_h'),
    cr6_released_to_water_kg_per_h: r('wwt', 'cr6_discharged_kg_per_h'),
    cr6_to_landfill_kg_per_h: r('detox', 'cr6_left_kg_per_h') + sludgeCr6,
    hazardous_waste_t_per_h:
      (productKg(fs, sol, 'treated-residue') + productKg(fs, sol, 'wwt-sludge')) / 1000,
    water_withdrawn_m3_per_h: run.consumptions.find((c) => c.id === 'water')?.per_h ?? 0,
    water_discharged_m3_per_h: r('wwt', 'discharge_m3_per_h'),
  };
}
