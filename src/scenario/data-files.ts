/**
 * The reference-data files the scenario layer draws defaults from, by id (their path under
 * `data/` without `.json`). Imported as JSON modules so the core stays free of file I/O and
 * the same defaults reach the CLI, the server and the browser.
 */
import type { DataFile, DataValue } from '../provenance/data-value.js';
import { checkDataFile } from '../provenance/data-file-schema.js';
import type { Param } from '../provenance/param.js';
import { InputError } from '../errors.js';
import prices from '../../data/markets/prices-2025.json' with { type: 'json' };
import fx from '../../data/markets/fx.json' with { type: 'json' };
import consumables from '../../data/markets/consumables-assumed.json' with { type: 'json' };
import logistics from '../../data/markets/logistics-assumed.json' with { type: 'json' };
import electricity from '../../data/markets/electricity-kazakhstan.json' with { type: 'json' };
import kempirsaiConcentrate from '../../data/feeds/kempirsai-concentrate.json' with { type: 'json' };
import cepci from '../../data/capex/cepci.json' with { type: 'json' };
import estimatingFactors from '../../data/capex/estimating-factors.json' with { type: 'json' };
import kempirsaiRom from '../../data/feeds/kempirsai-rom-ore.json' with { type: 'json' };
import operatingDefaults from '../../data/process/operating-defaults.json' with { type: 'json' };
import appraisalDefaults from '../../data/finance/appraisal-defaults.json' with { type: 'json' };
import cbam from '../../data/impact/cbam.json' with { type: 'json' };
import regionalDefaults from '../../data/impact/regional-defaults.json' with { type: 'json' };
import opexDefaults from '../../data/econ/opex-defaults.json' with { type: 'json' };
import priceDeck from '../../data/markets/price-deck-2025.json' with { type: 'json' };
import logisticsChina from '../../data/markets/logistics-china.json' with { type: 'json' };
import chinaImport from '../../data/markets/china-import.json' with { type: 'json' };
import jobs from '../../data/impact/jobs.json' with { type: 'json' };
import concentrateFormula from '../../data/markets/concentrate-formula.json' with { type: 'json' };
import chromiumMetalMarket from '../../data/markets/chromium-metal-market.json' with { type: 'json' };
import lenders from '../../data/finance/lenders.json' with { type: 'json' };
import financingDefaults from '../../data/finance/financing-defaults.json' with { type: 'json' };
import withholdingTax from '../../data/finance/withholding-tax.json' with { type: 'json' };
import inflation from '../../data/finance/inflation.json' with { type: 'json' };
import costIndices from '../../data/finance/cost-indices.json' with { type: 'json' };
import schedule from '../../data/capex/schedule.json' with { type: 'json' };

export const DATA_FILES: Readonly<Record<string, DataFile>> = {
  'markets/prices-2025': checkDataFile('markets/prices-2025', prices),
  'markets/fx': checkDataFile('markets/fx', fx),
  'markets/consumables-assumed': checkDataFile('markets/consumables-assumed', consumables),
  'markets/logistics-assumed': checkDataFile('markets/logistics-assumed', logistics),
  'markets/electricity-kazakhstan': checkDataFile('markets/electricity-kazakhstan', electricity),
  'feeds/kempirsai-concentrate': checkDataFile('feeds/kempirsai-concentrate', kempirsaiConcentrate),
  'feeds/kempirsai-rom-ore': checkDataFile('feeds/kempirsai-rom-ore', kempirsaiRom),
  'process/operating-defaults': checkDataFile('process/operating-defaults', operatingDefaults),
  'capex/cepci': checkDataFile('capex/cepci', cepci),
  'capex/estimating-factors': checkDataFile('capex/estimating-factors', estimatingFactors),
  'finance/appraisal-defaults': checkDataFile('finance/appraisal-defaults', appraisalDefaults),
  'impact/cbam': checkDataFile('impact/cbam', cbam),
  'impact/regional-defaults': checkDataFile('impact/regional-defaults', regionalDefaults),
  'econ/opex-defaults': checkDataFile('econ/opex-defaults', opexDefaults),
  'markets/price-deck-2025': checkDataFile('markets/price-deck-2025', priceDeck),
  'markets/logistics-china': checkDataFile('markets/logistics-china', logisticsChina),
  'markets/china-import': checkDataFile('markets/china-import', chinaImport),
  'impact/jobs': checkDataFile('impact/jobs', jobs),
  'markets/concentrate-formula': checkDataFile('markets/concentrate-formula', concentrateFormula),
  'markets/chromium-metal-market': checkDataFile(
    'markets/chromium-metal-market',
    chromiumMetalMarket,
  ),
  'finance/lenders': checkDataFile('finance/lenders', lenders),
  'finance/financing-defaults': checkDataFile('finance/financing-defaults', financingDefaults),
  'finance/withholding-tax': checkDataFile('finance/withholding-tax', withholdingTax),
  'finance/inflation': checkDataFile('finance/inflation', inflation),
  'finance/cost-indices': checkDataFile('finance/cost-indices', costIndices),
  'capex/schedule': checkDataFile('capex/schedule', schedule),
};

/** Feed presets: data files whose values are an oxide analysis in wt% (+ moisture). */
export const FEED_PRESETS: Readonly<Record<string, string>> = {
  'kempirsai-concentrate': 'feeds/kempirsai-concentrate',
  'kempirsai-rom-ore': 'feeds/kempirsai-rom-ore',
};

/** A reference to one data value: `<file id>#<key>`. */
export type DataRef = `${string}#${string}`;

/**
 * Every data value by its full reference, built once from the immutable data files: a Monte
 * Carlo sample resolves hundreds of references, and splitting each string was ≈ 4 % of a sample.
 * A derived constant, not a cache: it holds nothing the data files do not.
 */
const DATA_VALUES_BY_REF: ReadonlyMap<string, DataValue> = new Map(
  Object.entries(DATA_FILES).flatMap(([file, data]) =>
    Object.entries(data.values).map(([key, v]): [string, DataValue] => [`${file}#${key}`, v]),
  ),
);

/** Looks up one data value; throws a clear error for a dangling reference (a bug in code or data). */
export function dataValue(ref: DataRef): DataValue {
  const entry = DATA_VALUES_BY_REF.get(ref);
  if (!entry) {
    const file = ref.split('#')[0] ?? ref;
    throw new InputError('data reference', ref, `an entry of data/${file}.json`);
  }
  return entry;
}

/** The `Param` for a default taken from a data file, with its provenance. */
export function defaultParam(ref: DataRef): Param {
  const v = dataValue(ref);
  const param: Param = { value: v.value, unit: v.unit, source: v.source, status: v.status, ref };
  if (v.note !== undefined) param.note = v.note;
  return param;
}

/** The Param for `ref` when it names an existing data value, else undefined. */
export function lookupDataRef(ref: string): Param | undefined {
  if (!DATA_VALUES_BY_REF.has(ref)) return undefined;
  return defaultParam(ref as DataRef);
}

/** The data value `ref` names, else undefined (no `Param` built: for hot paths reading `value`). */
export function lookupDataValue(ref: string): DataValue | undefined {
  return DATA_VALUES_BY_REF.get(ref);
}

/** Every `<file>#<key>` reference that exists, for suggestions and documentation. */
export function allDataRefs(): string[] {
  return Object.entries(DATA_FILES).flatMap(([file, f]) =>
    Object.keys(f.values).map((k) => `${file}#${k}`),
  );
}
