/**
 * Runs a ferrochrome stage template (fecr-saf, fecr-dc, fecr-outokumpu, fecr-prereduced) on a
 * chromite feed with the flowsheet engine and returns the common {@link StageRun}. The templates
 * (data/pyro/templates) chain the ferrochrome unit kinds (src/process/units/ferrochrome):
 *   fecr-saf        briquetting → AC SAF (cold charge)
 *   fecr-dc         DC open-arc furnace on dry fines (cold charge)
 *   fecr-outokumpu  pelletising → oxidative sintering → shaft preheater (furnace CO gas, recycle) → closed AC SAF
 *   fecr-prereduced pelletising (with coke breeze) → rotary kiln (coal) → AC SAF, hot charged
 * Each unit computes its additions (binder, water, fuel, air, reductant, fluxes, electrode) from
 * its main inlet with its inner solves; the runner feeds them (make-up). Three solves: on 1 kg/s
 * dry ore (alloy yield), at the nameplate ore rate without additions (demands), and with the
 * additions (the reported solution, whose unit and plant element balances close).
 */
import type { StageRun } from '../stage-run.js';
import { ConvergenceError, InputError } from '../../errors.js';
import type { DesignOverrides } from '../design/design-flowsheet.js';
import { unitEnergy, unitResult } from '../design/unit-result.js';
import { compileFlowsheet, reparameterize, type CompiledFlowsheet } from '../flowsheet/compile.js';
import { solveFlowsheet, type FlowsheetSolution } from '../flowsheet/solve.js';
import { summariseStage } from '../flowsheet/summarise.js';
import { createStream, type Stream } from '../stream.js';
import { demandStream, toSpecies, writeSpecies } from '../units/ferrochrome/bridge.js';
import { MATERIALS, chromiteStream, type ChromiteForm, type OxideAnalysis } from './materials.js';
import { fecrKpis } from './fecr-kpis.js';
import { PRETREATMENT_DEFAULTS } from './pretreatment.js';
import { furnaceDefaults } from './smelting-furnace.js';
import { mass_kg_per_s, molarMass, SP } from './species.js';
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
function engineOverrides(
  t: FecrTemplateData,
  o: Readonly<Record<string, number>>,
  moisture_wt_pct: number,
): Record<string, number> {
  const fd = furnaceDefaults('ac-saf');
  const units = Object.entries(t.template.units);
  const out: Record<string, number> = {};
  for (const [k, v] of Object.entries(o)) {
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
    for (const [id, u] of units) {
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
  for (const [id, u] of units)
    if (u.kind === 'fecr-pelletiser') out[`units.${id}.ore_moisture_wt_pct`] = moisture_wt_pct;
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

const compileCache = new Map<string, CompiledFlowsheet>();
/** Each template compiled once without overrides (components, graph, solve order). */
const baseCache = new Map<string, CompiledFlowsheet>();
function compiled(t: FecrTemplateData, ov: Record<string, number>): CompiledFlowsheet {
  const key = `${t.template.id}|${JSON.stringify(ov)}`;
  let fs = compileCache.get(key);
  if (!fs) {
    // New parameter values (a what-if recovery, a sampled moisture) only replace unit
    // parameters: reparameterize the compiled template instead of compiling it again.
    let base = baseCache.get(t.template.id);
    if (!base) {
      base = compileFlowsheet(t.template);
      baseCache.set(t.template.id, base);
    }
    fs = reparameterize(base, ov);
    if (compileCache.size >= 64) compileCache.clear();
    compileCache.set(key, fs);
  }
  return fs;
}

function unitIndexOf(fs: CompiledFlowsheet, id: string): number {
  const i = fs.unitIndex.get(id);
  if (i === undefined) throw new InputError('template.makeup', id, `a unit of ${fs.id}`);
  return i;
}

/** Make-up feed stream for `feedId` from the demands of solution `sol` [kg/h]. */
function makeupStream(
  fs: CompiledFlowsheet,
  sol: FlowsheetSolution,
  m: FecrTemplateData['makeup'][string],
): Stream {
  const out = sol.outputs[unitIndexOf(fs, m.unit)];
  if (!out) throw new InputError('template.makeup', m.unit, `a solved unit of ${fs.id}`);
  const s = demandStream(fs.model, out, m.unit, m.port);
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
  return s;
}

export interface Solved {
  fs: CompiledFlowsheet;
  sol: FlowsheetSolution;
  t: FecrTemplateData;
  ore_dry_kg_per_s: number;
  /** Index of the main unit (furnace or refining furnace). */
  furnace: number;
}

/** Solves template `t` at `ore_kg_per_s` dry ore, without (`additions` false) or with make-up. */
function solveAt(
  t: FecrTemplateData,
  fs: CompiledFlowsheet,
  feed: ChromiteFeed,
  ore_kg_per_s: number,
  demands?: FlowsheetSolution,
): FlowsheetSolution {
  const ore = chromiteStream(
    'chromite',
    feed.analysis,
    ore_kg_per_s,
    feed.moisture_wt_pct,
    feed.T_K ?? 298.15,
    feed.form ?? 'spinel',
  );
  const oreStream = createStream(fs.model);
  writeSpecies(fs.model, ore, oreStream);
  const feeds: Record<string, Stream> = { [t.feed_stream]: oreStream };
  for (const [id, m] of Object.entries(t.makeup))
    feeds[id] = demands ? makeupStream(fs, demands, m) : createStream(fs.model);
  return solveFlowsheet(fs, feeds);
}

/**
 * Solves a ferrochrome-family template on the engine with the addition make-up.
 * @param template - Key of FECR_TEMPLATE_DATA
 * @param alloy_t_per_h - Alloy rate to scale the ore to [t/h], or null for 1 kg/s dry ore
 */
export function solveTemplate(
  template: keyof typeof FECR_TEMPLATE_DATA,
  feed: ChromiteFeed,
  overrides: Readonly<Record<string, number>>,
  alloy_t_per_h: number | null,
): Solved {
  const t = FECR_TEMPLATE_DATA[template];
  const fs = compiled(t, engineOverrides(t, overrides, feed.moisture_wt_pct));
  const furnace = fs.units.findIndex((u) => MAIN_KINDS.has(u.kind.kind));
  let ore = 1;
  if (alloy_t_per_h !== null) {
    const unit = solveAt(t, fs, feed, 1);
    const a = unitResult(fs, unit, furnace, 'alloy_kg_per_h') / 3600;
    ore = alloy_t_per_h / KG_S_TO_T_H / a;
  }
  // make-up passes: exact once every demand is computed from the inlets it depends on (one pass
  // per level of additions that pass through another unit, e.g. coke through the preheater)
  let prev = solveAt(t, fs, feed, ore);
  let sol = prev;
  let worst = Infinity;
  for (let pass = 1; worst > MAKEUP_TOLERANCE; pass++) {
    if (pass > MAX_MAKEUP_PASSES) throw new ConvergenceError(`make-up of ${fs.id}`, pass, worst);
    sol = solveAt(t, fs, feed, ore, prev);
    worst = 0;
    for (const m of Object.values(t.makeup)) {
      const a = makeupStream(fs, prev, m).flow;
      const b = makeupStream(fs, sol, m).flow;
      let scale = 0;
      let diff = 0;
      for (let c = 0; c < a.length; c++) {
        diff = Math.max(diff, Math.abs((a[c] ?? 0) - (b[c] ?? 0)));
        scale = Math.max(scale, Math.abs(b[c] ?? 0));
      }
      if (scale > 0) worst = Math.max(worst, diff / scale);
    }
    prev = sol;
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

/**
 * Runs a ferrochrome template on a chromite feed (issue 5 items 2, 5, 6) on the flowsheet engine.
 * @param template - 'fecr-saf' | 'fecr-dc' | 'fecr-outokumpu' | 'fecr-prereduced'
 * @param input - Feed (oxide analysis [wt%], moisture [wt%], T [K]), alloy capacity [t/yr],
 *   availability [–], overrides `{ 'furnace.<param>' | 'pretreatment.<param>': value }`
 * @returns StageRun with per-hour flows at nameplate operation (t/h, MWh/h), KPIs per t alloy,
 *   the engine's balance report (streams with sources and destinations), the compiled flowsheet
 *   and its solution
 * @throws InputError for bad input; ConvergenceError if an inner solve or the make-up fails
 */
export function runFerrochromeStage(
  template: string,
  input: FerrochromeInput,
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
  return stageRun(solveTemplate(t, input.feed, input.overrides ?? {}, alloy_t_per_h), input);
}

/** As-received moisture of the additions the hot-charge templates dry outside the balance [wt%]. */
const BOUGHT_WET: Readonly<Record<string, number>> = {
  coke: MATERIALS.coke.moisture_wt_pct,
  quartzite: MATERIALS.quartzite.moisture_wt_pct,
};

function stageRun(r: Solved, input: FerrochromeInput): FerrochromeStageRun {
  const { fs, sol } = r;
  const run = summariseStage(fs, sol, r.t.summary, {
    design: input.design ?? {},
    moisture_wt_pct: BOUGHT_WET,
  });
  return {
    ...run,
    kpis: { ...run.kpis, ...fecrKpis(r, run, input.capacity_t_per_year) },
    flowsheet: fs,
    solution: sol,
  };
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
