/**
 * A validation problem of the core (src/scenario) in the user's language. The core writes its
 * messages in English from a small set of templates; these are recognised and rewritten in
 * Russian or Kazakh with their numbers, units and names kept. A message of no known template is
 * shown as the core wrote it.
 */
import type { Problem } from '../../src/scenario/problem.js';
import type { I18n } from './i18n.js';

type Rule = [RegExp, (m: RegExpExecArray, i18n: I18n) => string];

const CMP: Record<string, [string, string]> = {
  '>': ['больше', 'артық'],
  '<': ['меньше', 'кем'],
  '≥': ['не меньше', 'кем емес'],
  '≤': ['не больше', 'артық емес'],
  '>=': ['не меньше', 'кем емес'],
  '<=': ['не больше', 'артық емес'],
};

function pick(i18n: I18n, ru: string, kk: string): string {
  return i18n.lang === 'kk' ? kk : ru;
}

/** One bound of a range message: `≥ 1`, `> 0`, `<= 100`. */
const BOUND = / (>=|<=|>|<|≥|≤) ([-\d.e+]+)/g;

/** A bound as the core wrote it (`1`, `0.05`, `1e-9`), by locale, with exactly its digits. */
function boundText(raw: string, i: I18n): string {
  const x = Number(raw);
  if (/e/i.test(raw)) return raw.replace('-', '\u2212');
  return i.num(x, /\.(\d+)$/.exec(raw)?.[1]?.length ?? 0);
}

/**
 * `expected a finite number ≥ 1 ≤ 100000000 [t/year]` (src/scenario/quantity.ts describeRange:
 * a kind, any number of bounds, a unit) in Russian or Kazakh, the bounds joined with "и"/"және".
 */
function rangeText(m: RegExpExecArray, i: I18n): string {
  const integer = m[1] === 'an integer';
  const unit = m[3] ? ` [${i.unit(m[3])}]` : '';
  const bounds = [...(m[2] ?? '').matchAll(BOUND)].flatMap((b) => {
    const cmp = CMP[b[1] ?? ''];
    return cmp ? [{ words: cmp, value: boundText(b[2] ?? '', i) }] : [];
  });
  if (bounds.length === 0)
    return integer
      ? pick(i, `ожидается целое число${unit}`, `бүтін сан күтіледі${unit}`)
      : pick(i, `ожидается конечное число${unit}`, `шекті сан күтіледі${unit}`);
  const ru = bounds.map((b) => `${b.words[0]} ${b.value}`).join(' и ');
  const kk = bounds.map((b) => `${b.value}-ден ${b.words[1]}`).join(' және ');
  return pick(
    i,
    `ожидается ${integer ? 'целое число' : 'число'} ${ru}${unit}`,
    `${kk} ${integer ? 'бүтін сан' : 'сан'} күтіледі${unit}`,
  );
}

const RULES: Rule[] = [
  [
    /^expected (a finite number|an integer)((?: (?:>=|<=|>|<|≥|≤) [-\d.e+]+)*)(?: \[(.+)\])?$/,
    rangeText,
  ],
  [
    /^expected a calendar year ≥ (\d+)$/,
    (m, i) =>
      pick(
        i,
        `ожидается календарный год не ранее ${m[1]}`,
        `${m[1]} жылдан ерте емес күнтізбелік жыл күтіледі`,
      ),
  ],
  [
    /^expected a calendar year ≤ (\d+)$/,
    (m, i) =>
      pick(
        i,
        `ожидается календарный год не позднее ${m[1]}`,
        `${m[1]} жылдан кеш емес күнтізбелік жыл күтіледі`,
      ),
  ],
  [
    /^expected a calendar year \(integer\)$/,
    (_m, i) =>
      pick(i, 'ожидается календарный год (целое число)', 'күнтізбелік жыл (бүтін сан) күтіледі'),
  ],
  [
    /^unknown key; allowed here: (.+)$/,
    (m, i) =>
      pick(
        i,
        `неизвестный ключ; здесь допустимы: ${m[1]}`,
        `белгісіз кілт; мұнда рұқсат етілгендер: ${m[1]}`,
      ),
  ],
  [/^unknown key$/, (_m, i) => pick(i, 'неизвестный ключ', 'белгісіз кілт')],
  [
    /^duplicate id; already used by (.+)$/,
    (m, i) =>
      pick(
        i,
        `повторяющийся идентификатор; уже используется в ${m[1]}`,
        `қайталанатын сәйкестендіргіш; ${m[1]} ішінде қолданылған`,
      ),
  ],
  [
    /^expected an id of lowercase letters, digits and "-".*$/,
    (_m, i) =>
      pick(
        i,
        'ожидается идентификатор из строчных латинских букв, цифр и «-» (например, «hc-smelter»)',
        'кіші латын әріптерінен, сандардан және «-» таңбасынан тұратын сәйкестендіргіш күтіледі (мысалы, «hc-smelter»)',
      ),
  ],
  [
    /^expected at least one stage$/,
    (_m, i) => pick(i, 'нужна хотя бы одна очередь', 'кемінде бір кезең керек'),
  ],
  [
    /^expected at least one feed$/,
    (_m, i) => pick(i, 'нужен хотя бы один вид сырья', 'кемінде бір шикізат керек'),
  ],
  [
    /^(?:unknown [a-z ]+; )?expected one of (.+)$/,
    (m, i) => pick(i, `ожидается одно из: ${m[1]}`, `мыналардың бірі күтіледі: ${m[1]}`),
  ],
  [
    /^unknown data reference (.+)$/,
    (m, i) => pick(i, `неизвестная ссылка на данные ${m[1]}`, `белгісіз дерек сілтемесі ${m[1]}`),
  ],
  [
    /^missing required price: (.+)$/,
    (m, i) => pick(i, `не задана обязательная цена: ${m[1]}`, `міндетті баға берілмеген: ${m[1]}`),
  ],
  [
    /^the analysis sums to ([\d.]+) wt%; expected 100 ± (.+)$/,
    (m, i) =>
      pick(
        i,
        `сумма анализа ${i.num(Number(m[1]), 2)} мас. %; ожидается 100 ± ${m[2]}`,
        `талдау қосындысы ${i.num(Number(m[1]), 2)} масс. %; 100 ± ${m[2]} күтіледі`,
      ),
  ],
  [
    /^required: a dry analysis in wt% \(composition_wt_pct\) or a preset$/,
    (_m, i) =>
      pick(
        i,
        'нужен сухой анализ в мас. % (composition_wt_pct) или шаблон данных (preset)',
        'масс. % құрғақ талдау (composition_wt_pct) немесе дерек үлгісі (preset) керек',
      ),
  ],
  [
    /^not a numeric input of this scenario$/,
    (_m, i) =>
      pick(i, 'это не числовой параметр этого сценария', 'бұл сценарийдің сандық параметрі емес'),
  ],
  [
    /^this path already has a distribution$/,
    (_m, i) =>
      pick(
        i,
        'для этого параметра распределение уже задано',
        'бұл параметрдің үлестірімі бұрыннан берілген',
      ),
  ],
  [
    /^expected min < max(?:, found min (.+), max (.+))?$/,
    (m, i) =>
      pick(
        i,
        `ожидается min < max${m[1] ? `, указано min ${m[1]}, max ${m[2]}` : ''}`,
        `min < max күтіледі${m[1] ? `, көрсетілгені min ${m[1]}, max ${m[2]}` : ''}`,
      ),
  ],
  [
    /^expected min ≤ mode ≤ max with min < max, found (.+)$/,
    (m, i) =>
      pick(
        i,
        `ожидается min ≤ mode ≤ max при min < max, указано ${m[1]}`,
        `min < max болғанда min ≤ mode ≤ max күтіледі, көрсетілгені ${m[1]}`,
      ),
  ],
  [
    /^dangling reference: (.+)$/,
    (m, i) => pick(i, `ссылка в никуда: ${m[1]}`, `бос сілтеме: ${m[1]}`),
  ],
  [
    /^a stage cannot feed itself$/,
    (_m, i) => pick(i, 'очередь не может снабжать сама себя', 'кезең өзін-өзі жабдықтай алмайды'),
  ],
  [
    /^Invalid input: expected (\w+), received (\w+)$/,
    (m, i) =>
      pick(
        i,
        `неверное значение: ожидается ${m[1]}, получено ${m[2]}`,
        `қате мән: ${m[1]} күтіледі, алынғаны ${m[2]}`,
      ),
  ],
  [
    /^Too small: expected (\w+) to (?:be|have) (.+)$/,
    (m, i) =>
      pick(i, `слишком мало: ${m[1]} должно быть ${m[2]}`, `тым аз: ${m[1]} ${m[2]} болуы керек`),
  ],
  [
    /^Too big: expected (\w+) to (?:be|have) (.+)$/,
    (m, i) =>
      pick(i, `слишком много: ${m[1]} должно быть ${m[2]}`, `тым көп: ${m[1]} ${m[2]} болуы керек`),
  ],
];

/** The message of a problem in the user's language (without its path and location). */
export function messageText(message: string, i18n: I18n): string {
  if (i18n.lang === 'en') return message;
  for (const [re, f] of RULES) {
    const m = re.exec(message);
    if (m) return f(m, i18n);
  }
  return message;
}

/** Message, the value found and the suggestion, in the user's language. */
export function problemText(p: Problem, i18n: I18n): string {
  const found = 'value' in p ? `${i18n.t('found', { value: JSON.stringify(p.value) })}; ` : '';
  const hint =
    p.suggestion !== undefined ? ` (${i18n.t('did_you_mean', { s: p.suggestion })})` : '';
  return `${found}${messageText(p.message, i18n)}${hint}`;
}
