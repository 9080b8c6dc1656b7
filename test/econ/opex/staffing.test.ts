// The staffing model against published plant headcounts (shared/domain/facts.md §5.5):
// Aktobe smelting shop 4, 440 kt/yr HC FeCr, ~500 jobs (qazaqstan.tv 2014); Tikhvin,
// 148–180 kt/yr, 720 employees (Wikipedia) — a Russian plant of the 1990s, the top of the band.
import { describe, expect, it } from 'vitest';
import { stageStaffing, staffingFamily } from '../../../src/econ/opex/staffing.js';

const WAGE = 448620; // data/econ/opex-defaults.json (BNS, Q2 2025)
const FX = 505;

describe('stageStaffing', () => {
  it('predicts Aktobe shop 4 (440 kt/yr, 4 DC furnaces, ~500 jobs) within ±25 %', () => {
    const s = stageStaffing('fecr-dc', 440000, WAGE, FX)!;
    expect(s.direct_jobs).toBeGreaterThan(500 * 0.75);
    expect(s.direct_jobs).toBeLessThan(500 * 1.25);
  });

  it('puts an 80 kt/yr smelter between shop 4 (1.1 jobs/kt) and Tikhvin (~4.5 jobs/kt)', () => {
    const s = stageStaffing('fecr-dc', 80000, WAGE, FX)!;
    const perKt = s.direct_jobs / 80;
    expect(perKt).toBeGreaterThan(1.1);
    expect(perKt).toBeLessThan(4.5);
  });

  it('counts whole people, adds a furnace crew per 110 kt/yr, and grows with capacity', () => {
    const small = stageStaffing('fecr-saf', 100000, WAGE, FX)!;
    const big = stageStaffing('fecr-saf', 120000, WAGE, FX)!;
    expect(Number.isInteger(small.direct_jobs)).toBe(true);
    // One more furnace: 8 positions per shift × 4 crews.
    expect(big.direct_jobs - small.direct_jobs).toBeGreaterThanOrEqual(32);
  });

  it('turns wages into USD with the scenario exchange rate', () => {
    const a = stageStaffing('cr-aluminothermic', 5000, WAGE, FX)!;
    const b = stageStaffing('cr-aluminothermic', 5000, WAGE, FX * 2)!;
    expect(a.wages_usd_per_year / b.wages_usd_per_year).toBeCloseTo(2, 12);
    let kzt = 0;
    for (const p of a.positions) kzt += p.headcount * p.wage_kzt_per_month * 12;
    expect(a.wages_usd_per_year).toBeCloseTo(kzt / FX, 6);
  });

  it('has no family for the concentrate sale and rejects a bad exchange rate', () => {
    expect(staffingFamily('concentrate-sale')).toBeUndefined();
    expect(stageStaffing('concentrate-sale', 1000, WAGE, FX)).toBeUndefined();
    expect(() => stageStaffing('fecr-dc', 1000, WAGE, 0)).toThrow(/kzt_per_usd/);
  });
});
