import { describe, expect, it } from 'vitest';
import { mergeKpis } from '../../src/process/merge-kpis.js';

describe('mergeKpis', () => {
  it('gives what a spread gives: later records win, keys in first-seen order, a new record', () => {
    const a = { x: 1, y: 2 };
    const b = { z: 3, x: 4 };
    const merged = mergeKpis(a, b, {}, { w: 5 });
    expect(merged).toEqual({ ...a, ...b, w: 5 });
    expect(Object.keys(merged)).toEqual(Object.keys({ ...a, ...b, w: 5 }));
    expect(merged).not.toBe(a);
    merged.y = 9;
    expect(a.y).toBe(2);
  });

  it('copies a 40-key record with every key and value', () => {
    const big = Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`k${i}`, i / 7]));
    const merged = mergeKpis(big, { extra: 1 });
    expect(Object.keys(merged)).toEqual([...Object.keys(big), 'extra']);
    for (const [k, v] of Object.entries(big)) expect(merged[k]).toBe(v);
  });
});
