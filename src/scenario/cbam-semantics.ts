/**
 * Rules of the CBAM emission basis (impact.cbam_emissions): with `default`, every priced product
 * that is a CBAM good needs its default value from Implementing Regulation (EU) 2025/2621
 * Annex I, and only CBAM goods may be given one. The regulation's numbers are per country and
 * CN code; chromflow does not ship Kazakhstan's table (not yet read from the act), so the user
 * enters it rather than the model guessing one.
 */
import { CBAM_COVERAGE } from '../impact/cbam-coverage.js';
import type { Scenario } from './schema.js';
import type { SemanticIssue } from './semantics.js';

export function checkCbamDefaults(s: Scenario): SemanticIssue[] {
  const issues: SemanticIssue[] = [];
  const given = s.impact.cbam_default_t_co2_per_t ?? {};
  for (const id of Object.keys(given))
    if (!CBAM_COVERAGE[id]?.covered)
      issues.push({
        severity: 'error',
        path: ['impact', 'cbam_default_t_co2_per_t', id],
        value: id,
        message: `${id} is not a CBAM good (Regulation (EU) 2023/956 Annex I); covered: ${coveredIds().join(', ')}`,
      });
  if (s.impact.cbam_emissions !== 'default') return issues;
  for (const p of s.markets.products)
    if (CBAM_COVERAGE[p.id]?.covered && given[p.id] === undefined)
      issues.push({
        severity: 'error',
        path: ['impact', 'cbam_default_t_co2_per_t', p.id],
        message: `impact.cbam_emissions is default, so ${p.id} (CN ${CBAM_COVERAGE[p.id]?.cn_code}) needs its default value without mark-up [t/t] from the Kazakhstan table of Implementing Regulation (EU) 2025/2621 Annex I`,
      });
  return issues;
}

function coveredIds(): string[] {
  return Object.entries(CBAM_COVERAGE)
    .filter(([, c]) => c.covered)
    .map(([id]) => id);
}
