/**
 * The feasible-region form of the dashboard as pure functions: the default choice of the two
 * inputs and their ranges, the numbers typed (decimal comma or point, true minus), and the
 * checks that turn the form into a request or name what is wrong — before anything is sent.
 */
import type { FeasibleRegionRequest } from './api.js';
import { outputUnit } from './labels.js';
import type { MessageId } from './i18n.js';

/** The inputs tried first, when the scenario has them: FeCr price (grid) and tariff (solved). */
export const PREFERRED_INPUTS = [
  'markets.products.hc-ferrochrome.price_rmb_per_t_50pct_cr_vat_incl',
  'markets.electricity.tariff_kzt_per_kwh',
] as const;

export interface InputChoice {
  path: string;
  value: number;
  unit: string;
}

/** The two inputs chosen at first: the preferred ones present, else the first others. */
export function defaultInputs(leaves: readonly InputChoice[]): [string, string] | undefined {
  const paths = leaves.map((l) => l.path);
  const picked = PREFERRED_INPUTS.filter((p) => paths.includes(p)) as string[];
  for (const p of paths) if (picked.length < 2 && !picked.includes(p)) picked.push(p);
  return picked.length === 2 ? [picked[0] ?? '', picked[1] ?? ''] : undefined;
}

/** Range around a value: ½× … 1½× (sign-aware), [0, 1] around zero. */
export function defaultRange(v: number): [number, number] {
  if (v === 0 || !Number.isFinite(v)) return [0, 1];
  const a = 0.5 * v;
  const b = 1.5 * v;
  const round = (x: number) => Number(x.toPrecision(4));
  return v > 0 ? [round(a), round(b)] : [round(b), round(a)];
}

/** A typed number ("1 234,5", "−3", "12.5"); NaN when it is not one. */
export function parseNumberText(s: string): number {
  const t = s
    .replace(/[\s\u00a0\u202f]/g, '')
    .replace(',', '.')
    .replace('\u2212', '-');
  return t === '' ? Number.NaN : Number(t);
}

/**
 * The target as the output's raw value from what the user typed in the output's display unit:
 * per cent for fractions, millions for money, °C for a temperature computed in K, the unit
 * itself otherwise.
 */
export function rawTarget(output: string, typed: number): number {
  const u = outputUnit(output);
  const scale = u.kind === 'pct' ? 0.01 : u.kind === 'money' ? 1e6 : 1;
  return typed * scale + (u.origin ?? 0);
}

export interface FeasibleForm {
  output: string;
  target: string;
  x: string;
  y: string;
  xFrom: string;
  xTo: string;
  yFrom: string;
  yTo: string;
  rows: string;
}

/** What is wrong with the form, by field (message ids; the form shows them in the user's language). */
export type FormProblems = Partial<Record<keyof FeasibleForm, MessageId>>;

/**
 * @returns The request body without the scenario and version, or the problems by field.
 */
export function checkFeasibleForm(
  f: FeasibleForm,
  maxRows: number,
):
  | { ok: true; body: Omit<FeasibleRegionRequest, 'scenario_id' | 'version'> }
  | { ok: false; problems: FormProblems } {
  const problems: FormProblems = {};
  const target = parseNumberText(f.target);
  if (!Number.isFinite(target)) problems.target = 'fr_bad_target';
  if (f.x === f.y) problems.y = 'fr_same_inputs';
  const range = (from: string, to: string, key: 'xFrom' | 'yFrom') => {
    const a = parseNumberText(from);
    const b = parseNumberText(to);
    if (!(Number.isFinite(a) && Number.isFinite(b) && a < b)) problems[key] = 'fr_bad_range';
    return [a, b] as [number, number];
  };
  const rx = range(f.xFrom, f.xTo, 'xFrom');
  const ry = range(f.yFrom, f.yTo, 'yFrom');
  const rows = parseNumberText(f.rows);
  if (!(Number.isInteger(rows) && rows >= 2 && rows <= maxRows)) problems.rows = 'fr_bad_rows';
  if (Object.keys(problems).length > 0) return { ok: false, problems };
  return {
    ok: true,
    body: {
      output: f.output,
      target: rawTarget(f.output, target),
      vary: [f.x, f.y],
      range_x: rx,
      range_y: ry,
      rows,
    },
  };
}
