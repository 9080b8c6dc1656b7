import { NO_DESIGN } from '../../design/no-design.js';
import type { UnitKind } from '../../unit.js';

/** Builds a sink kind (one inlet, no outlets): the flowsheet's boundary for leaving material. */
export function sinkKind(
  kind: 'product' | 'tailings' | 'process-water',
  title: string,
): UnitKind<Record<string, never>> {
  return {
    kind,
    title,
    inlets: ['feed'],
    outlets: [],
    params: {},
    reagents: [],
    stateSize: 0,
    sink: kind,
    references: ['Flowsheet boundary.'],
    results: {},
    design: NO_DESIGN,
    solve() {
      /* a sink only records its inlet */
    },
  };
}
