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
  /** Slider input → charts redrawn (next animation frame after the commit) [ms]. */
  redraw_ms: number[];
  /** appraise() inside the worker [ms]. */
  compute_ms: number[];
  /** Slider input → answer received, minus compute: queueing and message passing [ms]. */
  transfer_ms: number[];
  /** Answer received → React commit with the charts' setOption done [ms]. */
  render_ms: number[];
  /** Commit → next animation frame [ms]. */
  frame_ms: number[];
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
  };
  return window.chromflowWhatIf;
}
