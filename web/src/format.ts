/**
 * The one number-formatting module of the web UI: every card, table, tooltip and axis formats
 * through it. Locale-aware (en-GB, ru-RU, kk-KZ), with units in the user's language, sensible
 * precision (about three significant digits unless asked otherwise) and a true minus sign (U+2212).
 *
 * Kazakh is formatted here rather than by the browser: Chromium's reduced ICU data has no `kk`
 * number symbols and falls back to English ("9.5", "311.8M"). Kazakh uses the decimal comma and
 * a no-break space between thousands, like Russian (CLDR `kk`: decimal ",", group U+00A0).
 */

export type Lang = 'en' | 'ru' | 'kk';

export const MINUS = '\u2212';
const NBSP = '\u00a0';

/** Locale of each language, for Intl where the browser supports it. */
export const LOCALES: Record<Lang, string> = { en: 'en-GB', ru: 'ru-RU', kk: 'kk-KZ' };

/** Words of the compact scales (thousand, million, billion) per language. */
const SCALE_WORDS: Record<Lang, [string, string, string]> = {
  en: ['k', 'M', 'bn'],
  ru: ['тыс.', 'млн', 'млрд'],
  kk: ['мың', 'млн', 'млрд'],
};

/**
 * Unit tokens in Russian and Kazakh. A unit string is translated token by token ("t/h" → "т/ч"),
 * so composite units need no entry of their own.
 */
const UNIT_TOKENS: Record<'ru' | 'kk', Record<string, string>> = {
  ru: {
    t: 'т',
    kt: 'тыс. т',
    Mt: 'млн т',
    kg: 'кг',
    mg: 'мг',
    g: 'г',
    h: 'ч',
    year: 'год',
    yr: 'год',
    a: 'год',
    years: 'лет',
    d: 'сут',
    day: 'сут',
    days: 'дн.',
    month: 'мес.',
    kWh: 'кВт·ч',
    MWh: 'МВт·ч',
    GWh: 'ГВт·ч',
    kW: 'кВт',
    MW: 'МВт',
    MVA: 'МВ·А',
    GJ: 'ГДж',
    MJ: 'МДж',
    kJ: 'кДж',
    K: 'К',
    'Pa·s': 'Па·с',
    m3: 'м³',
    'm³': 'м³',
    m2: 'м²',
    Nm3: 'нм³',
    'Nm³': 'нм³',
    m: 'м',
    mm: 'мм',
    um: 'мкм',
    µm: 'мкм',
    lb: 'фунт',
    KZT: 'тенге',
    RMB: 'юань',
    EUR: 'EUR',
    USD: 'USD',
    'wt%': 'мас. %',
    'wt %': 'мас. %',
    Cr: 'Cr',
    CO2: 'CO₂',
    'CO₂': 'CO₂',
    jobs: 'раб. мест',
    people: 'чел.',
    '-': '–',
    '–': '–',
  },
  kk: {
    t: 'т',
    kt: 'мың т',
    Mt: 'млн т',
    kg: 'кг',
    mg: 'мг',
    g: 'г',
    h: 'сағ',
    year: 'жыл',
    yr: 'жыл',
    a: 'жыл',
    years: 'жыл',
    d: 'тәул.',
    day: 'тәул.',
    days: 'күн',
    month: 'ай',
    kWh: 'кВт·сағ',
    MWh: 'МВт·сағ',
    GWh: 'ГВт·сағ',
    kW: 'кВт',
    MW: 'МВт',
    MVA: 'МВ·А',
    GJ: 'ГДж',
    MJ: 'МДж',
    kJ: 'кДж',
    K: 'К',
    'Pa·s': 'Па·с',
    m3: 'м³',
    'm³': 'м³',
    m2: 'м²',
    Nm3: 'нм³',
    'Nm³': 'нм³',
    m: 'м',
    mm: 'мм',
    um: 'мкм',
    µm: 'мкм',
    lb: 'фунт',
    KZT: 'теңге',
    RMB: 'юань',
    EUR: 'EUR',
    USD: 'USD',
    'wt%': 'масс. %',
    'wt %': 'масс. %',
    Cr: 'Cr',
    CO2: 'CO₂',
    'CO₂': 'CO₂',
    jobs: 'жұмыс орны',
    people: 'адам',
    '-': '–',
    '–': '–',
  },
};

/** Words after a count, by plural category (Intl.PluralRules), per language. */
const COUNT_WORDS: Record<string, Record<Lang, Partial<Record<Intl.LDMLPluralRule, string>>>> = {
  year: {
    en: { one: 'year', other: 'years' },
    ru: { one: 'год', few: 'года', many: 'лет', other: 'года' },
    kk: { one: 'жыл', other: 'жыл' },
  },
  input: {
    en: { one: 'input', other: 'inputs' },
    ru: {
      one: 'входной параметр',
      few: 'входных параметра',
      many: 'входных параметров',
      other: 'входного параметра',
    },
    kk: { one: 'кіріс параметрі', other: 'кіріс параметрі' },
  },
  problem: {
    en: { one: 'problem', other: 'problems' },
    ru: { one: 'ошибка', few: 'ошибки', many: 'ошибок', other: 'ошибки' },
    kk: { one: 'қате', other: 'қате' },
  },
  sample: {
    en: { one: 'sample', other: 'samples' },
    ru: { one: 'выборка', few: 'выборки', many: 'выборок', other: 'выборки' },
    kk: { one: 'іріктеме', other: 'іріктеме' },
  },
  scenario: {
    en: { one: 'scenario', other: 'scenarios' },
    ru: { one: 'сценарий', few: 'сценария', many: 'сценариев', other: 'сценария' },
    kk: { one: 'сценарий', other: 'сценарий' },
  },
  run: {
    en: { one: 'run', other: 'runs' },
    ru: { one: 'расчёт', few: 'расчёта', many: 'расчётов', other: 'расчёта' },
    kk: { one: 'есептеу', other: 'есептеу' },
  },
  job: {
    en: { one: 'job', other: 'jobs' },
    ru: {
      one: 'рабочее место',
      few: 'рабочих места',
      many: 'рабочих мест',
      other: 'рабочего места',
    },
    kk: { one: 'жұмыс орны', other: 'жұмыс орны' },
  },
};
export type CountWord = keyof typeof COUNT_WORDS;

export interface Formatter {
  lang: Lang;
  locale: string;
  /** Fixed fraction digits, grouped, true minus. */
  num: (x: number, digits?: number) => string;
  /** About `sig` significant digits (at most 3 fraction digits; integers ≥ 10^sig unchanged). */
  sig: (x: number, sig?: number) => string;
  /** Value with its unit (translated), e.g. "125.6 t/h"; sensible precision unless `digits`. */
  qty: (x: number, unit: string, digits?: number) => string;
  /** The unit in the user's language ("t/h" → "т/ч"). */
  unit: (unit: string) => string;
  /** Money in compact form: "USD 235.8 M" (en), "235,8 млн USD" (ru, kk). */
  money: (x: number, currency?: string) => string;
  /** Money in millions without the scale word, for axes labelled "USD M". */
  millions: (x: number, digits?: number) => string;
  /** Label of a money axis in millions: "USD M", "млн USD". */
  millionsUnit: (currency?: string) => string;
  /** A fraction as per cent: 0.095 → "9.5 %". */
  pct: (fraction: number, digits?: number) => string;
  /** A count with its word in the right plural form: "10.3 years", "10,3 года". */
  count: (x: number, word: CountWord, digits?: number) => string;
  /** Signed difference (always with + or −). */
  delta: (x: number, unitOrMoney: string, digits?: number) => string;
  /** A date (and time) by locale. */
  date: (iso: string, withTime?: boolean) => string;
}

/** Fraction digits for about `sig` significant digits of x. */
export function sigDigits(x: number, sig = 3): number {
  if (!Number.isFinite(x) || x === 0) return 0;
  const magnitude = Math.floor(Math.log10(Math.abs(x)));
  return Math.max(0, Math.min(3, sig - 1 - magnitude));
}

/** Digits grouped by threes with `group`, decimals after `decimal` (Kazakh, by hand). */
function groupDigits(x: number, digits: number, group: string, decimal: string): string {
  const fixed = Math.abs(x).toFixed(digits);
  const [int = '0', frac] = fixed.split('.');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, group);
  return frac === undefined ? grouped : `${grouped}${decimal}${frac}`;
}

export function makeFormatter(lang: Lang): Formatter {
  const locale = LOCALES[lang];
  const plural = new Intl.PluralRules(lang === 'kk' ? 'kk' : locale);
  const cache = new Map<number, Intl.NumberFormat>();
  const num = (x: number, digits = 0): string => {
    if (!Number.isFinite(x)) return '—';
    // −0.0 prints as 0.
    const rounded = Number(x.toFixed(digits));
    const negative = rounded < 0;
    let body: string;
    if (lang === 'kk') body = groupDigits(rounded, digits, NBSP, ',');
    else {
      let f = cache.get(digits);
      if (!f) {
        f = new Intl.NumberFormat(locale, {
          minimumFractionDigits: digits,
          maximumFractionDigits: digits,
        });
        cache.set(digits, f);
      }
      body = f.format(Math.abs(rounded));
      // Russian groups with U+202F (narrow no-break space) or U+00A0: keep it unbreakable.
    }
    return negative ? MINUS + body : body;
  };
  const sig = (x: number, s = 3): string => num(x, sigDigits(x, s));
  const unit = (u: string): string => {
    if (lang === 'en' || u === '') return u;
    const dict = UNIT_TOKENS[lang];
    const whole = dict[u];
    if (whole !== undefined) return whole;
    return u
      .split(/([/·*\s()])/)
      .map((tok) => dict[tok] ?? tok)
      .join('');
  };
  const qty = (x: number, u: string, digits?: number): string => {
    const n = digits === undefined ? sig(x) : num(x, digits);
    if (u === '') return n;
    if (u === '%') return `${n}${NBSP}%`;
    if (u === '×') return `${n}×`; // a cover ratio, as the finance panel writes it
    return `${n}${NBSP}${unit(u)}`;
  };
  const scaled = (x: number): { value: number; word: string } => {
    const a = Math.abs(x);
    const [k, m, b] = SCALE_WORDS[lang];
    if (a >= 1e9) return { value: x / 1e9, word: b };
    if (a >= 1e6) return { value: x / 1e6, word: m };
    if (a >= 1e3) return { value: x / 1e3, word: k };
    return { value: x, word: '' };
  };
  const money = (x: number, currency = 'USD'): string => {
    if (!Number.isFinite(x)) return '—';
    const { value, word } = scaled(x);
    const n = num(value, Math.abs(value) >= 100 ? 0 : 1);
    if (lang === 'en') return `${currency}${NBSP}${n}${word ? NBSP + word : ''}`;
    return `${n}${word ? NBSP + word : ''}${NBSP}${currency}`;
  };
  const millionsUnit = (currency = 'USD'): string =>
    lang === 'en' ? `${currency} M` : `${SCALE_WORDS[lang][1]} ${currency}`;
  const countWord = (x: number, word: CountWord): string => {
    const forms = COUNT_WORDS[word]?.[lang] ?? {};
    const category = plural.select(x);
    return forms[category] ?? forms.other ?? word;
  };
  const dateFmt = (withTime: boolean): Intl.DateTimeFormat =>
    // Numeric day.month.year in Kazakh (the browser may have no kk date names).
    new Intl.DateTimeFormat(lang === 'kk' ? 'ru-RU' : locale, {
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      ...(withTime ? { hour: '2-digit', minute: '2-digit' } : {}),
    });
  return {
    lang,
    locale,
    num,
    sig,
    qty,
    unit,
    money,
    millions: (x, digits) => num(x / 1e6, digits ?? sigDigits(x / 1e6, 3)),
    millionsUnit,
    pct: (fraction, digits = 1) => `${num(fraction * 100, digits)}${NBSP}%`,
    count: (x, word, digits) =>
      `${digits === undefined ? sig(x) : num(x, digits)}${NBSP}${countWord(x, word)}`,
    delta: (x, u, digits) => {
      const body = u === 'money' ? money(Math.abs(x)) : qty(Math.abs(x), u, digits);
      return `${x < 0 ? MINUS : '+'}${body}`;
    },
    date: (iso, withTime = false) => {
      const d = new Date(iso);
      return Number.isNaN(d.getTime()) ? iso : dateFmt(withTime).format(d);
    },
  };
}
