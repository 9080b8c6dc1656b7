/**
 * Messages between the UI and the core worker (core-worker.ts). Every request carries an id; the
 * worker answers with the same id. Types only: both sides import this file.
 */
import type { Appraisal } from '../../../src/appraisal.js';
import type { Problem } from '../../../src/scenario/problem.js';
import type { TornadoBar } from '../../../src/uncertainty/sensitivity/tornado.js';
import type { AppraisalDelta } from '../appraisal-delta.js';

/** One numeric input of the scenario with its provenance (for the editor form). */
export interface LeafInfo {
  /** Stable path (`stages.smelter.capacity_t_per_year`). */
  path: string;
  /** Field path in the document, as the validator prints it (`stages[0].capacity_t_per_year`). */
  field: string;
  value: number;
  unit: string;
  source: string;
  status: string;
}

/** What-if slider values by slider id (see whatif.ts). */
export type WhatIfValues = Record<string, number>;

export type WorkerRequest =
  | {
      id: number;
      type: 'load';
      text: string;
      file: string;
      /** Solve the recovery slider's plants in idle time (default true). */
      precompute?: boolean;
    }
  | { id: number; type: 'whatif'; values: WhatIfValues }
  | { id: number; type: 'validate'; text: string; file: string }
  | { id: number; type: 'tornado'; output: string }
  | { id: number; type: 'whatif_text'; values: WhatIfValues }
  | { id: number; type: 'inputs' };

export type { TornadoBar };

export type WorkerResult =
  | {
      type: 'load';
      ok: true;
      appraisal: Appraisal;
      sliders: import('../whatif.js').SliderDef[];
      outputs: string[];
      compute_ms: number;
    }
  | {
      type: 'whatif';
      ok: true;
      /** The dashboard parts that changed since the previous step (appraisal-delta.ts). */
      delta: AppraisalDelta;
      /** appraise + delta encoding in the worker [ms]. */
      compute_ms: number;
      /** Of which the delta encoding [ms]. */
      encode_ms: number;
      /** The plant was solved in this step (a Cr recovery not in the worker's cache). */
      plant_solved: boolean;
      /** When the worker started and ended the step: `performance.timeOrigin + now()` [ms]. */
      worker_start_epoch_ms: number;
      worker_end_epoch_ms: number;
    }
  | { type: 'validate'; ok: true; problems: Problem[]; leaves: LeafInfo[] }
  /** The loaded scenario's numeric inputs (the feasible-region form's choices). */
  | { type: 'inputs'; ok: true; leaves: LeafInfo[] }
  | { type: 'tornado'; ok: true; output: string; base: number; bars: TornadoBar[]; ms: number }
  | {
      type: 'whatif_text';
      ok: true;
      /** The loaded scenario's text with the slider values written in (WhatIf.scenarioText). */
      text: string;
      /** One line per changed input. */
      notes: string[];
    };

export interface WorkerFailure {
  ok: false;
  /** Scenario problems (validation), when the failure is an invalid scenario. */
  problems?: Problem[];
  /** Error class and message (InputError names the field, NotImplementedError what is missing). */
  error: string;
  message: string;
}

export type WorkerResponse = { id: number } & (WorkerResult | WorkerFailure);
