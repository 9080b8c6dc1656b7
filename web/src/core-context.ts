/** The core worker shared by the pages, and the what-if timings exposed to tests. */
import { createContext, useContext } from 'react';
import type { CoreClient } from './worker/client.js';

export const CoreContext = createContext<CoreClient | undefined>(undefined);

export function useCore(): CoreClient {
  const core = useContext(CoreContext);
  if (!core) throw new Error('CoreContext missing');
  return core;
}

/** Timings of the live what-if, readable by the browser tests as `window.chromflowWhatIf`. */
export interface WhatIfTimings {
  /**
   * Slider input event (its `timeStamp`) → charts redrawn (next animation frame after the
   * commit in which the charts' setOption ran) [ms].
   */
  redraw_ms: number[];
  /** appraise() and the delta encoding inside the worker [ms]. */
  compute_ms: number[];
  /** Slider input → answer received, minus compute: queueing and message passing [ms]. */
  transfer_ms: number[];
  /** Of transfer_ms: input event → request posted to the worker (the page's own work) [ms]. */
  post_ms: number[];
  /** Of transfer_ms: posted → the worker starts the step (queue, thread wake-up, clone) [ms]. */
  to_worker_ms: number[];
  /** Of transfer_ms: the worker's answer posted → received by the page [ms]. */
  from_worker_ms: number[];
  /** Answer received → React commit with the charts' setOption done [ms]. */
  render_ms: number[];
  /** Commit → next animation frame [ms]. */
  frame_ms: number[];
  /** Of render_ms: the charts' setOption calls (with their synchronous canvas drawing) [ms]. */
  charts_ms: number[];
  /** The charts redrawn at each step and their time (`cashflow:data:12.3ms`: data-only merge; `:full`: rebuilt). */
  charts_drawn: string[][];
  /** Whether the worker solved the plant at that step (a Cr recovery not cached). */
  plant_solved: boolean[];
}

declare global {
  interface Window {
    chromflowWhatIf?: WhatIfTimings;
  }
}

export function whatIfTimings(): WhatIfTimings {
  window.chromflowWhatIf ??= {
    redraw_ms: [],
    compute_ms: [],
    transfer_ms: [],
    render_ms: [],
    frame_ms: [],
    charts_ms: [],
    post_ms: [],
    to_worker_ms: [],
    from_worker_ms: [],
    charts_drawn: [],
    plant_solved: [],
  };
  return window.chromflowWhatIf;
}
