// A sculpted tranche's target DSCR: the scenario's (stage over project), else the lender
// preset's (data/finance/lenders.json, read here from the file, not through the model), else
// a clear error naming the field — never a silent default.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { stageFinancing } from '../../../src/econ/project/stage-financing.js';
import { InputError } from '../../../src/errors.js';
import type { Param } from '../../../src/provenance/param.js';
import { LENDER_PRESETS, type FinancingTerms } from '../../../src/scenario/schema.js';

const presets = JSON.parse(
  readFileSync(new URL('../../../data/finance/lenders.json', import.meta.url), 'utf8'),
) as { values: Record<string, { value: number; status: string; source: string }> };

const param = (value: number): Param => ({ value, unit: '1', source: 'test', status: 'input' });

/** Terms as a scenario writes them: sculpted, with what `more` adds. */
const sculpted = (more: Partial<FinancingTerms>): FinancingTerms => ({
  repayment: 'sculpted',
  ...more,
});

describe('target DSCR of a sculpted tranche', () => {
  it.each(LENDER_PRESETS)('%s: the preset has one, with a source and a status', (lender) => {
    const entry = presets.values[`${lender}.target_dscr`];
    expect(entry?.value).toBeGreaterThan(1);
    expect(entry?.source).toMatch(/\S{10,}/);
    expect(['verified', 'derived', 'assumed']).toContain(entry?.status);
    const f = stageFinancing('smelter', undefined, sculpted({ lender }));
    expect(f?.target_dscr).toBe(entry?.value);
  });

  it('the scenario wins over the preset, the stage over the project', () => {
    const project = sculpted({ lender: 'commercial-bank', target_dscr: param(1.3) });
    expect(stageFinancing('smelter', undefined, project)?.target_dscr).toBe(1.3);
    const stage = sculpted({ target_dscr: param(1.7) });
    expect(stageFinancing('smelter', stage, project)?.target_dscr).toBe(1.7);
  });

  it('without a preset or a written target, sculpting is refused naming the field', () => {
    const terms = sculpted({ debt_share: param(0.5), interest_rate: param(0.08), tenor_years: 8 });
    expect(() => stageFinancing('smelter', undefined, terms)).toThrow(InputError);
    expect(() => stageFinancing('smelter', undefined, terms)).toThrow(
      /finance\.financing\.target_dscr/,
    );
  });
});
