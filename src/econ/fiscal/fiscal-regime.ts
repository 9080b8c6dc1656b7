// The fiscal-regime plug-in interface. A country is one file implementing `FiscalRegime`
// (e.g. kazakhstan.ts); the cash-flow tax engine only asks it for rates by year and rules.

/** Tax-depreciation pools (Kazakh groups I–IV; other regimes map their classes onto them). */
export type DepreciationGroup = 'buildings' | 'machinery' | 'computers' | 'other';

/** Every depreciation group, in a fixed order. */
export const DEPRECIATION_GROUPS: readonly DepreciationGroup[] = [
  'buildings',
  'machinery',
  'computers',
  'other',
];

/** Status of a number: verified (the source states it), derived, or assumed (with a reason). */
export type SourceStatus = 'verified' | 'derived' | 'assumed';

/** One dated value of a rate with its provenance. */
export interface RateEntry {
  /** First day the value applies, ISO `YYYY-MM-DD`. */
  effective_from: string;
  /** The rate [fraction unless `unit` says otherwise]. */
  value: number;
  /** What the value is a fraction of (or its unit). */
  unit: string;
  source: string;
  status: SourceStatus;
  /** Why the value is assumed (required for `assumed`). */
  reason?: string | undefined;
  note?: string | undefined;
}

/** Rates in force in one calendar year [fractions]. */
export interface FiscalYearRates {
  year: number;
  /** Corporate income tax [fraction of taxable income]. */
  cit: number;
  /** Standard VAT on domestic sales and purchases [fraction of VAT-exclusive amount]. */
  vat: number;
  /** VAT on exports [fraction], 0 when zero-rated. */
  vat_export: number;
  /** Property tax [fraction of the average book value of buildings per year]. */
  property_tax: number;
  /** Mineral extraction tax [fraction of the value of extracted mineral]. */
  met: number;
  /** Employer levies on gross wages [fraction of wages]. */
  social_tax: number;
  social_contributions: number;
  medical_contributions: number;
  pension_employer: number;
}

/** Tax holidays of an investment-preference contract [years from the first operating year]. */
export interface FiscalPreferences {
  cit_exemption_years: number;
  property_tax_exemption_years: number;
  land_tax_exemption_years: number;
}

/** A country's tax rules as the cash-flow engine needs them. */
export interface FiscalRegime {
  readonly id: string;
  readonly name: string;
  /** Rates in force on 1 January of `year` (annual model). @throws InputError before the first entry. */
  ratesFor(year: number): FiscalYearRates;
  /** Maximum declining-balance rate of a group [fraction of the pool balance per year]. */
  depreciationRate(group: DepreciationGroup): number;
  /** Years a tax loss can be carried forward [years]. */
  readonly lossCarryForwardYears: number;
  /** Delay from paying input VAT to recovering it (offset or refund) [months]. */
  readonly vatRefundLagMonths: number;
  /** The most generous preferences the law allows for a priority project [years]. */
  readonly maxPreferences: FiscalPreferences;
  /** Every dated rate with its provenance, keyed by rate name. */
  readonly rateTable: Readonly<Record<string, readonly RateEntry[]>>;
}
