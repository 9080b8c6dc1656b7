/**
 * Live what-if: the sliders of the dashboard and how each maps onto a parsed scenario. Pure (no
 * DOM), used inside the core worker and by tests.
 *
 * | slider | scenario input |
 * |---|---|
 * | `fecr_price` | `markets.products.hc-ferrochrome.price_rmb_per_t_50pct_cr_vat_incl` [RMB/t] |
 * | `cr_price` | `markets.products.chromium-metal.price_rmb_per_t_vat_incl` [RMB/t] |
 * | `tariff` | `markets.electricity.tariff_kzt_per_kwh` [KZT/kWh] |
 * | `capex_factor` | multiplies every stage's `capex.factor` [–] |
 * | `recovery` | Cr recovery to alloy of the ferrochrome furnace: flowsheet overrides `furnace.cr_recovery` (and `furnace.slag_Cr2O3_wt_pct: 0`, which switches the furnace from solving the recovery from a slag-Cr2O3 target to the fixed recovery) of the first `fecr-*` stage [–] |
 * | `stage2_start` | `stages[1].start_year` [year] |
 */
import type { Appraisal } from '../../src/appraisal.js';
import { appraise, runPlant } from '../../src/appraise.js';
import { PlantSolver } from '../../src/plant/plant-solver.js';
import type { StageRun } from '../../src/process/stage-run.js';
import {
  compileScenario,
  resetParameters,
  type CompiledScenario,
} from '../../src/scenario/compile.js';
import type { Scenario } from '../../src/scenario/schema.js';
import { isMap, parseDocument } from 'yaml';

export interface SliderDef {
  id: 'fecr_price' | 'cr_price' | 'tariff' | 'capex_factor' | 'recovery' | 'stage2_start';
  unit: string;
  min: number;
  max: number;
  step: number;
  /** Value in the loaded scenario. */
  base: number;
  /** Scenario input the slider changes (for the tooltip). */
  target: string;
}

const PATH = {
  fecr_price: 'markets.products.hc-ferrochrome.price_rmb_per_t_50pct_cr_vat_incl',
  cr_price: 'markets.products.chromium-metal.price_rmb_per_t_vat_incl',
  tariff: 'markets.electricity.tariff_kzt_per_kwh',
} as const;

const RECOVERY_KEY = 'furnace.cr_recovery';
const SLAG_TARGET_KEY = 'furnace.slag_Cr2O3_wt_pct';

function roundStep(x: number, step: number): number {
  return Math.round(x / step) * step;
}

/** A what-if session on one scenario: the sliders that apply and `apply(values)`. */
export class WhatIf {
  /** Key of the plant the last `appraise` used (same key: same balance). */
  lastPlantKey: string | undefined;
  /** How many times a plant was solved (cache misses and precomputed) [–]. */
  plantSolves = 0;
  private lastRecovery: number | undefined;
  readonly model: CompiledScenario;
  readonly sliders: SliderDef[] = [];
  private readonly locationBase: { index: number; value: number }[] = [];
  private readonly fecrStage: number;
  private readonly overridesBase: Record<string, unknown> | undefined;
  private readonly startBase: number | undefined;
  /** Solved plants by Cr-recovery value: the only slider that changes the flowsheets. */
  private readonly plants = new Map<string, ReadonlyMap<string, StageRun>>();
  /** The session's plant solver: its compiled flowsheets serve every re-solve of the plant. */
  private readonly solver = new PlantSolver();

  /**
   * @param scenario - A parsed scenario; it is mutated by `apply` (give the session its own copy)
   * @param base - Its appraisal with the loaded values (for the furnace's Cr recovery)
   */
  constructor(
    readonly scenario: Scenario,
    base: Appraisal,
  ) {
    this.model = compileScenario(scenario);
    const leaf = (p: string): number | undefined => {
      const i = this.model.index.get(p);
      return i === undefined ? undefined : this.model.base[i];
    };
    const fecr = leaf(PATH.fecr_price);
    if (fecr !== undefined)
      this.sliders.push({
        id: 'fecr_price',
        unit: 'RMB/t',
        min: roundStep(fecr * 0.5, 100),
        max: roundStep(fecr * 1.5, 100),
        step: 100,
        base: fecr,
        target: PATH.fecr_price,
      });
    const cr = leaf(PATH.cr_price);
    if (cr !== undefined)
      this.sliders.push({
        id: 'cr_price',
        unit: 'RMB/t',
        min: roundStep(cr * 0.5, 500),
        max: roundStep(cr * 1.5, 500),
        step: 500,
        base: cr,
        target: PATH.cr_price,
      });
    const tariff = leaf(PATH.tariff);
    if (tariff !== undefined)
      this.sliders.push({
        id: 'tariff',
        unit: 'KZT/kWh',
        min: roundStep(tariff * 0.5, 0.5),
        max: roundStep(tariff * 2, 0.5),
        step: 0.5,
        base: tariff,
        target: PATH.tariff,
      });
    scenario.stages.forEach((st) => {
      const i = this.model.index.get(`stages.${st.id}.capex.factor`);
      if (i !== undefined) this.locationBase.push({ index: i, value: this.model.base[i] ?? 1 });
    });
    if (this.locationBase.length > 0)
      this.sliders.push({
        id: 'capex_factor',
        unit: '×',
        min: 0.6,
        max: 1.6,
        step: 0.01,
        base: 1,
        target: 'stages.*.capex.factor × factor',
      });
    this.fecrStage = scenario.stages.findIndex((s) => s.flowsheet.template.startsWith('fecr-'));
    const fecrStage = scenario.stages[this.fecrStage];
    const recovery =
      fecrStage === undefined
        ? undefined
        : base.stages.find((s) => s.id === fecrStage.id)?.kpis.cr_recovery;
    this.overridesBase = fecrStage ? { ...fecrStage.flowsheet.overrides } : undefined;
    if (fecrStage && recovery !== undefined && Number.isFinite(recovery))
      this.sliders.push({
        id: 'recovery',
        unit: '–',
        min: 0.7,
        max: 0.95,
        step: 0.005,
        base: recovery,
        target: `stages[${this.fecrStage}].flowsheet.overrides["${RECOVERY_KEY}"]`,
      });
    const second = scenario.stages[1];
    this.startBase = second?.start_year;
    if (second)
      this.sliders.push({
        id: 'stage2_start',
        unit: 'year',
        min: second.start_year - 2,
        max: second.start_year + 6,
        step: 1,
        base: second.start_year,
        target: 'stages[1].start_year',
      });
  }

  /**
   * Solves and caches one plant the recovery slider may ask for next, when there is one not yet
   * cached: first the loaded plant, then the slider's grid values outwards from the last
   * recovery asked for (or the loaded one). For the worker's idle time.
   * @returns Whether a plant was solved (false: all cached)
   */
  precomputeOne(): boolean {
    const keys: { key: string; recovery: number | undefined }[] = [];
    if (!this.plants.has('base')) keys.push({ key: 'base', recovery: undefined });
    const slider = this.sliders.find((s) => s.id === 'recovery');
    if (slider && keys.length === 0) {
      const n = Math.round((slider.max - slider.min) / slider.step);
      const grid = Array.from({ length: n + 1 }, (_, k) =>
        Number((slider.min + k * slider.step).toFixed(6)),
      );
      const from = this.lastRecovery ?? slider.base;
      grid.sort((x, y) => Math.abs(x - from) - Math.abs(y - from));
      const next = grid.find((r) => !this.plants.has(String(r)));
      if (next !== undefined) keys.push({ key: String(next), recovery: next });
    }
    const job = keys[0];
    if (!job) return false;
    const scenario = this.apply(job.recovery === undefined ? {} : { recovery: job.recovery });
    this.plants.set(job.key, runPlant(scenario, this.solver));
    this.plantSolves++;
    return true;
  }

  /**
   * Appraisal with the given slider values. Prices, tariff, capex factor and start year do not
   * change the flowsheets (the plant depends on feeds, capacities and flowsheet parameters),
   * so the solved plant is reused for them (`appraise`'s `plantRuns`) and solved again only for
   * a new Cr recovery; break-evens are not solved (the dashboard does not show them).
   */
  appraise(values: Readonly<Record<string, number>>): Appraisal {
    const scenario = this.apply(values);
    if (values.recovery !== undefined) this.lastRecovery = values.recovery;
    const key = String(values.recovery ?? 'base');
    this.lastPlantKey = key;
    let runs = this.plants.get(key);
    if (!runs) {
      runs = runPlant(scenario, this.solver);
      this.plantSolves++;
      // The recovery grid (51 values) and the loaded plant fit.
      if (this.plants.size >= 64) this.plants.clear();
      this.plants.set(key, runs);
    }
    // The stage-timing option is never recomputed in a step (≈ 90 revaluations of the
    // economics): the step's appraisal has no such section; the page keeps the loaded one.
    return appraise(scenario, {
      breakEvens: false,
      plantRuns: runs,
      byRoute: false,
      stageTimingOption: false,
    });
  }

  /** Restores the loaded values, then applies the given slider values (missing = base). */
  apply(values: Readonly<Record<string, number>>): Scenario {
    const { model, scenario } = this;
    resetParameters(model);
    const set = (path: string, v: number | undefined): void => {
      const i = model.index.get(path);
      const leaf = i === undefined ? undefined : model.leaves[i];
      if (leaf && v !== undefined) leaf.param.value = v;
    };
    set(PATH.fecr_price, values.fecr_price);
    set(PATH.cr_price, values.cr_price);
    set(PATH.tariff, values.tariff);
    const factor = values.capex_factor ?? 1;
    for (const { index, value } of this.locationBase) {
      const leaf = model.leaves[index];
      if (leaf) leaf.param.value = value * factor;
    }
    const fecrStage = scenario.stages[this.fecrStage];
    if (fecrStage && this.overridesBase) {
      const overrides: Record<string, unknown> = { ...this.overridesBase };
      if (values.recovery !== undefined) {
        // A fixed recovery acts only with the slag-Cr2O3 target off (src/process/pyro/run-fecr.ts).
        overrides[RECOVERY_KEY] = values.recovery;
        overrides[SLAG_TARGET_KEY] = 0;
      }
      (fecrStage.flowsheet as { overrides: unknown }).overrides = overrides;
    }
    const second = scenario.stages[1];
    if (second && this.startBase !== undefined)
      second.start_year = values.stage2_start ?? this.startBase;
    return scenario;
  }

  /**
   * The scenario text with the slider values written in (for a Monte Carlo run of the what-if
   * state on the server, which takes scenario text). Comments and layout of the rest stay.
   *
   * - A slider input is written as `{ value, source: "What-if slider in the web UI" }` at its
   *   place in the document (a `{ ref }` there is replaced); the capex factor multiplies each
   *   stage's effective `capex.factor`; the recovery writes the furnace overrides;
   *   the stage 2 start year the stage's `start_year`.
   * - An input the `uncertainty` section samples keeps being sampled: its distribution is
   *   scaled by slider value / loaded value (X → rX: the same relative uncertainty around the
   *   slider's value), which the returned notes say. An empirical distribution read from a CSV
   *   file cannot be scaled in the text: it throws.
   *
   * @param text - The loaded scenario's text (YAML or JSON)
   * @param values - Slider values by slider id (missing = loaded value)
   * @returns The new text and one note per changed input
   */
  scenarioText(
    text: string,
    values: Readonly<Record<string, number>>,
  ): { text: string; notes: string[] } {
    const doc = parseDocument(text);
    const notes: string[] = [];
    const source = 'What-if slider in the web UI';
    const parameters = this.scenario.uncertainty?.parameters ?? [];
    const setLeaf = (path: string, v: number): void => {
      const i = this.model.index.get(path);
      const leaf = i === undefined ? undefined : this.model.leaves[i];
      const base = i === undefined ? undefined : this.model.base[i];
      if (!leaf || base === undefined || v === base) return;
      doc.setIn(leaf.documentPath, doc.createNode({ value: v, source }));
      const k = parameters.findIndex((p) => p.path === path);
      const dist = parameters[k]?.distribution;
      if (!dist) {
        notes.push(`${path} = ${String(v)}`);
        return;
      }
      if (base === 0) throw new Error(`${path}: cannot scale the distribution of a zero input`);
      const r = v / base;
      const at = ['uncertainty', 'parameters', k, 'distribution'];
      const scale = (key: string): void => {
        const x = doc.getIn([...at, key]);
        if (typeof x === 'number') doc.setIn([...at, key], x * r);
      };
      switch (dist.type) {
        case 'uniform':
        case 'triangular':
        case 'pert':
        case 'normal':
          for (const key of ['min', 'mode', 'max', 'mean', 'sd']) scale(key);
          break;
        case 'lognormal':
          for (const key of ['median', 'min', 'max']) scale(key);
          break;
        case 'discrete':
          doc.setIn([...at, 'values'], doc.createNode(dist.values.map((x) => x * r)));
          break;
        case 'empirical':
          if (dist.observations === undefined)
            throw new Error(`${path}: an empirical distribution from a CSV file cannot be scaled`);
          doc.setIn([...at, 'observations'], doc.createNode(dist.observations.map((x) => x * r)));
          break;
        case 'aace-accuracy':
          // the class's accuracy range has no scale of its own: the sampled factor replaces v
          notes.push(`${path} = ${String(v)} (its aace-accuracy distribution samples around 1)`);
          return;
      }
      notes.push(`${path}: distribution × ${r.toPrecision(4)} (sampled around ${String(v)})`);
    };
    if (values.fecr_price !== undefined) setLeaf(PATH.fecr_price, values.fecr_price);
    if (values.cr_price !== undefined) setLeaf(PATH.cr_price, values.cr_price);
    if (values.tariff !== undefined) setLeaf(PATH.tariff, values.tariff);
    const factor = values.capex_factor;
    if (factor !== undefined && factor !== 1)
      for (const { index, value } of this.locationBase) {
        const path = this.model.leaves[index]?.path;
        if (path !== undefined) setLeaf(path, value * factor);
      }
    if (values.recovery !== undefined && this.fecrStage >= 0) {
      const at = ['stages', this.fecrStage, 'flowsheet', 'overrides'];
      if (!isMap(doc.getIn(at))) doc.setIn(at, doc.createNode({}));
      doc.setIn([...at, RECOVERY_KEY], values.recovery);
      doc.setIn([...at, SLAG_TARGET_KEY], 0);
      notes.push(
        `stages[${String(this.fecrStage)}].flowsheet.overrides: ${RECOVERY_KEY} = ${String(values.recovery)}, ${SLAG_TARGET_KEY} = 0`,
      );
    }
    if (values.stage2_start !== undefined && values.stage2_start !== this.startBase) {
      doc.setIn(['stages', 1, 'start_year'], values.stage2_start);
      notes.push(`stages[1].start_year = ${String(values.stage2_start)}`);
    }
    return { text: doc.toString(), notes };
  }
}
