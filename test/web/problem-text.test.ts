// Validation problems of the core in the user's language (web/src/problem-text.ts): the range
// messages of src/scenario/quantity.ts (one bound, two bounds, integers) are rewritten in Russian
// and Kazakh with their numbers formatted by locale and their unit translated; no English word
// of the template is left.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../src/scenario/load.js';
import { makeI18n } from '../../web/src/i18n.js';
import { messageText, problemText } from '../../web/src/problem-text.js';

const sp = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');
const STAGE1 = readFileSync('scenarios/aktobe-stage1.yaml', 'utf8');

/** The core's problem at `field` when the smelter's capacity line is replaced by `capacity`. */
function capacityProblem(capacity: string) {
  const text = STAGE1.replace(/(capacity_t_per_year:\n\s+value:) 80000/, `$1 ${capacity}`);
  const r = parseScenario(text, 'aktobe-stage1.yaml');
  if (r.ok) throw new Error('expected a problem');
  const p = r.problems.find((x) => x.path.endsWith('capacity_t_per_year'));
  if (!p) throw new Error(`no capacity problem in ${JSON.stringify(r.problems)}`);
  return p;
}

describe('problem-text.ts', () => {
  it('a range with two bounds (input limits): both bounds, locale numbers, unit translated', () => {
    const p = capacityProblem('-5');
    expect(p.message).toMatch(/^expected a finite number ≥ \S+ ≤ \S+ \[t\/year\]$/);
    const ru = sp(problemText(p, makeI18n('ru')));
    expect(ru).toMatch(
      /^указано -5; ожидается число не меньше 1 и не больше 100 000 000 \[т\/год\]$/,
    );
    const kk = sp(problemText(p, makeI18n('kk')));
    expect(kk).toMatch(/1-ден кем емес және 100 000 000-ден артық емес сан күтіледі \[т\/жыл\]$/);
    for (const s of [ru, kk]) expect(s).not.toMatch(/expected|finite|number/);
    // English is the core's own text.
    expect(problemText(p, makeI18n('en'))).toBe(`found -5; ${p.message}`);
  });

  it('one bound, an integer, no bound', () => {
    const ru = makeI18n('ru');
    expect(messageText('expected a finite number > 0 [t/year]', ru)).toBe(
      'ожидается число больше 0 [т/год]',
    );
    expect(sp(messageText('expected an integer ≥ 1 ≤ 60 [years]', ru))).toMatch(
      /^ожидается целое число не меньше 1 и не больше 60 \[\S+\]$/,
    );
    expect(messageText('expected a finite number', ru)).toBe('ожидается конечное число');
    expect(messageText('expected a finite number ≥ 0.05 ≤ 1e-9', ru)).toBe(
      'ожидается число не меньше 0,05 и не больше 1e\u22129',
    );
    expect(messageText('expected an integer', makeI18n('kk'))).toBe('бүтін сан күтіледі');
  });
});
