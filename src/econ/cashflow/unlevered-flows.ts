/**
 * The project (unlevered) rows of a cash-flow table, in money of the day: escalation,
 * utilisation, production, revenue, opex, capex, working capital, tax depreciation and every
 * tax. Everything the table builder needs before the debt tranche, and everything a sample's
 * headline outputs read (they read no debt: FCF and the government take are unlevered).
 * Every array is taken from the caller's scratch, so a sampling loop allocates none.
 */
import type { DepreciationGroup } from '../fiscal/fiscal-regime.js';
import type { ScratchArrays } from '../../numeric/scratch-arrays.js';
import { LossCarryForward } from './loss-carry-forward.js';
import { taxDepreciation } from './tax-depreciation.js';
import type { CashflowInput } from './types.js';

const DAYS_PER_YEAR = 365;

/** The unlevered rows by row [USD of the day, t, -]; views into the scratch arrays. */
export interface UnleveredFlows {
  /** Price level of the row relative to the base-year money of the inputs [-]. */
  esc: Float64Array;
  util: Float64Array;
  production: Float64Array;
  productionCr: Float64Array;
  revenue: Float64Array;
  opex: Float64Array;
  capex: Float64Array;
  /** Construction capex only: what the loan may fund and what opens financial close. */
  capexFinanced: Float64Array;
  closure: Float64Array;
  wcBal: Float64Array;
  dWc: Float64Array;
  depreciation: Float64Array;
  property: Float64Array;
  land: Float64Array;
  met: Float64Array;
  payroll: Float64Array;
  vatExcess: Float64Array;
  refund: Float64Array;
  /** Taxable income before loss relief. */
  taxable: Float64Array;
  /** Unlevered CIT (losses carried forward). */
  cit: Float64Array;
  /** Property, land, MET, payroll levies and net VAT. */
  otherTax: Float64Array;
  citRate: Float64Array;
  /** 1 where CIT is exempt (tax holiday). */
  citExempt: Float64Array;
  /** Revenue − opex − other taxes − closure. */
  operating: Float64Array;
}

/** Row price levels and utilisation. */
function levels(input: CashflowInput, esc: Float64Array, util: Float64Array): void {
  const first = input.operation.first_index;
  const last = input.operation.last_index ?? input.horizon_years - 1;
  for (let t = 0; t < input.horizon_years; t++) {
    esc[t] = input.price_index_by_row?.[t] ?? Math.pow(1 + input.inflation_rate, t);
    util[t] = t < first || t > last ? 0 : (input.operation.ramp_up[t - first] ?? 1);
  }
}

/** Production and revenue (by-products earn revenue but add no production tonnage). */
function addProducts(
  input: CashflowInput,
  f: UnleveredFlows,
  domestic: Float64Array,
  exported: Float64Array,
): void {
  const n = input.horizon_years;
  for (const p of input.products) {
    const exportShare = p.export_share ?? 1;
    const byRow = p.price_usd_per_t_by_row;
    for (let t = 0; t < n; t++) {
      const q = p.capacity_t_per_year * (f.util[t] ?? 0);
      const price = byRow === undefined ? p.price_usd_per_t : (byRow[t] ?? p.price_usd_per_t);
      const rev = q * price * (f.esc[t] ?? 1);
      if (p.byproduct !== true) {
        f.production[t] = (f.production[t] ?? 0) + q;
        f.productionCr[t] = (f.productionCr[t] ?? 0) + q * (p.cr_mass_fraction ?? 0);
      }
      f.revenue[t] = (f.revenue[t] ?? 0) + rev;
      exported[t] = (exported[t] ?? 0) + rev * exportShare;
      domestic[t] = (domestic[t] ?? 0) + rev * (1 - exportShare);
    }
  }
}

/** Opex lines and the yearly costs given row by row. */
function addOpex(
  input: CashflowInput,
  f: UnleveredFlows,
  vatable: Float64Array,
  wages: Float64Array,
): void {
  const n = input.horizon_years;
  const first = input.operation.first_index;
  const last = input.operation.last_index ?? n - 1;
  for (const o of input.opex) {
    const hasVat = o.is_wages !== true && o.vat_applicable !== false;
    const byRow = o.unit_price_usd_by_row;
    for (let t = 0; t < n; t++) {
      const operating = t >= first && t <= last;
      const level = o.variable ? (f.util[t] ?? 0) : operating ? 1 : 0;
      const price = byRow === undefined ? o.unit_price_usd : (byRow[t] ?? o.unit_price_usd);
      const cost = o.quantity_per_year * level * price * (f.esc[t] ?? 1);
      f.opex[t] = (f.opex[t] ?? 0) + cost;
      if (hasVat) vatable[t] = (vatable[t] ?? 0) + cost;
      if (o.is_wages === true) wages[t] = (wages[t] ?? 0) + cost;
    }
  }
  for (const y of input.yearly_costs ?? []) {
    for (let t = 0; t < n; t++) {
      const cost = (y.usd_by_row[t] ?? 0) * (f.esc[t] ?? 1);
      f.opex[t] = (f.opex[t] ?? 0) + cost;
      if (y.vat_applicable === true) vatable[t] = (vatable[t] ?? 0) + cost;
    }
  }
}

/** Capex by row, its financed and VAT-able parts, and the additions of each depreciation group. */
function addCapex(
  input: CashflowInput,
  f: UnleveredFlows,
  vatable: Float64Array,
  additions: Record<DepreciationGroup, Float64Array>,
): void {
  for (const c of input.capex) {
    const s = c.start_index ?? 0;
    const g = additions[c.depreciation_group];
    for (let j = 0; j < c.phasing.length; j++) {
      const t = s + j;
      const amount = c.amount_usd * (c.phasing[j] ?? 0) * (f.esc[t] ?? 1);
      f.capex[t] = (f.capex[t] ?? 0) + amount;
      if (c.development !== true) f.capexFinanced[t] = (f.capexFinanced[t] ?? 0) + amount;
      if (c.vat_applicable !== false) vatable[t] = (vatable[t] ?? 0) + amount;
      g[t] = (g[t] ?? 0) + amount;
    }
  }
}

/** Working capital, recovered in the last row, and its change. */
function workingCapital(input: CashflowInput, f: UnleveredFlows): void {
  const n = input.horizon_years;
  const wc = input.working_capital;
  for (let t = 0; t < n; t++) {
    f.wcBal[t] =
      t === n - 1
        ? 0
        : ((f.revenue[t] ?? 0) * wc.receivable_days +
            (f.opex[t] ?? 0) * (wc.inventory_days - wc.payable_days)) /
          DAYS_PER_YEAR;
    f.dWc[t] = (f.wcBal[t] ?? 0) - (t > 0 ? (f.wcBal[t - 1] ?? 0) : 0);
  }
}

/** The VAT-able flows and wages the taxes read (scratch too). */
interface TaxBases {
  revenueDomestic: Float64Array;
  revenueExport: Float64Array;
  opexVatable: Float64Array;
  capexVatable: Float64Array;
  wages: Float64Array;
  buildingsAverageBalance: Float64Array;
}

/**
 * Taxes other than CIT and the taxable income, by row; excess input VAT (over output VAT) is
 * recovered after the refund lag.
 */
function otherTaxes(input: CashflowInput, f: UnleveredFlows, b: TaxBases): void {
  const n = input.horizon_years;
  const regime = input.fiscal.regime;
  const prefs = input.fiscal.preferences;
  const first = input.operation.first_index;
  const lag = regime.vatRefundLagMonths;
  const lagYears = Math.floor(lag / 12);
  const lagFrac = (lag - 12 * lagYears) / 12;
  const landBase = input.fiscal.land_tax_usd_per_year ?? 0;
  const mining = input.fiscal.mining_inside_boundary === true;
  const mineral = input.fiscal.extracted_mineral_value_usd_per_year ?? 0;
  const mineralByRow = input.fiscal.extracted_mineral_value_usd_per_year_by_row;
  for (let t = 0; t < n; t++) {
    const r = regime.ratesFor(input.start_year + t);
    f.citRate[t] = r.cit;
    const e = f.esc[t] ?? 1;
    f.property[t] =
      t >= first && t >= first + (prefs?.property_tax_exemption_years ?? 0)
        ? r.property_tax * (b.buildingsAverageBalance[t] ?? 0)
        : 0;
    f.land[t] = t >= first + (prefs?.land_tax_exemption_years ?? 0) ? landBase * e : 0;
    f.met[t] = mining ? r.met * (mineralByRow?.[t] ?? mineral) * (f.util[t] ?? 0) * e : 0;
    f.payroll[t] =
      (b.wages[t] ?? 0) *
      (r.social_tax + r.social_contributions + r.medical_contributions + r.pension_employer);
    const input_ = r.vat * ((b.capexVatable[t] ?? 0) + (b.opexVatable[t] ?? 0));
    const output = r.vat * (b.revenueDomestic[t] ?? 0) + r.vat_export * (b.revenueExport[t] ?? 0);
    const excess = Math.max(input_ - output, 0);
    f.vatExcess[t] = excess;
    const i1 = Math.min(t + lagYears, n - 1);
    const i2 = Math.min(t + lagYears + 1, n - 1);
    f.refund[i1] = (f.refund[i1] ?? 0) + (1 - lagFrac) * excess;
    f.refund[i2] = (f.refund[i2] ?? 0) + lagFrac * excess;
    f.taxable[t] =
      (f.revenue[t] ?? 0) -
      (f.opex[t] ?? 0) -
      (f.payroll[t] ?? 0) -
      (f.property[t] ?? 0) -
      (f.land[t] ?? 0) -
      (f.met[t] ?? 0) -
      (f.depreciation[t] ?? 0) -
      (f.closure[t] ?? 0);
  }
}

/** Unlevered CIT with losses carried forward, the other taxes' sum and the operating flow. */
function incomeTax(input: CashflowInput, f: UnleveredFlows): void {
  const first = input.operation.first_index;
  const holiday = input.fiscal.preferences?.cit_exemption_years ?? 0;
  const lcf = new LossCarryForward(input.fiscal.regime.lossCarryForwardYears);
  for (let t = 0; t < input.horizon_years; t++) {
    f.citExempt[t] = t < first + holiday ? 1 : 0;
    f.cit[t] = lcf.step(f.taxable[t] ?? 0, f.citRate[t] ?? 0, f.citExempt[t] === 1, t);
    const vatNet = (f.vatExcess[t] ?? 0) - (f.refund[t] ?? 0);
    f.otherTax[t] =
      (f.property[t] ?? 0) + (f.land[t] ?? 0) + (f.met[t] ?? 0) + (f.payroll[t] ?? 0) + vatNet;
    f.operating[t] =
      (f.revenue[t] ?? 0) - (f.opex[t] ?? 0) - (f.otherTax[t] ?? 0) - (f.closure[t] ?? 0);
  }
}

/**
 * The unlevered rows of a validated input (see buildCashflowTable for the model).
 *
 * @param input - A table input that passed validateCashflowInput.
 * @param scratch - Work arrays; the result's arrays are taken from it (valid until its reset).
 * @returns The rows in money of the day.
 * @throws InputError from the fiscal regime when a year has no rate.
 */
export function unleveredFlows(input: CashflowInput, scratch: ScratchArrays): UnleveredFlows {
  const n = input.horizon_years;
  const take = () => scratch.take(n);
  // rows that a step below writes in full before any step reads them need no zeroing
  const written = () => scratch.takeUnset(n);
  const f: UnleveredFlows = {
    esc: written(), // levels
    util: written(), // levels
    production: take(),
    productionCr: take(),
    revenue: take(),
    opex: take(),
    capex: take(),
    capexFinanced: take(),
    closure: take(),
    wcBal: written(), // workingCapital
    dWc: written(), // workingCapital
    depreciation: take(),
    property: written(), // otherTaxes
    land: written(), // otherTaxes
    met: written(), // otherTaxes
    payroll: written(), // otherTaxes
    vatExcess: written(), // otherTaxes
    refund: take(),
    taxable: written(), // otherTaxes
    cit: written(), // incomeTax
    otherTax: written(), // incomeTax
    citRate: written(), // otherTaxes
    citExempt: written(), // incomeTax
    operating: written(), // incomeTax
  };
  const b: TaxBases = {
    revenueDomestic: take(),
    revenueExport: take(),
    opexVatable: take(),
    capexVatable: take(),
    wages: take(),
    buildingsAverageBalance: take(),
  };
  const additions = { buildings: take(), machinery: take(), computers: take(), other: take() };
  levels(input, f.esc, f.util);
  addProducts(input, f, b.revenueDomestic, b.revenueExport);
  addOpex(input, f, b.opexVatable, b.wages);
  addCapex(input, f, b.capexVatable, additions);
  f.closure[n - 1] = (input.closure_cost_usd ?? 0) * (f.esc[n - 1] ?? 1);
  workingCapital(input, f);
  const regime = input.fiscal.regime;
  taxDepreciation(
    additions,
    input.operation.first_index,
    input.depreciation.method,
    (g) => regime.depreciationRate(g),
    { depreciation: f.depreciation, buildings_average_balance: b.buildingsAverageBalance },
  );
  otherTaxes(input, f, b);
  incomeTax(input, f);
  return f;
}
