/**
 * Runs a ferrochrome stage template (fecr-saf, fecr-dc, fecr-outokumpu, fecr-prereduced) on a
 * chromite feed with the flowsheet engine and returns the common {@link StageRun}. The templates
 * (data/pyro/templates) chain the ferrochrome unit kinds (src/process/units/ferrochrome):
 *   fecr-saf        briquetting → AC SAF (cold charge)
 *   fecr-dc         DC open-arc furnace on dry fines (cold charge)
 *   fecr-outokumpu  pelletising → oxidative sintering → shaft preheater (furnace CO gas, recycle) → closed AC SAF
 *   fecr-prereduced pelletising (with coke breeze) → rotary kiln (coal) → AC SAF, hot charged
 * Each unit computes its additions (binder, water, fuel, air, reductant, fluxes, electrode) from
 * its main inlet; the runner feeds them (make-up). Two solves: on 1 kg/s dry ore without
 * additions (alloy yield and additions per kg of ore), and at the nameplate ore rate with those
 * additions scaled (the reported solution, whose unit and plant element balances close).
 */
import type { StageRun } from '../stage-run.js';
import { ConvergenceError, InputError } from '../../errors.js';
import type { DesignOverrides } from '../design/design-flowsheet.js';
import { unitEnergy, unitResult } from '../design/unit-result.js';
import type { CompiledFlowsheet } from '../flowsheet/compile.js';
import { COMPILE_EACH_TIME, type FlowsheetSource } from '../flowsheet/flowsheet-cache.js';
import type { StageSolveOptions } from '../stage-solve-options.js';
import { solveFlowsheet, type FlowsheetSolution } from '../flowsheet/solve.js';
import type { SolutionSlot } from '../flowsheet/solution-slot.js';
import { summariseStage } from '../flowsheet/summarise.js';
import { createStream, createStreams, P_ATM_PA, type Stream } from '../stream.js';
import { demandStream, toSpecies, writeSpecies } from '../units/ferrochrome/bridge.js';
import { MATERIALS, chromiteStream, type ChromiteForm, type OxideAnalysis } from './materials.js';
import { fecrAlloyQuality } from './fecr-alloy-quality.js';
import { addFecrKpis } from './fecr-kpis.js';
import { fecrSlagCheck } from './fecr-slag-check.js';
import { defineOnDemand } from '../on-demand.js';
import type { MinorBalance, MinorContents } from './minor-elements.js';
import { PRETREATMENT_DEFAULTS } from './pretreatment.js';
import { furnaceDefaults } from './smelting-furnace.js';
import { mass_kg_per_s, molarMass, N_SPECIES, SP } from './species.js';
import { FECR_TEMPLATE_DATA, type FecrTemplateData } from './templates.js';

export const FECR_TEMPLATES = ['fecr-saf', 'fecr-dc', 'fecr-outokumpu', 'fecr-prereduced'] as const;
export type FecrTemplate = (typeof FECR_TEMPLATES)[number];

export interface ChromiteFeed {
  /** Dry oxide analysis [wt%]. */
  analysis: OxideAnalysis;
  /** Free moisture as received [wt%]; must be 0 for routes that charge it hot. */
  moisture_wt_pct: number;
  /** Feed temperature [K] (default 298.15). */
  T_K?: number;
  /** Representation of the chromite (default 'spinel'). */
  form?: ChromiteForm;
  /**
   * S, P and Ti of the dry feed [wt% of the element]; carried by the minor-element ledger, not
   * the species balance. Elements not given take data/pyro/minor-elements.json's chromite
   * default, with a warning.
   */
  minor_wt_pct?: Partial<MinorContents>;
}

export interface FerrochromeInput {
  feed: ChromiteFeed;
  /** Alloy output [t/yr]. */
  capacity_t_per_year: number;
  /** Operating fraction of the year [–] (0, 1]. */
  availability: number;
  /** `{ "furnace.<param>": v, "pretreatment.<param>": v }`. */
  overrides?: Readonly<Record<string, number>>;
  /** Design-basis overrides `{ "<unit id or kind>.<param>": v }` (data/process/design-basis.json). */
  design?: DesignOverrides;
}

/** StageRun plus the compiled flowsheet and the solution (tests, reports). */
export interface FerrochromeStageRun extends StageRun {
  flowsheet: CompiledFlowsheet;
  solution: FlowsheetSolution;
  /** Dry ore rate of the solution [kg/s] and the alloy rate it was solved for [t/h]: a warm
   * start from this run scales the ore by the ratio of the alloy rates, exactly 1 at the same
   * rate, so that the first solve repeats this one bit for bit. */
  ore_dry_kg_per_s: number;
  target_alloy_t_per_h: number;
  /**
   * S, P and Ti in and out of the stage [kg/h] (fecr-minor-ledger.ts); smelting templates only,
   * undefined in a run without detail (`StageSolveOptions.detail`).
   */
  minor_elements?: MinorBalance | undefined;
}

const KG_S_TO_T_H = 3.6;
/** Largest relative change of any make-up feed between the last two passes at convergence [–]. */
const MAKEUP_TOLERANCE = 1e-12;
const MAX_MAKEUP_PASSES = 6;
/** Unit kinds whose alloy output sets the ore rate (one per template). */
const MAIN_KINDS = new Set([
  'submerged-arc-furnace',
  'dc-arc-furnace',
  'fecr-silicothermic-refining',
]);

/**
 * Engine overrides `{ "units.<id>.<param>": v }` from the stage keys: `furnace.<p>` → the
 * furnace unit, `pretreatment.<p>` → every unit of the template that has parameter p (a
 * pre-treatment key the template does not use is accepted and has no effect, so a scenario can
 * switch templates without other edits). The ore's free moisture goes to the pelletiser.
 */
/** The furnace defaults (their keys name the `furnace.<param>` overrides; a constant of data/pyro). */
const FURNACE_DEFAULTS = furnaceDefaults('ac-saf');

function engineOverrides(
  t: FecrTemplateData,
  o: Readonly<Record<string, number>>,
  moisture_wt_pct: number,
): Record<string, number> {
  const fd = FURNACE_DEFAULTS;
  const units = t.template.units;
  const out: Record<string, number> = {};
  // (for…in, not Object.entries: once per Monte Carlo sample that re-solves the smelter)
  for (const k in o) {
    const v = o[k] as number;
    const [head, name] = k.split('.', 2);
    const ok =
      (head === 'furnace' && name && name in fd && name !== 'route') ||
      (head === 'pretreatment' && name && name in PRETREATMENT_DEFAULTS) ||
      (head === 'refining' && name && hasParam('fecr-silicothermic-refining', name));
    if (!ok || !name)
      throw new InputError(
        `overrides.${k}`,
        v,
        `a key furnace.<${Object.keys(fd).join('|')}>, pretreatment.<${Object.keys(PRETREATMENT_DEFAULTS).join('|')}> or refining.<${(PARAMS_BY_KIND['fecr-silicothermic-refining'] ?? []).join('|')}>`,
      );
    if (!Number.isFinite(v)) throw new InputError(`overrides.${k}`, v, 'a finite number');
    for (const id in units) {
      const u = units[id];
      if (!u) continue;
      const isFurnace = u.kind === 'submerged-arc-furnace' || u.kind === 'dc-arc-furnace';
      if (head === 'furnace' ? isFurnace : !isFurnace && hasParam(u.kind, name))
        out[`units.${id}.${name}`] = v;
      // a key for a unit the template does not have is accepted and has no effect
    }
  }
  // a fixed recovery only acts with the slag-Cr2O3 target off: refuse one that would be ignored
  if ('furnace.cr_recovery' in o && (o['furnace.slag_Cr2O3_wt_pct'] ?? fd.slag_Cr2O3_wt_pct) > 0)
    throw new InputError(
      'overrides.furnace.cr_recovery',
      o['furnace.cr_recovery'],
      'no fixed recovery while the Cr recovery is solved from the slag Cr2O3 target (set furnace.slag_Cr2O3_wt_pct: 0 to fix it)',
    );
  for (const id in units)
    if (units[id]?.kind === 'fecr-pelletiser')
      out[`units.${id}.ore_moisture_wt_pct`] = moisture_wt_pct;
  return out;
}

const PARAMS_BY_KIND: Record<string, readonly string[]> = {
  'fecr-briquetting': ['briquette_binder_kg_per_t', 'briquette_power_kWh_per_t'],
  'fecr-pelletiser': [
    'pellet_bentonite_kg_per_t',
    'pellet_moisture_wt_pct',
    'kiln_cr_metallisation',
    'kiln_fe_metallisation',
    'kiln_reductant_excess',
  ],
  'fecr-sinter-strand': [
    'sinter_oxidation_fraction',
    'sinter_pellet_out_T_K',
    'sinter_gas_out_T_K',
    'sinter_air_excess',
    'sinter_heat_loss_fraction',
  ],
  'fecr-shaft-preheater': [
    'preheat_T_K',
    'preheater_flue_T_K',
    'preheater_air_excess',
    'preheater_heat_loss_fraction',
  ],
  'fecr-silicothermic-refining': [
    'cr_reduction',
    'fe_reduction',
    'si_utilisation',
    'slag_basicity',
    'melt_T_K',
    'heat_loss_kWh_per_t',
    'electrical_efficiency',
  ],
  'fecr-prereduction-kiln': [
    'kiln_cr_metallisation',
    'kiln_fe_metallisation',
    'kiln_product_T_K',
    'kiln_gas_out_T_K',
    'kiln_air_excess',
    'kiln_heat_loss_fraction',
  ],
};
const hasParam = (kind: string, p: string): boolean => PARAMS_BY_KIND[kind]?.includes(p) ?? false;

function unitIndexOf(fs: CompiledFlowsheet, id: string): number {
  const i = fs.unitIndex.get(id);
  if (i === undefined) throw new InputError('template.makeup', id, `a unit of ${fs.id}`);
  return i;
}

/** Make-up feed stream for `m` from the demands of solution `sol`, times `scale` [kg/h]. */
function makeupStream(
  fs: CompiledFlowsheet,
  sol: FlowsheetSolution,
  m: FecrTemplateData['makeup'][string],
  scale: number,
  into: Stream,
): Stream {
  const out = sol.outputs[unitIndexOf(fs, m.unit)];
  if (!out) throw new InputError('template.makeup', m.unit, `a solved unit of ${fs.id}`);
  const s = demandStream(fs.model, out, m.unit, m.port, into);
  if (m.moisture_of !== undefined) {
    // as received: the dry demand plus the material's moisture, cold
    const sp = toSpecies(fs.model, s, m.port);
    const dry = mass_kg_per_s(sp);
    const w = MATERIALS[m.moisture_of].moisture_wt_pct / 100;
    sp.mol_per_s[SP['H2O(l)']] =
      (sp.mol_per_s[SP['H2O(l)']] ?? 0) + (dry / (1 - w) - dry) / molarMass(SP['H2O(l)']);
    sp.T_K = 298.15;
    writeSpecies(fs.model, sp, s);
  }
  if (scale !== 1) for (let c = 0; c < s.flow.length; c++) s.flow[c] = (s.flow[c] ?? 0) * scale;
  return s;
}

/**
 * Every make-up feed of template `t` from the demands of `sol`, times `scale` [kg/h].
 * @param slot - Whose make-up streams to write (they hold the previous call's make-up until
 *   then), default new streams
 */
function makeupFeeds(
  t: FecrTemplateData,
  fs: CompiledFlowsheet,
  sol: FlowsheetSolution,
  scale: number,
  slot?: SolutionSlot,
): Record<string, Stream> {
  const ids = Object.keys(t.makeup);
  const streams =
    slot?.streams('makeup', fs.model, ids.length) ?? createStreams(fs.model, ids.length);
  const out: Record<string, Stream> = {};
  ids.forEach((id, k) => {
    const m = t.makeup[id];
    const s = streams[k];
    if (m && s) out[id] = makeupStream(fs, sol, m, scale, s);
  });
  return out;
}

/** Largest change of any make-up feed between two sets, relative to its largest flow [–]. */
function makeupChange(a: Record<string, Stream>, b: Record<string, Stream>): number {
  let worst = 0;
  for (const id in a) {
    const fa = (a[id] as Stream).flow;
    const fb = b[id]?.flow ?? fa;
    let scale = 0;
    let diff = 0;
    for (let c = 0; c < fa.length; c++) {
      diff = Math.max(diff, Math.abs((fa[c] ?? 0) - (fb[c] ?? 0)));
      scale = Math.max(scale, Math.abs(fb[c] ?? 0));
    }
    if (scale > 0) worst = Math.max(worst, diff / scale);
  }
  return worst;
}

export interface Solved {
  fs: CompiledFlowsheet;
  sol: FlowsheetSolution;
  t: FecrTemplateData;
  ore_dry_kg_per_s: number;
  /** Index of the main unit (furnace or refining furnace). */
  furnace: number;
}

/**
 * Solves template `t` at `ore_kg_per_s` dry ore with the given make-up feeds (none: every
 * addition feed empty, so each unit only reports what it demands).
 * @param slot - The solution to solve into and the feed streams to build (the solve copies its
 *   feeds), default new ones
 */
function solveAt(
  t: FecrTemplateData,
  fs: CompiledFlowsheet,
  feed: ChromiteFeed,
  ore_kg_per_s: number,
  makeup?: Record<string, Stream>,
  slot?: SolutionSlot,
): FlowsheetSolution {
  const ore = chromiteStream(
    'chromite',
    feed.analysis,
    ore_kg_per_s,
    feed.moisture_wt_pct,
    feed.T_K ?? 298.15,
    feed.form ?? 'spinel',
    // the ore's species are written into its feed stream at once: the slot's work array
    slot?.work(N_SPECIES),
  );
  const ids = Object.keys(t.makeup);
  const n = 1 + (makeup ? 0 : ids.length);
  const streams = slot?.streams('feeds', fs.model, n) ?? createStreams(fs.model, n);
  const oreStream = streams[0] ?? createStream(fs.model);
  writeSpecies(fs.model, ore, oreStream);
  // stored one by one (a computed key in the literal makes V8 build it slowly)
  const feeds: Record<string, Stream> = {};
  feeds[t.feed_stream] = oreStream;
  for (let k = 0; k < ids.length; k++) {
    const id = ids[k] as string;
    feeds[id] = makeup?.[id] ?? streams[k + 1] ?? createStream(fs.model);
  }
  return solveFlowsheet(fs, feeds, slot ? { into: slot.take(fs) } : {});
}

/**
 * Solves a ferrochrome-family template on the engine with the addition make-up.
 *
 * Homogeneity: every unit of these templates is homogeneous of degree one in its feed (the
 * furnace's equations, the pre-treatment heat balances and the make-up all scale with the ore
 * rate), so the template solved once at 1 kg/s dry ore gives both the alloy yield and the
 * additions per kg of ore. The additions at the nameplate rate are those times the ore rate;
 * the pass that feeds them returns the same additions (to round-off) and ends the make-up,
 * unless an addition passes through another unit before the one that demands it (coke and
 * quartzite through the Outokumpu preheater): one more pass per such level.
 * @param template - Key of FECR_TEMPLATE_DATA
 * @param alloy_t_per_h - Alloy rate to scale the ore to [t/h], or null for 1 kg/s dry ore
 * @param flowsheets - Compiled flowsheets (the caller's cache; default: compile afresh)
 * @param start - A previous run of the template (the base of a Monte Carlo run): its ore rate
 *   per t alloy and its make-up scaled to the new alloy rate are the first solve's; when they
 *   hold (a sample that moves neither the alloy yield nor the additions, e.g. the ore's free
 *   moisture) that solve is the answer. The result equals the cold start's to 1e-12.
 * @param slot - Buffers every solve of this call writes (`StageSolveOptions.solution`; default:
 *   a new solution per solve): the solution returned is the slot's, overwritten by the next
 *   call with it. Each solve's make-up is copied out of it before the next one.
 * @throws Error when the slot holds the warm start's solution (the solve would overwrite what
 *   it starts from)
 */
export function solveTemplate(
  template: keyof typeof FECR_TEMPLATE_DATA,
  feed: ChromiteFeed,
  overrides: Readonly<Record<string, number>>,
  alloy_t_per_h: number | null,
  flowsheets: FlowsheetSource = COMPILE_EACH_TIME,
  start?: StageRun,
  slot?: SolutionSlot,
): Solved {
  const t = FECR_TEMPLATE_DATA[template];
  const fs = flowsheets.flowsheet(t.template, engineOverrides(t, overrides, feed.moisture_wt_pct));
  if (slot && start && slot.holds((start as Partial<FerrochromeStageRun>).solution))
    throw new Error(
      `solveTemplate(${template}): the warm start's solution is the slot's; a run solved into a slot cannot start other runs`,
    );
  const furnace = fs.units.findIndex((u) => MAIN_KINDS.has(u.kind.kind));
  const target = alloy_t_per_h === null ? null : alloy_t_per_h / KG_S_TO_T_H;
  const warm = target === null || !start ? undefined : warmStart(start, t, fs, target);
  // first solve: at 1 kg/s without additions, or where a previous run of the template says
  const ore0 = warm?.ore ?? 1;
  const first = solveAt(t, fs, feed, ore0, warm?.fed, slot);
  let ore = ore0;
  if (target !== null) {
    const a = unitResult(fs, first, furnace, 'alloy_kg_per_h') / 3600;
    ore = (target / a) * ore0;
  }
  let sol: FlowsheetSolution | undefined;
  let fed: Record<string, Stream>;
  if (warm && Math.abs(ore / ore0 - 1) <= ORE_TOLERANCE) {
    // the warm start hit the alloy rate: the first solve is the answer if its make-up holds
    ore = ore0;
    fed = makeupFeeds(t, fs, first, 1, slot);
    if (makeupChange(warm.fed, fed) <= MAKEUP_TOLERANCE) sol = first;
  } else fed = makeupFeeds(t, fs, first, ore / ore0, slot);
  // (the passes' make-up in new streams: the first, in the slot's, is still compared)
  for (let pass = 1; !sol; pass++) {
    const trial = solveAt(t, fs, feed, ore, fed, slot);
    const next = makeupFeeds(t, fs, trial, 1);
    const worst = makeupChange(fed, next);
    if (worst <= MAKEUP_TOLERANCE) sol = trial;
    else if (pass >= MAX_MAKEUP_PASSES)
      throw new ConvergenceError(`make-up of ${fs.id}`, pass, worst);
    else fed = next;
  }
  fs.units.forEach((u, i) => {
    if (u.kind.kind === 'fecr-shaft-preheater' && unitResult(fs, sol, i, 'gas_shortfall') > 0)
      throw new InputError(
        'preheater.preheat_T_K',
        u.params.preheat_T_K,
        'a preheat the furnace gas can supply (needs more than 100 % of it)',
      );
  });
  return { fs, sol, t, ore_dry_kg_per_s: ore, furnace };
}

/** Largest relative miss of the alloy rate at which a warm start's ore rate is kept [–]. */
const ORE_TOLERANCE = 1e-12;

/**
 * The ore rate and make-up feeds that a previous run of the same template implies for the
 * alloy rate `target` [kg/s] (homogeneity: both scale with it): the start of a Monte Carlo
 * sample from the base solve. Undefined when the run is not of this flowsheet.
 */
function warmStart(
  run: StageRun,
  t: FecrTemplateData,
  fs: CompiledFlowsheet,
  target: number,
): { ore: number; fed: Record<string, Stream> } | undefined {
  const prev = run as Partial<FerrochromeStageRun>;
  const ore = prev.ore_dry_kg_per_s ?? NaN;
  const alloy = (prev.target_alloy_t_per_h ?? NaN) / KG_S_TO_T_H;
  if (!prev.flowsheet || !prev.solution || prev.flowsheet.model.key !== fs.model.key) return;
  if (prev.flowsheet.id !== fs.id || !(ore > 0 && alloy > 0)) return;
  // at the same alloy rate the scale is exactly 1: the first solve repeats the previous one
  const scale = target / alloy;
  const ids = Object.keys(t.makeup);
  const fed: Record<string, Stream> = {};
  let streams: Stream[] | undefined;
  for (const [k, id] of ids.entries()) {
    const from = prev.solution.streams[prev.flowsheet.streamIndex.get(id) ?? -1];
    if (!from) return;
    if (scale === 1 && isPlainFeed(from)) {
      // the feed as it is (the solve copies its feeds and never writes them): no allocation
      fed[id] = from;
      continue;
    }
    streams ??= createStreams(fs.model, ids.length);
    const s = streams[k];
    if (!s) return;
    for (let c = 0; c < s.flow.length; c++) s.flow[c] = (from.flow[c] ?? 0) * scale;
    s.T_K = from.T_K;
    fed[id] = s;
  }
  return { ore: ore * scale, fed };
}

/**
 * Whether stream `s` equals the make-up feed {@link warmStart} would build from it at scale 1:
 * no sized (mineral) flows and ambient pressure, as a new stream has.
 */
function isPlainFeed(s: Stream): boolean {
  if (s.P_Pa !== P_ATM_PA) return false;
  for (let c = 0; c < s.sized.length; c++) if (s.sized[c] !== 0) return false;
  return true;
}

/**
 * Runs a ferrochrome template on a chromite feed (issue 5 items 2, 5, 6) on the flowsheet engine.
 * @param template - 'fecr-saf' | 'fecr-dc' | 'fecr-outokumpu' | 'fecr-prereduced'
 * @param input - Feed (oxide analysis [wt%], moisture [wt%], T [K]), alloy capacity [t/yr],
 *   availability [–], overrides `{ 'furnace.<param>' | 'pretreatment.<param>': value }`
 * @returns StageRun with per-hour flows at nameplate operation (t/h, MWh/h), KPIs per t alloy,
 *   the engine's balance report (streams with sources and destinations), the compiled flowsheet
 *   and its solution
 * @param options - Compiled flowsheets (the caller's cache; default: compile afresh)
 * @throws InputError for bad input; ConvergenceError if an inner solve or the make-up fails
 */
export function runFerrochromeStage(
  template: string,
  input: FerrochromeInput,
  options: StageSolveOptions = {},
): FerrochromeStageRun {
  if (!(FECR_TEMPLATES as readonly string[]).includes(template))
    throw new InputError('template', template, `one of ${FECR_TEMPLATES.join(', ')}`);
  const t = template as FecrTemplate;
  if (!(input.capacity_t_per_year > 0))
    throw new InputError(
      'capacity_t_per_year',
      input.capacity_t_per_year,
      'a positive alloy output [t/yr]',
    );
  if (!(input.availability > 0 && input.availability <= 1))
    throw new InputError('availability', input.availability, 'in (0, 1]');
  const alloy_t_per_h = input.capacity_t_per_year / (8760 * input.availability);
  return stageRun(
    solveTemplate(
      t,
      input.feed,
      input.overrides ?? {},
      alloy_t_per_h,
      options.flowsheets,
      options.warmStart,
      options.solution,
    ),
    input,
    options.detail !== false,
  );
}

/** As-received moisture of the additions the hot-charge templates dry outside the balance [wt%]. */
const BOUGHT_WET: Readonly<Record<string, number>> = {
  coke: MATERIALS.coke.moisture_wt_pct,
  quartzite: MATERIALS.quartzite.moisture_wt_pct,
};

/**
 * The stage run of a solved template: its summary, the smelting KPIs and, with `detail`, the
 * alloy's quality (`StageSolveOptions.detail`: without it the run has the same fields, the
 * quality's undefined, so that sample runs and appraisal runs share one V8 shape).
 */
function stageRun(r: Solved, input: FerrochromeInput, detail: boolean): FerrochromeStageRun {
  const { fs, sol } = r;
  const run = summariseStage(fs, sol, r.t.summary, {
    design: input.design ?? {},
    moisture_wt_pct: BOUGHT_WET,
    detail,
  });
  // the summary's KPIs are this run's own record, extended in place by name: the smelting KPIs,
  // then the alloy quality's
  addFecrKpis(r, run, input.capacity_t_per_year, run.kpis);
  const quality = detail ? fecrAlloyQuality(r, run, input.feed.minor_wt_pct, run.kpis) : undefined;
  // assigned, not spread: a spread would build the on-demand balance report
  const out = Object.assign(run, {
    product_grade: quality?.grade,
    minor_elements: quality?.ledger,
    sulphur_to_air_kg_per_h: quality?.ledger.gas_kg_per_h.S,
    warnings: [...(run.warnings ?? []), ...(quality?.warnings ?? [])],
    flowsheet: fs,
    solution: sol,
    ore_dry_kg_per_s: r.ore_dry_kg_per_s,
    target_alloy_t_per_h: input.capacity_t_per_year / (8760 * input.availability),
  });
  // on demand (the liquidus costs about as much as the stage solve): read by the appraisal's
  // stage results, not by a Monte Carlo sample's headline outputs (none without detail)
  return detail ? defineOnDemand(out, 'report_checks', () => fecrSlagCheck(r, out)) : out;
}

/**
 * Heat loss [kWh per t alloy] that makes `template`'s reference case give `target_MWh_per_t` of
 * furnace electricity: q = η·E_target − (ΣH_out − ΣH_in)/m_alloy (the balance is linear in q).
 */
export function calibrateHeatLoss(
  template: FecrTemplate,
  feed: ChromiteFeed,
  target_MWh_per_t: number,
): number {
  const r = solveTemplate(template, feed, { 'furnace.heat_loss_kWh_per_t': 0 }, null);
  const u = r.fs.units[r.furnace];
  const e = unitEnergy(r.fs, r.sol, r.furnace);
  const aTh = (unitResult(r.fs, r.sol, r.furnace, 'alloy_kg_per_h') / 3600) * KG_S_TO_T_H;
  const demand_kWh_per_t = (e.H_out_kW - e.H_in_kW) / aTh;
  return (u?.params.electrical_efficiency ?? NaN) * target_MWh_per_t * 1000 - demand_kWh_per_t;
}
