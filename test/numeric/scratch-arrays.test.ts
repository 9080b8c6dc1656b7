import { describe, expect, it } from 'vitest';
import { ScratchArrays } from '../../src/numeric/scratch-arrays.js';

describe('ScratchArrays', () => {
  it('hands out zero-filled arrays again after a reset, in the order taken', () => {
    const s = new ScratchArrays();
    const a = s.take(3);
    a.set([1, 2, 3]);
    s.reset();
    const b = s.take(3);
    expect(b).toBe(a);
    expect([...b]).toEqual([0, 0, 0]);
  });

  it('takeUnset keeps what the last use left (zeros when new), for rows written in full', () => {
    const s = new ScratchArrays();
    const fresh = s.takeUnset(2);
    expect([...fresh]).toEqual([0, 0]);
    fresh.set([4, 5]);
    s.reset();
    expect([...s.takeUnset(2)]).toEqual([4, 5]);
  });

  it('allocates a new array when the length asked for changes', () => {
    const s = new ScratchArrays();
    const a = s.take(2);
    s.reset();
    const b = s.takeUnset(4);
    expect(b).not.toBe(a);
    expect(b.length).toBe(4);
  });
});
