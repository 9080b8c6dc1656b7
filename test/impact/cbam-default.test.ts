import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { appraise } from '../../src/appraise.js';
import { cbamDefaultMarkup, cbamEmbeddedEmissions } from '../../src/impact/index.js';
import { loadScenario } from '../../src/scenario/index.js';
import { DATA_FILES } from '../../src/scenario/data-files.js';
import { ROOT } from '../helpers/run-cli.js';

const cbam = DATA_FILES['impact/cbam']!;
const stage1 = readFileSync(`${ROOT}/scenarios/aktobe-stage1.yaml`, 'utf8');
const withImpact = (extra: string) => stage1.replace('finance:\n', `impact:\n${extra}\nfinance:\n`);

describe('CBAM default values (Implementing Regulation (EU) 2025/2621)', () => {
  it('reproduces the published marked-up values of Annex I: CN 7202 41, United States table', () => {
    // Annex I, ferro-chromium CN 7202 41, United States: 2.350 t CO2e/t without mark-up and
    // 2.585 (2026), 2.820 (2027), 3.055 (2028 on) with it (as transcribed from the act).
    const basis = { kind: 'default' as const, default_t_co2_per_t: 2.35 };
    expect(cbamEmbeddedEmissions(basis, cbam, 2026)).toBeCloseTo(2.585, 3);
    expect(cbamEmbeddedEmissions(basis, cbam, 2027)).toBeCloseTo(2.82, 3);
    expect(cbamEmbeddedEmissions(basis, cbam, 2028)).toBeCloseTo(3.055, 3);
    // The 2028 mark-up holds from 2028 on; none before the definitive period.
    expect(cbamDefaultMarkup(cbam, 2040)).toBeCloseTo(0.3, 12);
    expect(cbamDefaultMarkup(cbam, 2025)).toBe(0);
  });

  it('actual basis charges the plant direct emissions unchanged', () => {
    expect(cbamEmbeddedEmissions({ kind: 'actual', direct_t_co2_per_t: 1.7 }, cbam, 2030)).toBe(
      1.7,
    );
  });

  it('refuses the default basis without the product default value, naming the field', () => {
    expect(() => loadScenario(withImpact('  cbam_emissions: default'), 't.yaml')).toThrow(
      /cbam_default_t_co2_per_t.*hc-ferrochrome|hc-ferrochrome.*2025\/2621/s,
    );
  });

  it('refuses a default value for a product that is not a CBAM good', () => {
    expect(() =>
      loadScenario(withImpact('  cbam_default_t_co2_per_t: { chromium-metal: 1 }'), 't.yaml'),
    ).toThrow(/not a CBAM good/);
  });

  it('the appraisal charges default × (1 + mark-up) and says which basis it used', () => {
    const opts = { breakEvens: false };
    const actual = appraise(loadScenario(withImpact('  eu_export_share: 0.5'), 't.yaml'), opts);
    const dflt = appraise(
      loadScenario(
        withImpact(
          '  eu_export_share: 0.5\n  cbam_emissions: default\n  cbam_default_t_co2_per_t: { hc-ferrochrome: 2.35 }',
        ),
        't.yaml',
      ),
      opts,
    );
    expect(actual.emissions!.cbam_basis).toBe('actual');
    expect(dflt.emissions!.cbam_basis).toBe('default');
    const full = dflt.emissions!.cbam_by_year.find((b) => b.cost_usd > 0)!;
    expect(full).toBeDefined();
    // Cost is linear in embedded emissions: default/actual cost ratio = default e / direct e.
    const eActual = actual.emissions!.cbam_embedded_t_co2_per_t['hc-ferrochrome']!;
    for (const row of dflt.emissions!.cbam_by_year) {
      const a = actual.emissions!.cbam_by_year.find((b) => b.year === row.year)!.cost_usd;
      if (a <= 0) continue;
      const expected = (2.35 * (1 + cbamDefaultMarkup(cbam, row.year))) / eActual;
      expect(row.cost_usd / a).toBeCloseTo(expected, 9);
    }
  });
});
