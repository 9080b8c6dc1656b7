// Bad flowsheets are rejected with messages naming the units, ports and streams involved.
import { describe, expect, it } from 'vitest';
import { ConvergenceError, InputError } from '../../src/errors.js';
import { compileFlowsheet } from '../../src/process/flowsheet/compile.js';
import { solveFlowsheet } from '../../src/process/flowsheet/solve.js';
import { createStream, syncMineralTotals } from '../../src/process/stream.js';
import type { FlowsheetTemplate, UnitSpec } from '../../src/process/flowsheet/template.js';

const base = (
  units: Record<string, UnitSpec>,
  feeds: Record<string, object> = { f: {} },
): FlowsheetTemplate => ({
  id: 'bad',
  components: {
    minerals: ['chromite', 'serpentine'],
    sieve: { top_um: 10000, ratio: 2, count: 6 },
  },
  feeds,
  units,
});
const sink = (s: string): UnitSpec => ({ kind: 'product', in: { feed: s }, out: {} });

describe('flowsheet validation', () => {
  it('rejects an unknown unit kind, naming the unit', () => {
    expect(() =>
      compileFlowsheet(base({ u: { kind: 'flotation-cell', in: { feed: 'f' }, out: {} } })),
    ).toThrow(/units\.u\.kind.*"flotation-cell".*known unit kind/);
  });
  it('rejects an unconnected port, naming unit and port', () => {
    expect(() =>
      compileFlowsheet(
        base({ s: { kind: 'splitter', in: { feed: 'f' }, out: { a: 'x' } }, p: sink('x') }),
      ),
    ).toThrow(/outlet port "b" of unit "s" \(splitter\) is not connected/);
  });
  it('rejects an unknown port', () => {
    expect(() =>
      compileFlowsheet(
        base({
          s: { kind: 'feeder', in: { feed: 'f', extra: 'y' }, out: { product: 'x' } },
          p: sink('x'),
        }),
      ),
    ).toThrow(/units\.s\.in\.extra/);
  });
  it('rejects a stream with two sources, naming both', () => {
    const t = base({
      s: { kind: 'splitter', in: { feed: 'f' }, out: { a: 'x', b: 'x' } },
      p: sink('x'),
    });
    expect(() => compileFlowsheet(t)).toThrow(
      /streams\.x.*one source.*unit "s" port "a" and unit "s" port "b"/,
    );
    const t2 = base(
      { a: { kind: 'feeder', in: { feed: 'g' }, out: { product: 'f' } }, p: sink('f') },
      { f: {}, g: {} },
    );
    expect(() => compileFlowsheet(t2)).toThrow(
      /streams\.f.*the feed declaration and unit "a" port "product"/,
    );
  });
  it('rejects a stream with two destinations and one with no destination or source', () => {
    expect(() => compileFlowsheet(base({ p: sink('f'), q: sink('f') }))).toThrow(
      /streams\.f.*one destination/,
    );
    expect(() =>
      compileFlowsheet(base({ a: { kind: 'feeder', in: { feed: 'f' }, out: { product: 'x' } } })),
    ).toThrow(/stream "x" leaves unit "a" port "product" but enters no unit/);
    expect(() => compileFlowsheet(base({ p: sink('f'), q: sink('nowhere') }))).toThrow(
      /stream "nowhere" enters unit "q".*neither a declared feed/,
    );
  });
  it('rejects a recycle loop with no outlet, naming its units and streams', () => {
    const t = base({
      m: { kind: 'mixer', in: { feed: 'f', back: 'r' }, out: { product: 'x' } },
      a: { kind: 'feeder', in: { feed: 'x' }, out: { product: 'r' } },
    });
    expect(() => compileFlowsheet(t)).toThrow(/streams: found \["x","r"\]/);
    expect(() => compileFlowsheet(t)).toThrow(
      /recycle loop through units "m", "a" \(streams "x", "r"\): no stream leaves it/,
    );
  });
  it('rejects bad parameters and overrides', () => {
    const ok = base({
      s: { kind: 'splitter', in: { feed: 'f' }, out: { a: 'x', b: 'y' } },
      p: sink('x'),
      q: sink('y'),
    });
    expect(() => compileFlowsheet(ok, { 'units.s.fraction_to_a': 1.5 })).toThrow(
      /units\.s\.params\.fraction_to_a: found 1\.5, expected a value between 0 and 1/,
    );
    expect(() => compileFlowsheet(ok, { 'units.s.fraction': 0.5 })).toThrow(
      /units\.s\.params\.fraction.*one of the parameters fraction_to_a/,
    );
    expect(() => compileFlowsheet(ok, { 'units.zz.fraction_to_a': 0.5 })).toThrow(
      /overrides\.units\.zz\.fraction_to_a.*a unit of the flowsheet/,
    );
    expect(() => compileFlowsheet(ok, { fraction_to_a: 0.5 })).toThrow(
      /units\.<unit id>\.<parameter>/,
    );
    expect(() => compileFlowsheet(ok, { 'units.s.fraction_to_a': '0.5' })).toThrow(InputError);
    const bad = base({
      j: {
        kind: 'jaw-crusher',
        in: { feed: 'f' },
        out: { product: 'x' },
        params: { k1_ratio: 2, k2_ratio: 1.5 },
      },
      p: sink('x'),
    });
    expect(() => compileFlowsheet(bad)).toThrow(/units\.j\.params\.k2_ratio.*above k1_ratio/);
  });
  it('reports non-convergence naming the loop and its tear stream', () => {
    const t = base({
      m: { kind: 'mixer', in: { feed: 'f', back: 'r' }, out: { product: 'x' } },
      s: {
        kind: 'splitter',
        in: { feed: 'x' },
        out: { a: 'r', b: 'y' },
        params: { fraction_to_a: 0.9 },
      },
      p: sink('y'),
    });
    const fs = compileFlowsheet(t);
    const feed = createStream(fs.model);
    feed.sized.fill(1);
    syncMineralTotals(fs.model, feed);
    let err: unknown;
    try {
      solveFlowsheet(fs, { f: feed }, { settings: { max_iterations: 2 } });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ConvergenceError);
    expect(String(err)).toMatch(
      /recycle loop through units "m", "s" did not converge after 2 iterations.*tear stream "(r|x)"/,
    );
    // converges with the defaults: direct substitution would need ln(1e-10)/ln(0.9) ≈ 220 passes,
    // Wegstein bounded at q ≥ −5 contracts by |−5 + 6·0.9| = 0.4 per pass, unbounded it is exact
    const sol = solveFlowsheet(fs, { f: feed });
    expect(sol.tears[0]?.iterations).toBeLessThan(40);
    expect(sol.closure.max_rel).toBeLessThanOrEqual(1e-9);
    const direct = solveFlowsheet(
      fs,
      { f: feed },
      { settings: { wegstein_q_min: 0, max_iterations: 1000 } },
    );
    expect(direct.tears[0]?.iterations).toBeGreaterThan(150);
    const wide = solveFlowsheet(fs, { f: feed }, { settings: { wegstein_q_min: -50 } });
    expect(wide.tears[0]?.iterations).toBeLessThan(6);
  });
  it('rejects missing and unknown feeds', () => {
    const fs = compileFlowsheet(base({ p: sink('f') }));
    expect(() => solveFlowsheet(fs, {})).toThrow(/feeds\.f/);
    expect(() =>
      solveFlowsheet(fs, { f: createStream(fs.model), g: createStream(fs.model) }),
    ).toThrow(/feeds\.g/);
  });
});

describe('solve inputs', () => {
  it('rejects a feed built for another component list', () => {
    const t: FlowsheetTemplate = {
      id: 'x',
      components: { minerals: ['chromite'] },
      feeds: { f: {} },
      units: { p: { kind: 'product', in: { feed: 'f' }, out: {} } },
    };
    const other = compileFlowsheet({ ...t, components: { minerals: ['chromite', 'serpentine'] } });
    const fs = compileFlowsheet(t);
    expect(() => solveFlowsheet(fs, { f: createStream(other.model) })).toThrow(
      /feeds\.f.*components \(2\)/,
    );
    expect(() =>
      solveFlowsheet(
        fs,
        { f: createStream(fs.model) },
        { warmStart: solveFlowsheet(other, { f: createStream(other.model) }) },
      ),
    ).toThrow(/warmStart/);
  });
});
