/**
 * The CIT deduction of shareholder-loan interest is not modelled: the levered tax of the
 * project company deducts the senior loan's interest only, so the sponsor's return with a
 * shareholder loan is conservative. Said in the appraisal's `not_implemented` whenever a
 * scenario declares a shareholder loan, with the reason (docs/finance.md, Sponsor view).
 */
import type { NotImplemented } from '../../appraisal.js';
import type { Scenario } from '../../scenario/schema.js';

export const SHAREHOLDER_LOAN_INTEREST_DEDUCTION: NotImplemented = {
  what: 'CIT deduction of shareholder-loan interest (the levered tax deducts the senior interest only; the sponsor IRR with a shareholder loan is conservative)',
  tracking:
    "issue 15: Kazakhstan's thin-capitalisation rule of the 2017 Tax Code (Code No. 120-VI, Art. 246) caps the related-party interest deductible at (average equity / average liabilities) × k × that interest, k = 4 for a non-financial company (secondary summaries: pari-passu.net 'Thin capitalisation rule in Kazakhstan'; Citi Emerging Markets Currencies Handbook 2021, Kazakhstan); the project's operating years fall under the Tax Code of 18 July 2025 (No. 214-VIII, in force 1 January 2026), whose corresponding article is Art. 263 'Deduction of remuneration' (its paragraphs 1–3, read in kodeksy-kz.com/ka/nalogovyj_kodeks/263.htm, follow those of the old Art. 246) but whose limit on related-party interest — the paragraph that would hold the formula — is not in the stored sources, so neither the formula nor its coefficient under the new Code is known here; the old formula needs the company's accounting equity and liabilities by month (a balance sheet the model does not keep). During the priority-project CIT holiday the deduction is worth nothing.",
};

/**
 * @param scenario - The scenario (finance.sponsor.shareholder_loan_share).
 * @returns The entry when the scenario declares a shareholder loan, else null.
 */
export function shareholderLoanTaxGap(scenario: Scenario): NotImplemented | null {
  return scenario.finance.sponsor.shareholder_loan_share.value > 0
    ? SHAREHOLDER_LOAN_INTEREST_DEDUCTION
    : null;
}
