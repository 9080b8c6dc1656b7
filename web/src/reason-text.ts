/**
 * Why a figure of the appraisal is missing, in the user's language. The core states its reasons
 * in English (e.g. `equity_irr_reason`: "no IRR: all cash flows are ≤ 0 (no return), …"); the
 * known ones are recognised by their wording and translated, with any rates they list formatted
 * for the locale. A reason not recognised is not shown in English: the card says "not computed"
 * and the title attribute keeps nothing invented.
 */
import type { I18n, MessageId } from './i18n.js';

/** Recognised reasons: a pattern of the core's wording and the message that says it. */
const REASONS: readonly [RegExp, MessageId][] = [
  [/^no IRR: every cash flow is zero/, 'reason_irr_all_zero'],
  [/^no IRR: all cash flows are ≥ 0/, 'reason_irr_no_investment'],
  [/^no IRR: all cash flows are ≤ 0/, 'reason_irr_no_return'],
  [/^no IRR: the cash flows change sign but/, 'reason_irr_no_root'],
  [/^no unique IRR:/, 'reason_irr_multiple'],
  [/^no reliable IRR:/, 'reason_irr_ill_conditioned'],
  [/^no RMB\/USD path/, 'reason_no_rmb_path'],
];

/** The per-cent rates a reason lists ("12.3456 %"), as fractions. */
function ratesIn(reason: string): number[] {
  return [...reason.matchAll(/(-?\d+(?:\.\d+)?(?:e[+-]?\d+)?) %/g)].map((m) => Number(m[1]) / 100);
}

/**
 * @param reason - The core's reason (English), or null.
 * @returns The reason in the user's language; "not computed" when it is not one the UI knows.
 */
export function reasonText(reason: string | null | undefined, i18n: I18n): string {
  if (reason === null || reason === undefined || reason === '') return i18n.t('not_computed');
  const known = REASONS.find(([re]) => re.test(reason));
  if (!known) return i18n.t('not_computed');
  const rates = ratesIn(reason)
    .map((r) => i18n.pct(r, 1))
    .join(', ');
  return i18n.t(known[1], { rates });
}
