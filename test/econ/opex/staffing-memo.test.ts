// The kept staffing of a Monte Carlo run (src/econ/opex/staffing-memo.ts) is stageStaffing's
// result for the same arguments, and is computed again when any argument changes.
import { describe, expect, it } from 'vitest';
import { stageStaffing } from '../../../src/econ/opex/staffing.js';
import { StaffingMemo } from '../../../src/econ/opex/staffing-memo.js';

const WAGE = 448620;
const FX = 505;
const DESIGN = [
  { kind: 'dc-arc-furnace', count: 2 },
  { kind: 'product', count: 1 },
];

describe('StaffingMemo', () => {
  it('returns stageStaffing of the arguments, the same object while they are equal', () => {
    const memo = new StaffingMemo();
    const a = memo.staffing('fecr-dc', 240000, WAGE, FX, DESIGN);
    expect(a).toEqual(stageStaffing('fecr-dc', 240000, WAGE, FX, DESIGN));
    // equal arguments in new objects (a new sample's design): the kept result
    expect(
      memo.staffing(
        'fecr-dc',
        240000,
        WAGE,
        FX,
        DESIGN.map((u) => ({ ...u })),
      ),
    ).toBe(a);
  });

  it.each([
    ['capacity', ['fecr-dc', 300000, WAGE, FX, DESIGN]],
    ['wage', ['fecr-dc', 240000, WAGE * 1.1, FX, DESIGN]],
    ['exchange rate', ['fecr-dc', 240000, WAGE, FX * 1.1, DESIGN]],
    ['furnace count', ['fecr-dc', 240000, WAGE, FX, [{ kind: 'dc-arc-furnace', count: 3 }]]],
    ['no design', ['fecr-dc', 240000, WAGE, FX, undefined]],
  ] as const)('computes again when the %s changes', (_, args) => {
    const memo = new StaffingMemo();
    const first = memo.staffing('fecr-dc', 240000, WAGE, FX, DESIGN);
    const [t, q, w, fx, d] = args;
    const next = memo.staffing(t, q, w, fx, d);
    expect(next).not.toBe(first);
    expect(next).toEqual(stageStaffing(t, q, w, fx, d));
  });
});
