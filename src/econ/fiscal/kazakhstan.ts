// Kazakhstan's fiscal regime: rates with effective dates, units, sources and statuses from
// data/fiscal/kazakhstan.json (validated once at load).
import { z } from 'zod';
import data from '../../../data/fiscal/kazakhstan.json' with { type: 'json' };
import type { DepreciationGroup, FiscalRegime, FiscalYearRates } from './fiscal-regime.js';
import { rateInForce } from './rate-in-force.js';

const entry = z
  .object({
    effective_from: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
    value: z.number().min(0).max(1),
    unit: z.string().min(1),
    source: z.string().min(1),
    status: z.enum(['verified', 'derived', 'assumed']),
    reason: z.string().optional(),
    note: z.string().optional(),
  })
  .refine((e) => e.status !== 'assumed' || (e.reason ?? '') !== '', {
    message: 'an assumed rate needs a reason',
  });

const sourced = z.object({
  value: z.number().min(0),
  unit: z.string(),
  source: z.string(),
  status: z.enum(['verified', 'derived', 'assumed']),
  reason: z.string().optional(),
});

const group = z.object({
  group: z.string(),
  max_rate: z.number().gt(0).lte(1),
  description: z.string(),
});

const schema = z.object({
  id: z.string(),
  name: z.string(),
  rates: z.object({
    cit: z.array(entry).min(1),
    vat: z.array(entry).min(1),
    vat_export: z.array(entry).min(1),
    property_tax: z.array(entry).min(1),
    met_chrome_ore: z.array(entry).min(1),
    social_tax: z.array(entry).min(1),
    social_contributions: z.array(entry).min(1),
    medical_contributions: z.array(entry).min(1),
    pension_employer: z.array(entry).min(1),
  }),
  vat_refund_lag_months: sourced,
  loss_carry_forward_years: sourced,
  depreciation_groups: z.object({
    source: z.string(),
    status: z.enum(['verified', 'derived', 'assumed']),
    groups: z.object({ buildings: group, machinery: group, computers: group, other: group }),
  }),
  investment_preferences: z.object({
    source: z.string(),
    status: z.enum(['verified', 'derived', 'assumed']),
    cit_exemption_years_max: z.number().int().min(0),
    property_tax_exemption_years: z.number().int().min(0),
    land_tax_exemption_years: z.number().int().min(0),
  }),
});

/** The parsed data file (exported for provenance reports and tests). */
export const KAZAKHSTAN_FISCAL_DATA = schema.parse(data);

const r = KAZAKHSTAN_FISCAL_DATA.rates;
/** The rates in force in a year (throws for a year the data do not cover). */
function ratesOf(year: number): FiscalYearRates {
  return Object.freeze({
    year,
    cit: rateInForce(r.cit, year, 'cit'),
    vat: rateInForce(r.vat, year, 'vat'),
    vat_export: rateInForce(r.vat_export, year, 'vat_export'),
    property_tax: rateInForce(r.property_tax, year, 'property_tax'),
    met: rateInForce(r.met_chrome_ore, year, 'met_chrome_ore'),
    social_tax: rateInForce(r.social_tax, year, 'social_tax'),
    social_contributions: rateInForce(r.social_contributions, year, 'social_contributions'),
    medical_contributions: rateInForce(r.medical_contributions, year, 'medical_contributions'),
    pension_employer: rateInForce(r.pension_employer, year, 'pension_employer'),
  });
}

/**
 * The rates of every year from 1990 to 2200 the data cover, built once at load (a constant of
 * data/fiscal/kazakhstan.json; a cash-flow table reads them for each of its rows).
 */
const RATES_BY_YEAR: ReadonlyMap<number, FiscalYearRates> = (() => {
  const table = new Map<number, FiscalYearRates>();
  for (let year = 1990; year <= 2200; year++) {
    try {
      table.set(year, ratesOf(year));
    } catch {
      // not covered by the data: ratesFor computes it and throws the data's error
    }
  }
  return table;
})();

/**
 * Kazakhstan: CIT 20 %, VAT 12 % → 16 % from 1 Jan 2026 (exports zero-rated, input VAT
 * refunded after a lag), property tax on buildings, MET 21.06 % on chrome ore (when mining is
 * inside the boundary), employer payroll levies, declining-balance depreciation groups
 * (buildings 10 %, machinery 25 %, computers 40 %, other 15 %), and priority-project
 * preferences (CIT exemption up to 10 years, property tax 0 for 8 years, land tax 0 for 10).
 * Every value, with its effective date, unit, source and status: data/fiscal/kazakhstan.json.
 */
export const kazakhstan: FiscalRegime = {
  id: KAZAKHSTAN_FISCAL_DATA.id,
  name: KAZAKHSTAN_FISCAL_DATA.name,
  ratesFor(year: number): FiscalYearRates {
    return RATES_BY_YEAR.get(year) ?? ratesOf(year);
  },
  depreciationRate(g: DepreciationGroup): number {
    return KAZAKHSTAN_FISCAL_DATA.depreciation_groups.groups[g].max_rate;
  },
  lossCarryForwardYears: KAZAKHSTAN_FISCAL_DATA.loss_carry_forward_years.value,
  vatRefundLagMonths: KAZAKHSTAN_FISCAL_DATA.vat_refund_lag_months.value,
  maxPreferences: {
    cit_exemption_years: KAZAKHSTAN_FISCAL_DATA.investment_preferences.cit_exemption_years_max,
    property_tax_exemption_years:
      KAZAKHSTAN_FISCAL_DATA.investment_preferences.property_tax_exemption_years,
    land_tax_exemption_years:
      KAZAKHSTAN_FISCAL_DATA.investment_preferences.land_tax_exemption_years,
  },
  rateTable: r,
};
