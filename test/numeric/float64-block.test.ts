import { describe, expect, it } from 'vitest';
import { Float64Block } from '../../src/numeric/float64-block.js';

describe('Float64Block', () => {
  it('hands out zero-filled, disjoint views that together cover the block', () => {
    const block = new Float64Block(7);
    const a = block.take(3);
    const b = block.take(0);
    const c = block.take(4);
    block.done();
    expect([a.length, b.length, c.length]).toEqual([3, 0, 4]);
    expect([...a, ...c]).toEqual([0, 0, 0, 0, 0, 0, 0]);
    a.fill(1);
    c.fill(2);
    expect([...a]).toEqual([1, 1, 1]);
    expect([...c]).toEqual([2, 2, 2, 2]);
  });

  it('refuses to hand out more than it holds, and a block not used up', () => {
    const block = new Float64Block(2);
    expect(() => block.take(3)).toThrow(/2 of 2 left/);
    block.take(1);
    expect(() => {
      block.done();
    }).toThrow(/1 of 2 not taken/);
    expect(() => block.take(-1)).toThrow(RangeError);
  });
});
