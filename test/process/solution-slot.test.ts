// SolutionSlot (issue 19 item 3): the caller-owned buffers of a stage's solve. Its streams for one
// use are the same objects from call to call (no allocation per Monte Carlo sample), handed out
// empty as new streams are, and new ones when the model or the count changes.
import { describe, expect, it } from 'vitest';
import { buildComponentModel } from '../../src/process/components.js';
import { SolutionSlot } from '../../src/process/flowsheet/solution-slot.js';
import { createStream, P_ATM_PA, T_AMBIENT_K } from '../../src/process/stream.js';

const model = buildComponentModel({ minerals: [], species: ['Cr2O3(s)', 'FeO(s)', 'C(s)'] });
const other = buildComponentModel({ minerals: [], species: ['SiO2(s)'] });

describe('SolutionSlot streams and work', () => {
  it('reuses the same streams for a use, emptied as new ones', () => {
    const slot = new SolutionSlot();
    const a = slot.streams('feeds', model, 2);
    const s = a[0];
    if (!s) throw new Error('no stream');
    s.flow.fill(7);
    s.T_K = 1800;
    s.P_Pa = 5;
    const b = slot.streams('feeds', model, 2);
    expect(b).toBe(a);
    expect(b[0]).toEqual(createStream(model));
    expect(b[0]?.T_K).toBe(T_AMBIENT_K);
    expect(b[0]?.P_Pa).toBe(P_ATM_PA);
  });

  it('keeps each use apart, and gives new streams for another count or model', () => {
    const slot = new SolutionSlot();
    const feeds = slot.streams('feeds', model, 2);
    const makeup = slot.streams('makeup', model, 2);
    expect(makeup).not.toBe(feeds);
    expect(makeup[0]?.flow.buffer).not.toBe(feeds[0]?.flow.buffer);
    expect(slot.streams('feeds', model, 3)).not.toBe(feeds);
    const o = slot.streams('feeds', other, 3);
    expect(o[0]?.flow.length).toBe(other.nComp);
  });

  it('lends one work array, grown when a call needs more', () => {
    const slot = new SolutionSlot();
    const a = slot.work(8);
    expect(a.length).toBeGreaterThanOrEqual(8);
    expect(slot.work(4)).toBe(a);
    const b = slot.work(64);
    expect(b.length).toBeGreaterThanOrEqual(64);
    expect(slot.work(8)).toBe(b);
  });
});
