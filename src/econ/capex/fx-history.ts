/**
 * Annual-average exchange rates by year (data/markets/fx-history.json), to convert a cost at the
 * rate of its own year. A currency or year without a rate is an error, never a guess.
 */
import data from '../../../data/markets/fx-history.json' with { type: 'json' };
import { InputError } from '../../errors.js';

interface Rate {
  value: number;
  source: string;
  status: string;
}

const RATES: Readonly<Record<string, Readonly<Record<string, Rate>>>> = data.rates;

/** A dated rate with its provenance. */
export interface DatedRate extends Rate {
  currency: string;
  year: number;
}

/**
 * Units of `currency` per USD in `year` (annual average); 1 for USD.
 * @throws InputError naming the currency and year when data/markets/fx-history.json has no rate
 */
export function fxPerUsd(currency: string, year: number): DatedRate {
  if (currency === 'USD')
    return { currency, year, value: 1, source: 'the US dollar itself', status: 'verified' };
  const r = RATES[currency]?.[String(year)];
  if (!r)
    throw new InputError(
      `data/markets/fx-history.json#rates.${currency}.${year}`,
      undefined,
      `an annual-average ${currency}/USD rate for ${year} (years given: ${Object.keys(RATES[currency] ?? {}).join(', ') || 'none'})`,
    );
  return { currency, year, ...r };
}
