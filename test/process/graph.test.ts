// Tear-stream selection: the smallest set of streams that breaks every cycle of a loop.
import { describe, expect, it } from 'vitest';
import {
  chooseTears,
  stronglyConnected,
  topoOrder,
  type Edge,
} from '../../src/process/flowsheet/graph.js';
import { compileFlowsheet } from '../../src/process/flowsheet/compile.js';
import { KEMPIRSAI_CONCENTRATOR } from '../../src/process/concentrator/run.js';

const e = (from: number, to: number, stream: number): Edge => ({ from, to, stream });

describe('flowsheet graph', () => {
  it('finds strongly connected components upstream first', () => {
    const edges = [e(0, 1, 0), e(1, 2, 1), e(2, 1, 2), e(2, 3, 3)];
    expect(stronglyConnected(4, edges)).toEqual([[0], [1, 2], [3]]);
    expect(topoOrder([0, 1, 2, 3], [e(0, 1, 0), e(1, 2, 1), e(2, 3, 3)])).toEqual([0, 1, 2, 3]);
    expect(topoOrder([1, 2], [e(1, 2, 1), e(2, 1, 2)])).toBeNull();
  });

  it('tears one stream shared by two cycles rather than one per cycle', () => {
    // cycles 0→1→2→0 and 1→2→3→1 share the edge 1→2 (stream 1)
    const edges = [e(0, 1, 0), e(1, 2, 1), e(2, 0, 2), e(2, 3, 3), e(3, 1, 4)];
    const { tears, order } = chooseTears([0, 1, 2, 3], edges, 0);
    expect(tears.map((t) => t.stream)).toEqual([1]);
    expect(order).toEqual([2, 0, 3, 1]);
  });

  it('needs two tears for two disjoint cycles inside one component', () => {
    const edges = [e(0, 1, 0), e(1, 0, 1), e(1, 2, 2), e(2, 3, 3), e(3, 2, 4), e(3, 0, 5)];
    const { tears } = chooseTears([0, 1, 2, 3], edges, 0);
    expect(tears.length).toBe(2);
  });

  it('tears the recycle streams of the reference concentrator', () => {
    const fs = compileFlowsheet(KEMPIRSAI_CONCENTRATOR);
    const torn = fs.blocks.flatMap((b) => b.tears.map((s) => fs.streams[s]?.id));
    expect(torn).toEqual(['mill-discharge', 'cleaner-tails']);
  });
});
