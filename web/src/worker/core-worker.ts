/**
 * The core worker: the pure chromflow core (parseScenario, appraise, the tornado of the
 * uncertainty module) running off the UI thread. One scenario is loaded at a time; what-if
 * requests change its inputs in place (see whatif.ts) and re-appraise it.
 */
import { analysis } from './core.js';
import type { LeafInfo, WorkerRequest, WorkerResponse, WorkerResult } from './protocol.js';
import { WhatIf } from '../whatif.js';
import { DeltaEncoder } from '../appraisal-delta.js';

const { parseScenario, appraise, numericLeaves, formatPath, monteCarloSpec, compileRun } = analysis;
const { tornadoForRun, tornadoBars, appraisalOutputs } = analysis;

interface WorkerScope {
  postMessage(message: WorkerResponse): void;
  onmessage: ((event: MessageEvent<WorkerRequest>) => void) | null;
}
const scope = self as unknown as WorkerScope;

let session:
  | {
      whatIf: WhatIf;
      encoder: DeltaEncoder;
      text: string;
      file: string;
      precompute: boolean;
      warmed: boolean;
    }
  | undefined;

/** The numeric inputs of a scenario with their provenance. */
function leafInfo(scenario: Parameters<typeof numericLeaves>[0]): LeafInfo[] {
  return numericLeaves(scenario).map((l) => ({
    path: l.path,
    field: formatPath(l.documentPath),
    value: l.param.value,
    unit: l.param.unit,
    source: l.param.source,
    status: l.param.status,
  }));
}

function handle(req: WorkerRequest): WorkerResult | (WorkerResponse & { ok: false }) {
  switch (req.type) {
    case 'load': {
      const parsed = parseScenario(req.text, req.file);
      if (!parsed.ok)
        return {
          id: req.id,
          ok: false,
          error: 'ScenarioError',
          message: `${parsed.problems.length} problem(s) in the scenario`,
          problems: parsed.problems,
        };
      const t0 = performance.now();
      const appraisal = appraise(parsed.scenario);
      const compute_ms = performance.now() - t0;
      const whatIf = new WhatIf(parsed.scenario, appraisal);
      const encoder = new DeltaEncoder();
      encoder.reset(appraisal);
      session = {
        whatIf,
        encoder,
        text: req.text,
        file: req.file,
        precompute: req.precompute ?? true,
        warmed: false,
      };
      return {
        type: 'load',
        ok: true,
        appraisal,
        sliders: whatIf.sliders,
        outputs: [...appraisalOutputs(appraisal).keys()],
        compute_ms,
      };
    }
    case 'whatif': {
      if (!session) throw new Error('no scenario loaded');
      const t0 = performance.now();
      const origin = performance.timeOrigin;
      const solvesBefore = session.whatIf.plantSolves;
      const plantBefore = session.whatIf.lastPlantKey ?? 'base';
      const appraisal = session.whatIf.appraise(req.values);
      const t1 = performance.now();
      // Only the parts the dashboard shows that changed are cloned across to the page; the
      // balance of the same solved plant is not even compared.
      const samePlant = plantBefore === session.whatIf.lastPlantKey;
      const delta = session.encoder.encode(appraisal, samePlant ? ['balance'] : []);
      const t2 = performance.now();
      return {
        type: 'whatif',
        ok: true,
        delta,
        compute_ms: t2 - t0,
        encode_ms: t2 - t1,
        plant_solved: session.whatIf.plantSolves > solvesBefore,
        worker_start_epoch_ms: origin + t0,
        worker_end_epoch_ms: origin + performance.now(),
      };
    }
    case 'whatif_text': {
      if (!session) throw new Error('no scenario loaded');
      return {
        type: 'whatif_text',
        ok: true,
        ...session.whatIf.scenarioText(session.text, req.values),
      };
    }
    case 'validate': {
      const parsed = parseScenario(req.text, req.file);
      if (!parsed.ok) return { type: 'validate', ok: true, problems: parsed.problems, leaves: [] };
      return {
        type: 'validate',
        ok: true,
        problems: parsed.warnings,
        leaves: leafInfo(parsed.scenario),
      };
    }
    case 'inputs': {
      if (!session) throw new Error('no scenario loaded');
      // A fresh parse: the what-if session's scenario holds slider values.
      const parsed = parseScenario(session.text, session.file);
      if (!parsed.ok) throw new Error('the loaded scenario no longer parses');
      return { type: 'inputs', ok: true, leaves: leafInfo(parsed.scenario) };
    }
    case 'tornado': {
      if (!session) throw new Error('no scenario loaded');
      // A fresh parse: the run's evaluator mutates its own compiled copy.
      const parsed = parseScenario(session.text, session.file);
      if (!parsed.ok) throw new Error('the loaded scenario no longer parses');
      const t0 = performance.now();
      const run = compileRun(monteCarloSpec(parsed.scenario, { outputs: [req.output] }));
      const t = tornadoForRun(run);
      return {
        type: 'tornado',
        ok: true,
        output: req.output,
        base: t.baseOutputs[0] ?? Number.NaN,
        bars: tornadoBars(t),
        ms: performance.now() - t0,
      };
    }
  }
}

/**
 * Idle time: solve the plants the recovery slider may ask for (WhatIf.precomputeOne), one per
 * task, so a request waits at most for one plant solve. Off when the page loaded with
 * `precompute: false`.
 */
let idleTimer: ReturnType<typeof setTimeout> | undefined;
function scheduleIdle(): void {
  if (idleTimer !== undefined || !session?.precompute) return;
  idleTimer = setTimeout(() => {
    idleTimer = undefined;
    if (!session?.precompute) return;
    if (!session.warmed) {
      // One appraisal with the loaded values and its encoding (not sent; a scratch encoder, the
      // session's is not touched): the first real steps then run warmer code.
      session.warmed = true;
      const a = session.whatIf.appraise({});
      const scratch = new DeltaEncoder();
      scratch.reset(a);
      scratch.encode(a);
      scheduleIdle();
    } else if (session.whatIf.precomputeOne()) scheduleIdle();
  }, 0);
}

scope.onmessage = (event) => {
  const req = event.data;
  let res: WorkerResponse;
  try {
    res = { id: req.id, ...handle(req) };
  } catch (error) {
    res = {
      id: req.id,
      ok: false,
      error: error instanceof Error ? error.name : 'Error',
      message: error instanceof Error ? error.message : String(error),
    };
  }
  scope.postMessage(res);
  scheduleIdle();
};
