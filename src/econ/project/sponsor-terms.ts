/**
 * The sponsor's terms as plain numbers, built once per appraisal from the scenario: treaty
 * withholding rates (the sponsor, Suzhou Hunan, is resident in China), the lock-up ratio of the
 * stage's tranche, the shareholder loan and the RMB/USD path.
 */
import { dataValue } from '../../scenario/data-files.js';
import type { Scenario } from '../../scenario/schema.js';
import type { SponsorTerms } from '../cashflow/sponsor-return.js';
import type { CashflowInput } from '../cashflow/types.js';
import { declaredInflation, priceLevelByRow, rmbPerUsdByRow } from './money-paths.js';

/**
 * @param scenario - The scenario (finance.sponsor, markets.fx, site.base_year).
 * @param input - The cash-flow input of the table the terms apply to (calendar, price level,
 *   the tranche's lock-up covenant); undefined: no lock-up ratio.
 */
export function sponsorTermsOf(scenario: Scenario, input: CashflowInput | undefined): SponsorTerms {
  const sp = scenario.finance.sponsor;
  const base = scenario.site.base_year;
  const start = input?.start_year ?? base;
  const rows = input?.horizon_years ?? scenario.finance.horizon_years.value;
  const usdLevel =
    input?.price_index_by_row ??
    Float64Array.from({ length: rows }, (_, t) => Math.pow(1 + (input?.inflation_rate ?? 0), t));
  const rmbLevel = priceLevelByRow((y) => declaredInflation('rmb', y), base, start, rows);
  const lockup = input?.financing?.covenants?.lockup_dscr;
  return {
    dividend_withholding_rate: dataValue('finance/withholding-tax#dividends_china_treaty').value,
    interest_withholding_rate: dataValue('finance/withholding-tax#interest_china_treaty').value,
    ...(lockup !== undefined && Number.isFinite(lockup) ? { lockup_dscr: lockup } : {}),
    ...(sp.shareholder_loan_share.value > 0
      ? {
          shareholder_loan: {
            share: sp.shareholder_loan_share.value,
            interest_rate: sp.shareholder_loan_rate.value,
            tenor_years: sp.shareholder_loan_tenor_years.value,
          },
        }
      : {}),
    usd_price_level: usdLevel,
    rmb_price_level: rmbLevel,
    rmb_per_usd: rmbPerUsdByRow(
      scenario.markets.fx.rmb_per_usd.value,
      sp.fx_path,
      rmbLevel,
      usdLevel,
    ),
  };
}
