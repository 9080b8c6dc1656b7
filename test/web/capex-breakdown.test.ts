// The dashboard's capex breakdown per stage (web/src/charts/capex-breakdown.ts) is computed from
// the appraisal's parts only: units, then off-sites, indirects, owner's cost and contingency, up
// to the stage capex; the bars add up (a waterfall), and a total the parts do not explain is
// shown as its own part, never hidden.
import { describe, expect, it } from 'vitest';
import type { StageResult } from '../../src/appraisal.js';
import {
  capexBasis,
  capexBreakdownOption,
  capexPartBars,
  capexParts,
} from '../../web/src/charts/capex-breakdown.js';
import { tableCsv } from '../../web/src/charts/table.js';
import { makeI18n } from '../../web/src/i18n.js';
import { referenceAppraisal, stageOf } from './fixture.js';

const a = referenceAppraisal();
const smelter = stageOf(a, 'smelter');
const chromium = stageOf(a, 'chromium');

function steps(stage: Pick<StageResult, 'capex' | 'capex_usd'>): number {
  return capexParts(stage)!
    .filter((p) => p.kind === 'unit' || p.kind === 'adder')
    .reduce((s, p) => s + p.usd, 0);
}

describe('capex breakdown by unit', () => {
  it('every stage with an estimate: units, added costs and a total; the steps sum to the stage capex', () => {
    for (const stage of [smelter, chromium]) {
      const parts = capexParts(stage)!;
      const c = stage.capex!;
      expect(parts.filter((p) => p.kind === 'unit').map((p) => p.id)).toEqual(
        c.units.map((u) => u.unit_id),
      );
      expect(parts.filter((p) => p.kind === 'adder').map((p) => p.id)).toEqual([
        'osbl',
        'indirect',
        'owners',
        'contingency',
      ]);
      expect(parts.at(-1)).toMatchObject({ kind: 'total', usd: stage.capex_usd });
      expect(steps(stage)).toBeCloseTo(stage.capex_usd!, 3);
    }
  });

  it('the units subtotal (inside battery limits) only with several units, and it is their sum', () => {
    expect(capexParts(smelter)!.some((p) => p.kind === 'subtotal')).toBe(false);
    const parts = capexParts(chromium)!;
    const isbl = parts.find((p) => p.kind === 'subtotal')!;
    const units = parts.filter((p) => p.kind === 'unit').reduce((s, p) => s + p.usd, 0);
    expect(chromium.capex!.units.length).toBeGreaterThan(1);
    expect(isbl.usd).toBeCloseTo(units, 3);
  });

  it('a stage total the parts do not explain gets a "not itemised" part of the difference', () => {
    const more = { capex: smelter.capex, capex_usd: smelter.capex_usd! + 2e6 };
    const parts = capexParts(more)!;
    expect(parts.find((p) => p.id === 'other')?.usd).toBeCloseTo(2e6, 3);
    expect(steps(more)).toBeCloseTo(more.capex_usd, 3);
    expect(capexParts(smelter)!.some((p) => p.id === 'other')).toBe(false);
  });

  it('no breakdown without an estimate (never an invented one)', () => {
    expect(capexParts({ capex: null, capex_usd: null })).toBeUndefined();
    expect(capexParts({ capex: smelter.capex, capex_usd: null })).toBeUndefined();
    expect(capexBreakdownOption({ capex: null, capex_usd: null }, makeI18n('en'))).toBeUndefined();
  });

  it('waterfall bars: each step from the running total before it; the total bar reaches the last level', () => {
    const parts = capexParts(chromium)!;
    const bars = capexPartBars(
      parts,
      parts.map((p) => p.id),
    );
    let level = 0;
    for (const [k, b] of bars.entries()) {
      const p = parts[k]!;
      if (p.kind === 'subtotal' || p.kind === 'total') {
        expect(b.lo).toBe(0);
        expect(b.hi).toBeCloseTo(level, 9);
        continue;
      }
      expect(b.lo).toBeCloseTo(level, 9);
      level += p.usd / 1e6;
      expect(b.hi).toBeCloseTo(level, 9);
    }
    expect(bars.at(-1)!.hi).toBeCloseTo(chromium.capex_usd! / 1e6, 9);
  });

  it('data table: a row per part, shares of the step parts sum to 100 %, sizes with units', () => {
    const spec = capexBreakdownOption(smelter, makeI18n('en'))!;
    const rows = spec.table.rows;
    expect(rows.length).toBe(capexParts(smelter)!.length);
    const share = rows
      .slice(0, -1)
      .reduce((s, r) => s + (typeof r[4]!.value === 'number' ? r[4]!.value : 0), 0);
    expect(share).toBeCloseTo(100, 6);
    expect(rows[0]![1]!.text).toMatch(/^\d+(\.\d+)?\u00a0MVA$/);
    expect(rows[0]![2]!.text).toContain('Chinese EPC');
    expect(tableCsv(spec.table).split('\r\n')[0]).toBe(
      'Part,Design size,"Cost item, class (status)",Capex [USD M],Share of the stage capex [%]',
    );
  });

  it('Russian and Kazakh: translated parts, units and decimal commas', () => {
    const ru = capexBreakdownOption(smelter, makeI18n('ru'))!;
    const names = ru.table.rows.map((r) => r[0]!.text);
    expect(names).toContain('Непредвиденные расходы');
    expect(names.at(-1)).toBe('Капвложения очереди');
    expect(ru.table.rows[0]![1]!.text).toMatch(/^\d+,\d+\u00a0МВ·А$/);
    const kk = capexBreakdownOption(chromium, makeI18n('kk'))!;
    expect(kk.table.rows.map((r) => r[0]!.text)).toContain('Күтпеген шығындар');
    expect(kk.table.columns[3]).toBe('Күрделі шығындар [млн USD]');
    expect(capexBasis(smelter, makeI18n('ru'))).toMatch(/класс AACE 5: \d+,\d\u00a0млн\u00a0USD/);
  });
});
