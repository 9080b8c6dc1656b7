import { ConvergenceError, InputError } from '../../errors.js';
import type { DesignOverrides } from '../design/design-flowsheet.js';
import { unitIndex, unitResult } from '../design/unit-result.js';
import { compileFlowsheet, type CompiledFlowsheet } from '../flowsheet/compile.js';
import { solveFlowsheet, type FlowsheetSolution } from '../flowsheet/solve.js';
import { summariseStage } from '../flowsheet/summarise.js';
import type { FlowsheetOverrides } from '../flowsheet/template.js';
import type { StageRun } from '../stage-run.js';
import { createStream, type Stream } from '../stream.js';
import { assertSelfSustaining } from '../units/chromium/aluminothermic-reactor.js';
import { AIR_O2_MASS_FRACTION, comp } from '../units/chromium/common.js';
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
  /** Design-basis overrides `{ "<unit id or kind>.<param>": value }`. */
  design?: DesignOverrides;
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
  for (const k of Object.keys(reagentKg)) reagentKg[k] = Math.max(0, reagentKg[k] ?? 0);
  return stageRun(fs, sol, t, reagentKg, passes, input.design ?? {});
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
  return unitResult(fs, sol, unitIndex(fs, unit), name);
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
): ChromiumStageRun {
  assertSupplyReturns(fs, sol, t, reagentKg);
  const run = summariseStage(fs, sol, t.summary, { design });
  return {
    ...run,
    kpis: { ...run.kpis, ...chromiumKpis(fs, sol, t, run, reagentKg) },
    flowsheet: fs,
    solution: sol,
    reagent_passes: passes,
  };
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
      soda_ash_t_per_t_cr2o3: (reagentKg.soda ?? NaN) / cr2o3Kg,
      sulfur_t_per_t_cr2o3: (reagentKg.sulfur ?? NaN) / cr2o3Kg,
      soda_ash_t_per_t: perTonne(run, 'soda-ash'),
      lime_t_per_t: perTonne(run, 'lime'),
      sulfur_t_per_t: perTonne(run, 'sulfur'),
      water_m3_per_t: perTonne(run, 'water'),
      roast_conversion: result('kiln', 'conversion_achieved'),
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
