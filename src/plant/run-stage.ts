import { attributeToStage, InputError, NotImplementedError } from '../errors.js';
import { runChromiumStage } from '../process/chromium/run.js';
import { expandRouteKeys } from '../process/chromium/route-keys.js';
import type { OxideAnalysis } from '../process/pyro/materials.js';
import {
  MINOR_ANALYSIS_KEYS,
  minorElementContents,
  type MinorContents,
} from '../process/pyro/minor-elements.js';
import { runFerrochromeStage } from '../process/pyro/run-fecr.js';
import { runRefiningStage } from '../process/pyro/run-refining.js';
import type { StageRun } from '../process/stage-run.js';
import type { StageSolveOptions } from '../process/stage-solve-options.js';
import type { Feed, Scenario, Stage } from '../scenario/schema.js';
import { runConcentratorStage } from './concentrator-stage.js';

/** What flows into a stage's input port: a scenario feed or another stage's product. */
export type StageInput =
  | { kind: 'feed'; feed: Feed }
  | { kind: 'product'; stage: string; product: string; composition_wt_pct: Record<string, number> };

type Runner = (
  stage: Stage,
  input: StageInput,
  index: number,
  options: StageSolveOptions,
) => StageRun;

const field = (index: number, port: string) => `stages[${index}].flowsheet.inputs.${port}`;

function numbersOf(
  entries: Stage['flowsheet']['overrides'],
  field: string,
): Record<string, number> {
  const out: Record<string, number> = {};
  for (const key in entries) {
    const v = entries[key];
    const value = typeof v === 'object' ? v.value : v;
    if (typeof value !== 'number') throw new InputError(`${field}.${key}`, value, 'a number');
    out[key] = value;
  }
  return out;
}

const numericOverrides = (stage: Stage, index: number): Record<string, number> =>
  numbersOf(stage.flowsheet.overrides, `stages[${index}].flowsheet.overrides`);

/** Design-basis overrides of a stage (`stages[].design`). */
const designOverrides = (stage: Stage, index: number): Record<string, number> =>
  numbersOf(stage.design, `stages[${index}].design`);

function analysisOf(feed: Feed): Record<string, number> {
  const out: Record<string, number> = {};
  const c: Readonly<Record<string, { value: number } | undefined>> = feed.composition_wt_pct;
  for (const k in c) out[k] = (c[k] as { value: number }).value;
  return out;
}

function requireFeed(input: StageInput, index: number, port: string): Feed {
  if (input.kind !== 'feed') {
    throw new InputError(
      field(index, port),
      `stage:${input.stage}/${input.product}`,
      'a scenario feed ("feed:<id>")',
    );
  }
  return input.feed;
}

/** Oxides of a feed analysis the furnace's species balance reads. */
const SMELTER_OXIDES = ['Cr2O3', 'FeO', 'Fe2O3', 'MgO', 'Al2O3', 'SiO2', 'CaO', 'LOI'] as const;

/** S, P and Ti [wt% of the element] of the feed keys S, P2O5, TiO2 it states. */
const minorContents = (feed: Feed): Partial<MinorContents> =>
  minorElementContents(analysisOf(feed));

/** Minor-element keys of a feed analysis (S, P2O5, TiO2). */
const MINOR_KEYS = MINOR_ANALYSIS_KEYS;

/** Keys of a smelter charge analysis, without and with the minor-element keys. */
const SMELTER_KEYS: ReadonlySet<string> = new Set(SMELTER_OXIDES);
const SMELTER_KEYS_MINOR: ReadonlySet<string> = new Set([
  ...SMELTER_OXIDES,
  ...Object.keys(MINOR_KEYS),
]);

/**
 * The smelter's charge analysis: the oxides the furnace model reads, others refused by name
 * (with `minor`, also S, P2O5 and TiO2, which the minor-element ledger reads).
 */
function chromiteAnalysis(
  feed: Feed,
  minor = false,
  a: Readonly<Record<string, number>> = analysisOf(feed),
): OxideAnalysis {
  const need = (key: 'Cr2O3' | 'FeO' | 'MgO' | 'Al2O3' | 'SiO2'): number => {
    const v = a[key];
    if (v === undefined) {
      throw new InputError(
        `feeds.${feed.id}.composition_wt_pct.${key}`,
        undefined,
        `a value: the smelter needs ${key}`,
      );
    }
    return v;
  };
  const known = minor ? SMELTER_KEYS_MINOR : SMELTER_KEYS;
  for (const key in a) {
    if (!known.has(key)) {
      throw new InputError(
        `feeds.${feed.id}.composition_wt_pct.${key}`,
        a[key],
        `only ${[...known].join(', ')} for a smelter charge`,
      );
    }
  }
  return {
    Cr2O3: need('Cr2O3'),
    FeO: need('FeO'),
    MgO: need('MgO'),
    Al2O3: need('Al2O3'),
    SiO2: need('SiO2'),
    ...(a.Fe2O3 !== undefined ? { Fe2O3: a.Fe2O3 } : {}),
    ...(a.CaO !== undefined ? { CaO: a.CaO } : {}),
    ...(a.LOI !== undefined ? { LOI: a.LOI } : {}),
  };
}

const ferrochrome: Runner = (stage, input, index, options) => {
  const feed = requireFeed(input, index, 'chromite');
  const analysis = analysisOf(feed);
  return runFerrochromeStage(
    stage.flowsheet.template,
    {
      feed: {
        analysis: chromiteAnalysis(feed, true, analysis),
        moisture_wt_pct: feed.moisture_wt_pct?.value ?? 0,
        minor_wt_pct: minorElementContents(analysis),
      },
      capacity_t_per_year: stage.capacity_t_per_year.value,
      availability: stage.availability.value,
      overrides: numericOverrides(stage, index),
      design: designOverrides(stage, index),
    },
    options,
  );
};

const refining: Runner = (stage, input, index, options) => {
  if (input.kind === 'product')
    throw new NotImplementedError(
      `fecr-refining fed by another stage's ${input.product} (FeSiCr made in-house from HC FeCr)`,
      'issue 5: only the concentrate + purchased FeSiCr route of the Perrin process is modelled',
    );
  const feed = requireFeed(input, index, 'chromite');
  const stated = Object.keys(minorContents(feed)).length > 0;
  const run = runRefiningStage(
    {
      feed: {
        analysis: chromiteAnalysis(feed, true),
        moisture_wt_pct: feed.moisture_wt_pct?.value ?? 0,
      },
      capacity_t_per_year: stage.capacity_t_per_year.value,
      availability: stage.availability.value,
      overrides: numericOverrides(stage, index),
      design: designOverrides(stage, index),
    },
    options,
  );
  if (!stated) return run;
  const warning = `the fecr-refining template keeps no minor-element ledger: the feed's ${Object.keys(
    MINOR_KEYS,
  )
    .filter((k) => analysisOf(feed)[k] !== undefined)
    .join(', ')} are not carried to the LC ferrochrome`;
  return Object.assign(run, { warnings: [...(run.warnings ?? []), warning] });
};

const aluminothermic: Runner = (stage, input, index, options) => {
  const feed = requireFeed(input, index, 'chromite');
  // S, P2O5 and TiO2 sit on top of the major oxides: the route's minor-element ledger reads them
  const oxides = Object.fromEntries(
    Object.entries(analysisOf(feed)).filter(([k]) => !(k in MINOR_KEYS)),
  );
  // The chromate route reads loss on ignition as bound water (serpentine); documented in docs/model.md.
  if (oxides.LOI !== undefined) {
    oxides.H2O = (oxides.H2O ?? 0) + oxides.LOI;
    delete oxides.LOI;
  }
  const field = `stages[${index}].flowsheet.overrides`;
  const keys: Record<string, string> = {};
  const numeric: Stage['flowsheet']['overrides'] = {};
  for (const [k, v] of Object.entries(stage.flowsheet.overrides))
    if (typeof v === 'string') keys[k] = v;
    else numeric[k] = v;
  const route = expandRouteKeys(keys, field);
  const run = runChromiumStage(
    'cr-aluminothermic',
    {
      feed: { oxides_wt_pct: oxides, minor_wt_pct: minorContents(feed) },
      capacity_t_per_year: stage.capacity_t_per_year.value,
      availability: stage.availability.value,
      overrides: { ...route.overrides, ...numbersOf(numeric, field) },
      design: designOverrides(stage, index),
    },
    options,
  );
  // assigned, not spread: a spread would build the on-demand balance report (once per Monte
  // Carlo sample that moves the stage, ≈ 6 % of a sample that samples the concentrate grade)
  return Object.assign(run, { warnings: [...(run.warnings ?? []), ...route.warnings] });
};

/** Purchased Cr2O3 straight into the aluminothermic reactor (the buy-oxide variant). */
const aluminothermicOxide: Runner = (stage, input, index, options) => {
  const feed = requireFeed(input, index, 'oxide');
  const oxides = analysisOf(feed);
  if (oxides.LOI !== undefined) {
    oxides.H2O = (oxides.H2O ?? 0) + oxides.LOI;
    delete oxides.LOI;
  }
  return runChromiumStage(
    'cr-aluminothermic-oxide',
    {
      feed: { oxides_wt_pct: oxides },
      capacity_t_per_year: stage.capacity_t_per_year.value,
      availability: stage.availability.value,
      overrides: numericOverrides(stage, index),
      design: designOverrides(stage, index),
    },
    options,
  );
};

const electrolytic: Runner = (stage, input, index, options) => {
  if (input.kind !== 'product') {
    throw new InputError(
      field(index, 'ferrochrome'),
      input.feed.id,
      'another stage\'s HC ferrochrome ("stage:<id>/hc-ferrochrome")',
    );
  }
  const alloy: Record<string, number> = {};
  for (const el of ['Cr', 'Fe', 'C', 'Si']) alloy[el] = input.composition_wt_pct[el] ?? 0;
  return runChromiumStage(
    'cr-electrolytic',
    {
      feed: { alloy_wt_pct: alloy },
      capacity_t_per_year: stage.capacity_t_per_year.value,
      availability: stage.availability.value,
      overrides: numericOverrides(stage, index),
      design: designOverrides(stage, index),
    },
    options,
  );
};

const concentrator: Runner = (stage, input, index) =>
  runConcentratorStage(
    stage,
    requireFeed(input, index, 'ore'),
    index,
    designOverrides(stage, index),
  );

/**
 * How a template's runner uses its input port: the port, the runner, and which fields of a
 * scenario feed on that port it reads (`all` when not declared narrower). The Monte Carlo
 * evaluator relies on `feedFields` to keep a stage's run when no field it reads is sampled
 * (src/plant/stage-dependencies.ts), so a runner that starts reading another feed field must
 * list it here.
 */
export interface StageRunner {
  port: string;
  run: Runner;
  feedFields: readonly string[] | 'all';
}

/** Fields of a chromite feed the smelting runners read: its analysis and free moisture. */
const SMELTER_FEED: readonly string[] = ['composition_wt_pct', 'moisture_wt_pct'];

/** Templates whose unit models exist, by template id. */
export const STAGE_RUNNERS: Readonly<Record<string, StageRunner>> = {
  'kempirsai-concentrator': { port: 'ore', run: concentrator, feedFields: 'all' },
  'fecr-saf': { port: 'chromite', run: ferrochrome, feedFields: SMELTER_FEED },
  'fecr-dc': { port: 'chromite', run: ferrochrome, feedFields: SMELTER_FEED },
  'fecr-outokumpu': { port: 'chromite', run: ferrochrome, feedFields: SMELTER_FEED },
  'fecr-prereduced': { port: 'chromite', run: ferrochrome, feedFields: SMELTER_FEED },
  'fecr-refining': { port: 'chromite', run: refining, feedFields: SMELTER_FEED },
  // the chromate route reads the dry analysis only (its runner takes no free moisture)
  'cr-aluminothermic': {
    port: 'chromite',
    run: aluminothermic,
    feedFields: ['composition_wt_pct'],
  },
  'cr-aluminothermic-oxide': {
    port: 'oxide',
    run: aluminothermicOxide,
    feedFields: ['composition_wt_pct'],
  },
  'cr-electrolytic': { port: 'ferrochrome', run: electrolytic, feedFields: [] },
};

/** Stage ids in an order where every stage comes after the stages that feed it. */
export function stageOrder(scenario: Scenario): number[] {
  const order: number[] = [];
  const done = new Set<string>();
  const visit = (i: number, path: string[]): void => {
    const st = scenario.stages[i];
    if (!st || done.has(st.id)) return;
    if (path.includes(st.id))
      throw new InputError(
        `stages[${i}].flowsheet.inputs`,
        path,
        'stages that do not feed each other in a cycle',
      );
    const port = STAGE_RUNNERS[st.flowsheet.template]?.port;
    const ref = port === undefined ? undefined : st.flowsheet.inputs[port];
    const m = ref === undefined ? null : /^stage:([^/]+)\//.exec(ref);
    if (m?.[1] !== undefined)
      visit(
        scenario.stages.findIndex((s) => s.id === m[1]),
        [...path, st.id],
      );
    done.add(st.id);
    order.push(i);
  };
  scenario.stages.forEach((_, i) => {
    visit(i, []);
  });
  return order;
}

/**
 * Runs the flowsheet of a stage whose template has unit models, or returns undefined when the
 * template has none (the appraisal then lists it under `not_implemented`). A stage fed by
 * another stage's product needs that stage's run in `runs`.
 * @param options - Compiled flowsheets and make-up (a PlantSolver; default: compile afresh)
 */
export function runStage(
  scenario: Scenario,
  stage: Stage,
  index: number,
  runs: ReadonlyMap<string, StageRun>,
  options: StageSolveOptions = {},
): StageRun | undefined {
  const runner = STAGE_RUNNERS[stage.flowsheet.template];
  if (!runner) return undefined;
  const ref = stage.flowsheet.inputs[runner.port] ?? '';
  let input: StageInput | undefined;
  if (ref.startsWith('feed:')) {
    const feed = scenario.feeds.find((f) => f.id === ref.slice('feed:'.length));
    if (feed) input = { kind: 'feed', feed };
  } else {
    const m = /^stage:([^/]+)\/(.+)$/.exec(ref);
    const upstream = m?.[1] === undefined ? undefined : runs.get(m[1]);
    const product = upstream?.products.find((p) => p.id === m?.[2]);
    if (m?.[1] !== undefined && m[2] !== undefined && product) {
      input = {
        kind: 'product',
        stage: m[1],
        product: m[2],
        composition_wt_pct: product.composition_wt_pct,
      };
    } else if (m?.[1] !== undefined && !upstream) {
      return undefined;
    }
  }
  if (!input) {
    throw new InputError(
      field(index, runner.port),
      ref,
      `a feed or a product of a computed stage for template ${stage.flowsheet.template}`,
    );
  }
  try {
    return runner.run(stage, input, index, options);
  } catch (error) {
    // A solver's error names its own internals: say which stage (and input) to change.
    throw attributeToStage(error, `stages[${index}]`, Object.keys(stage.flowsheet.overrides));
  }
}
