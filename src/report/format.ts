// Text formatting of report numbers (en-US digits). Null or non-finite → an em dash: the report
// never prints a number the model did not compute.

export const DASH = '—';

const fmt = (digits: number): Intl.NumberFormat =>
  new Intl.NumberFormat('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const F0 = fmt(0);
const F1 = fmt(1);
const F2 = fmt(2);

const ok = (x: number | null | undefined): x is number =>
  x !== null && x !== undefined && Number.isFinite(x);

/** Money in millions: `USD 235.8 M` [input USD]. */
export function usdM(x: number | null | undefined): string {
  return ok(x) ? `USD ${F1.format(x / 1e6)} M` : DASH;
}

/** Millions without the currency, for table cells [input USD]. */
export function millions(x: number | null | undefined, digits = 1): string {
  return ok(x) ? (digits === 2 ? F2 : digits === 0 ? F0 : F1).format(x / 1e6) : DASH;
}

/** A fraction as a percentage: 0.1234 → `12.3 %` [input fraction]. */
export function percent(x: number | null | undefined, digits = 1): string {
  return ok(x) ? `${(digits === 2 ? F2 : digits === 0 ? F0 : F1).format(x * 100)} %` : DASH;
}

/** A plain amount: integers with thousands separators, small numbers to 4 significant digits. */
export function amount(x: number | null | undefined): string {
  if (!ok(x)) return DASH;
  if (Math.abs(x) >= 1000) return F0.format(x);
  if (x === 0) return '0';
  return String(Number(x.toPrecision(4)));
}

/** Years with one decimal, e.g. `6.4 a`. */
export function years(x: number | null | undefined): string {
  return ok(x) ? `${F1.format(x)} a` : DASH;
}
