import { param } from '../../params.js';
import { NO_DESIGN } from '../../design/no-design.js';
import type { UnitKind } from '../../unit.js';

const params = {
  fraction_to_a: param(
    0.5,
    '-',
    0,
    1,
    'fraction of every component (and size class) sent to outlet "a"',
    'flowsheet choice (no default in the literature)',
  ),
};

/**
 * Splitter: divides the inlet in a fixed ratio, identical composition and size distribution.
 * Equations: a = f · F, b = (1 − f) · F for every component and size class.
 */
export const splitter: UnitKind<typeof params> = {
  kind: 'splitter',
  title: 'Stream splitter',
  inlets: ['feed'],
  outlets: ['a', 'b'],
  params,
  reagents: [],
  stateSize: 0,
  references: ['Simple split; no literature model needed.'],
  results: {},
  design: NO_DESIGN,
  solve(inlets, p, _ctx, out) {
    const s = inlets[0];
    const a = out.outlets[0];
    const b = out.outlets[1];
    if (!s || !a || !b) return;
    const f = p.fraction_to_a;
    for (let i = 0; i < s.flow.length; i++) {
      const v = s.flow[i] ?? 0;
      const va = v * f;
      a.flow[i] = va;
      b.flow[i] = v - va;
    }
    for (let i = 0; i < s.sized.length; i++) {
      const v = s.sized[i] ?? 0;
      const va = v * f;
      a.sized[i] = va;
      b.sized[i] = v - va;
    }
    a.T_K = b.T_K = s.T_K;
    a.P_Pa = b.P_Pa = s.P_Pa;
  },
};
