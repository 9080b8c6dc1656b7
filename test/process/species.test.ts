import { ATOMIC_WEIGHTS_G_PER_MOL } from '../../src/chem/atomic-weights.js';
// The component model also carries chemical species (formula + phase) for the later
// pyrometallurgy stages: element vectors from formulas, generic units (mixer, splitter, sinks)
// conserve them, mineral separators and non-isothermal mixing refuse them explicitly.
import { describe, expect, it } from 'vitest';
import { compileFlowsheet } from '../../src/process/flowsheet/compile.js';
import { solveFlowsheet } from '../../src/process/flowsheet/solve.js';
import { createStream } from '../../src/process/stream.js';
import { NotImplementedError } from '../../src/errors.js';
import type { FlowsheetTemplate } from '../../src/process/flowsheet/template.js';

const t: FlowsheetTemplate = {
  id: 'species',
  components: { minerals: ['chromite'], species: ['Cr2O3(s)', 'C(s)', 'CO(g)', 'H2O(l)'] },
  feeds: { a: {}, b: {} },
  units: {
    mix: { kind: 'mixer', in: { a: 'a', b: 'b' }, out: { product: 'm' } },
    split: {
      kind: 'splitter',
      in: { feed: 'm' },
      out: { a: 'x', b: 'y' },
      params: { fraction_to_a: 0.3 },
    },
    p: { kind: 'product', in: { feed: 'x' }, out: {} },
    q: { kind: 'tailings', in: { feed: 'y' }, out: {} },
  },
};

describe('chemical species in streams', () => {
  const fs = compileFlowsheet(t);
  const m = fs.model;
  const feed = (T: number): ReturnType<typeof createStream> => {
    const s = createStream(m);
    s.flow[m.names.indexOf('Cr2O3(s)')] = 1000;
    s.flow[m.names.indexOf('C(s)')] = 300;
    s.flow[m.names.indexOf('CO(g)')] = 50;
    s.T_K = T;
    return s;
  };

  it('maps species to elements and classifies solids by phase', () => {
    expect(m.elements).toEqual(['Cr', 'Fe', 'Mg', 'Al', 'C', 'O', 'H']);
    expect(m.isSolid[m.names.indexOf('Cr2O3(s)')]).toBe(1);
    expect(m.isSolid[m.names.indexOf('CO(g)')]).toBe(0);
    const sol = solveFlowsheet(fs, { a: feed(298.15), b: feed(298.15) });
    expect(sol.closure.max_rel).toBeLessThanOrEqual(1e-9);
    const cr = m.el.Cr;
    const { Cr: wCr = NaN, O: wO = NaN } = ATOMIC_WEIGHTS_G_PER_MOL;
    const crIn = (2 * 1000 * (2 * wCr)) / (2 * wCr + 3 * wO);
    const x = fs.streamIndex.get('x') ?? -1;
    expect(sol.elementFlows[x * m.nEl + cr]).toBeCloseTo(0.3 * crIn, 6);
  });

  it('refuses to mix streams at different temperatures until enthalpies are available', () => {
    expect(() => solveFlowsheet(fs, { a: feed(298.15), b: feed(1800) })).toThrow(
      NotImplementedError,
    );
  });

  it('refuses species in a mineral separator', () => {
    const t2: FlowsheetTemplate = {
      ...t,
      feeds: { a: {} },
      units: {
        cyc: { kind: 'hydrocyclone', in: { feed: 'a' }, out: { underflow: 'x', overflow: 'y' } },
        p: { kind: 'product', in: { feed: 'x' }, out: {} },
        q: { kind: 'tailings', in: { feed: 'y' }, out: {} },
      },
    };
    const fs2 = compileFlowsheet(t2);
    expect(() => solveFlowsheet(fs2, { a: feed(298.15) })).toThrow(
      /unit "cyc": partition of species Cr2O3\(s\)/,
    );
  });
});
