/**
 * Languages of the UI: English, Russian (the region's working language) and Kazakh, complete
 * (messages.ts, labels.ts). Numbers, units, money and dates go through format.ts.
 */
import { createContext, useContext } from 'react';
import { makeFormatter, type Formatter, type Lang } from './format.js';
import {
  CATEGORY_NAMES,
  COST_CLASS_NAMES,
  DRIVER_NAMES,
  FIELD_NAMES,
  KIND_NAMES,
  nameOf,
  OUTPUT_NAMES,
  outputUnit,
  PRODUCT_NAMES,
  STATUS_NAMES,
  TEMPLATE_NAMES,
  kindFamily,
} from './labels.js';
import { en, kk, ru, type Dict, type MessageId } from './messages.js';

export type { Lang, MessageId };
export const LANGS: { id: Lang; label: string; name: string }[] = [
  { id: 'en', label: 'EN', name: 'English' },
  { id: 'ru', label: 'RU', name: 'Русский' },
  { id: 'kk', label: 'KK', name: 'Қазақша' },
];

export const DICTS: Record<Lang, Dict> = { en, ru, kk };

export interface I18n extends Formatter {
  /** The message in the language, with `{name}` placeholders filled. */
  t: (id: MessageId, vars?: Record<string, string | number>) => string;
  /** Compact money (alias of `money`). */
  usd: (x: number) => string;
  field: (key: string) => string;
  category: (key: string) => string;
  driver: (key: string) => string;
  product: (key: string) => string;
  /** Name of a unit kind's family (furnace, kiln, …). */
  kind: (kind: string) => string;
  status: (key: string) => string;
  /** Name of a flowsheet template as a route (`fecr-dc`). */
  route: (template: string) => string;
  /** Name of a reference cost class (`china-epc`). */
  costClass: (id: string) => string;
  /** Readable name of an appraisal output path (`stages.smelter.metrics.npv_usd`). */
  output: (path: string) => string;
  /** A value of an appraisal output with its unit. */
  outputValue: (path: string, x: number) => string;
}

export function makeI18n(lang: Lang): I18n {
  const f = makeFormatter(lang);
  const dict = DICTS[lang];
  const t = (id: MessageId, vars?: Record<string, string | number>): string => {
    const s = dict[id];
    if (!vars) return s;
    return s.replace(/\{(\w+)\}/g, (m, k: string) => {
      const v = vars[k];
      return v === undefined ? m : String(v);
    });
  };
  const output = (path: string): string => {
    const parts = path.split('.');
    const key = parts[parts.length - 1] ?? path;
    const name = nameOf(OUTPUT_NAMES, key, lang);
    if (parts[0] === 'stages' && parts.length > 2) {
      const product =
        parts[2] === 'products' ? ` ${nameOf(PRODUCT_NAMES, parts[3] ?? '', lang)}` : '';
      return `${name}${product} (${parts[1] ?? ''})`;
    }
    return name;
  };
  const outputValue = (path: string, x: number): string => {
    const u = outputUnit(path);
    if (u.kind === 'money') return f.money(x);
    if (u.kind === 'pct') return f.pct(x);
    if (u.unit === 'years') return f.count(x, 'year', 1);
    return f.qty(x - (u.origin ?? 0), u.unit);
  };
  return {
    ...f,
    t,
    usd: (x) => f.money(x),
    field: (key) => nameOf(FIELD_NAMES, key, lang),
    category: (key) => nameOf(CATEGORY_NAMES, key, lang),
    driver: (key) => nameOf(DRIVER_NAMES, key, lang),
    product: (key) => nameOf(PRODUCT_NAMES, key, lang),
    kind: (kind) => nameOf(KIND_NAMES, kindFamily(kind), lang),
    status: (key) => nameOf(STATUS_NAMES, key, lang),
    route: (template) => nameOf(TEMPLATE_NAMES, template, lang),
    costClass: (id) => nameOf(COST_CLASS_NAMES, id, lang),
    output,
    outputValue,
  };
}

export const I18nContext = createContext<I18n>(makeI18n('en'));

export function useI18n(): I18n {
  return useContext(I18nContext);
}
