import { InputError } from '../../errors.js';
import type { CashflowInput } from './types.js';

function finite(field: string, v: number, min = -Infinity, what = 'a finite number'): void {
  if (!Number.isFinite(v) || v < min) throw new InputError(field, v, what);
}

/**
 * {@link finite} for field `key` of entry `i` of list `list`, the name built only for the error
 * (a sample validates hundreds of entries).
 */
function finiteAt(
  list: string,
  i: number,
  key: string,
  v: number,
  min = -Infinity,
  what = 'a finite number',
): void {
  if (!Number.isFinite(v) || v < min) throw new InputError(`${list}[${i}].${key}`, v, what);
}

/**
 * A by-row price, field `key` of entry `i` of list `list`: at most one entry per row, every entry
 * finite. The field's name is built only for the error (a sample validates ~10³ entries).
 */
function byRowProblems(
  list: string,
  i: number,
  key: string,
  values: ArrayLike<number> | undefined,
  n: number,
): void {
  if (values === undefined) return;
  if (values.length > n)
    throw new InputError(
      `${list}[${i}].${key}`,
      values.length,
      `at most ${n} entries (one per row)`,
    );
  for (let t = 0; t < values.length; t++)
    if (!Number.isFinite(values[t])) finite(`${list}[${i}].${key}[${t}]`, values[t] ?? NaN);
}

/**
 * Rejects an inconsistent {@link CashflowInput}, naming the field, value and expectation.
 * @param input - The table input.
 */
export function validateCashflowInput(input: CashflowInput): void {
  const n = input.horizon_years;
  if (!Number.isInteger(n) || n < 1)
    throw new InputError('horizon_years', n, 'a positive integer number of rows');
  if (!Number.isInteger(input.start_year))
    throw new InputError('start_year', input.start_year, 'an integer calendar year');
  if (!Number.isFinite(input.discount_rate) || input.discount_rate <= -1)
    throw new InputError('discount_rate', input.discount_rate, 'a finite rate > -1 (fraction)');
  if (!Number.isFinite(input.inflation_rate) || input.inflation_rate <= -1)
    throw new InputError('inflation_rate', input.inflation_rate, 'a finite rate > -1 (fraction)');
  const index = input.price_index_by_row;
  if (index !== undefined) {
    if (index.length < input.horizon_years)
      throw new InputError('price_index_by_row', index.length, `≥ ${input.horizon_years} rows`);
    for (let t = 0; t < input.horizon_years; t++)
      if (!((index[t] ?? NaN) > 0) || !Number.isFinite(index[t]))
        throw new InputError(`price_index_by_row[${t}]`, index[t], 'a finite price level > 0');
  }
  input.capex.forEach((c, i) => {
    finiteAt('capex', i, 'amount_usd', c.amount_usd, 0, 'a non-negative amount [USD]');
    const s = c.start_index ?? 0;
    if (!Number.isInteger(s) || s < 0 || s + c.phasing.length > n)
      throw new InputError(
        `capex[${i}].start_index`,
        s,
        `an integer row with the phasing inside 0..${n - 1}`,
      );
    const sum = c.phasing.reduce((a, b) => a + b, 0);
    c.phasing.forEach((p, j) => {
      if (!(Number.isFinite(p) && p >= 0))
        finite(`capex[${i}].phasing[${j}]`, p, 0, 'a non-negative fraction');
    });
    if (Math.abs(sum - 1) > 1e-9)
      throw new InputError(`capex[${i}].phasing`, c.phasing, 'fractions summing to 1');
  });
  const op = input.operation;
  const last = op.last_index ?? n - 1;
  if (!Number.isInteger(op.first_index) || op.first_index < 0 || op.first_index > n - 1)
    throw new InputError('operation.first_index', op.first_index, `an integer row in 0..${n - 1}`);
  if (!Number.isInteger(last) || last < op.first_index || last > n - 1)
    throw new InputError(
      'operation.last_index',
      last,
      `an integer row in ${op.first_index}..${n - 1}`,
    );
  op.ramp_up.forEach((u, j) => {
    if (!Number.isFinite(u) || u < 0 || u > 1)
      throw new InputError(`operation.ramp_up[${j}]`, u, 'a utilisation in [0, 1]');
  });
  input.products.forEach((p, i) => {
    finiteAt(
      'products',
      i,
      'capacity_t_per_year',
      p.capacity_t_per_year,
      0,
      'a non-negative capacity [t/a]',
    );
    finiteAt(
      'products',
      i,
      'price_usd_per_t',
      p.price_usd_per_t,
      -Infinity,
      'a finite price [USD/t]',
    );
    byRowProblems('products', i, 'price_usd_per_t_by_row', p.price_usd_per_t_by_row, n);
    const cr = p.cr_mass_fraction;
    if (cr !== undefined && !(cr >= 0 && cr <= 1))
      throw new InputError(`products[${i}].cr_mass_fraction`, cr, 'a mass fraction in [0, 1]');
    const ex = p.export_share;
    if (ex !== undefined && !(ex >= 0 && ex <= 1))
      throw new InputError(`products[${i}].export_share`, ex, 'a share in [0, 1]');
  });
  input.opex.forEach((o, i) => {
    finiteAt('opex', i, 'quantity_per_year', o.quantity_per_year, 0, 'a non-negative quantity');
    finiteAt('opex', i, 'unit_price_usd', o.unit_price_usd, -Infinity, 'a finite price [USD/unit]');
    byRowProblems('opex', i, 'unit_price_usd_by_row', o.unit_price_usd_by_row, n);
  });
  (input.yearly_costs ?? []).forEach((y, i) => {
    if (y.usd_by_row.length > input.horizon_years)
      throw new InputError(
        `yearly_costs[${i}].usd_by_row`,
        y.usd_by_row.length,
        `at most horizon_years (${input.horizon_years}) values`,
      );
    // A receipt (e.g. take-or-pay payments received) is a negative cost.
    const min = y.receipt === true ? -Infinity : 0;
    y.usd_by_row.forEach((v, t) => {
      if (!(Number.isFinite(v) && v >= min))
        finite(
          `yearly_costs[${i}].usd_by_row[${t}]`,
          v,
          min,
          y.receipt === true ? 'a finite amount [USD]' : 'a non-negative cost [USD]',
        );
    });
  });
  const wc = input.working_capital;
  finite('working_capital.receivable_days', wc.receivable_days, 0, 'non-negative days');
  finite('working_capital.inventory_days', wc.inventory_days, 0, 'non-negative days');
  finite('working_capital.payable_days', wc.payable_days, 0, 'non-negative days');
  finite('closure_cost_usd', input.closure_cost_usd ?? 0, 0, 'a non-negative cost [USD]');
  finite(
    'fiscal.land_tax_usd_per_year',
    input.fiscal.land_tax_usd_per_year ?? 0,
    0,
    'a non-negative tax [USD/a]',
  );
  if (input.fiscal.mining_inside_boundary === true)
    finite(
      'fiscal.extracted_mineral_value_usd_per_year',
      input.fiscal.extracted_mineral_value_usd_per_year ?? Number.NaN,
      0,
      'the value of the extracted mineral [USD/a] when mining is inside the boundary',
    );
  const prefs = input.fiscal.preferences;
  if (prefs !== undefined) {
    const max = input.fiscal.regime.maxPreferences;
    for (const k of [
      'cit_exemption_years',
      'property_tax_exemption_years',
      'land_tax_exemption_years',
    ] as const) {
      const v = prefs[k];
      if (!Number.isInteger(v) || v < 0 || v > max[k])
        throw new InputError(
          `fiscal.preferences.${k}`,
          v,
          `an integer number of years in 0..${max[k]} (the ${input.fiscal.regime.id} maximum)`,
        );
    }
  }
  const fin = input.financing;
  if (fin !== undefined) {
    if (!(fin.debt_share >= 0 && fin.debt_share <= 1))
      throw new InputError('financing.debt_share', fin.debt_share, 'a share in [0, 1]');
    finite('financing.interest_rate', fin.interest_rate, 0, 'a non-negative rate (fraction)');
    if (!Number.isInteger(fin.tenor_years) || fin.tenor_years < 1)
      throw new InputError('financing.tenor_years', fin.tenor_years, 'a positive integer');
    if (!Number.isInteger(fin.grace_years) || fin.grace_years < 0)
      throw new InputError('financing.grace_years', fin.grace_years, 'a non-negative integer');
    const lastRepayment = op.first_index + fin.grace_years + fin.tenor_years - 1;
    if (lastRepayment > n - 1)
      throw new InputError(
        'financing.tenor_years',
        fin.tenor_years,
        `a tenor that ends by the last row (first operating row + grace + tenor − 1 = ${lastRepayment} > ${n - 1})`,
      );
    if (fin.repayment === 'sculpted' && !((fin.target_dscr ?? 0) > 0))
      throw new InputError(
        'financing.target_dscr',
        fin.target_dscr,
        'a positive DSCR for sculpted repayment',
      );
  }
}
