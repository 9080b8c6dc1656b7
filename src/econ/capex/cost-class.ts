/**
 * Reference classes of capital cost (data/capex/classes/*.json): who designs, supplies and
 * builds the plant — `china-epc` (Chinese equipment and contractors, RMB) or `western` (USD).
 * A class holds its unit cost items (BioSTEAM-style correlations kept as data: cost = f(size)
 * with size range, exponent, cost year, currency and source), its escalation, its location
 * factor to Kazakhstan and the factors added on top of the installed unit costs.
 */
import { z } from 'zod';
import chinaEpc from '../../../data/capex/classes/china-epc.json' with { type: 'json' };
import western from '../../../data/capex/classes/western.json' with { type: 'json' };

const status = z.enum(['verified', 'derived', 'assumed']);
const sourced = z.strictObject({
  value: z.number(),
  unit: z.string(),
  source: z.string().min(1),
  status,
  range: z.tuple([z.number(), z.number()]).optional(),
});

const costItem = z.strictObject({
  id: z.string(),
  /** Unit kinds the item prices (src/process/units). */
  kinds: z.array(z.string()).min(1),
  /** Design result of the unit that sizes the item. */
  size: z.string(),
  /** Design result counting identical items (e.g. `furnaces`); the size is then per item. */
  count: z.string().optional(),
  /** Calibration family of the item when not the stage's (e.g. `power` for an off-gas plant). */
  family: z.enum(['fecr', 'concentrator', 'chromium', 'power']).optional(),
  base_size: z.number().positive(),
  /** Installed cost of one item of `base_size` in the class currency of `cost_year`. */
  base_cost: z.number().positive(),
  cost_year: z.int(),
  exponent: z.number().min(0).max(1.2),
  size_range: z.tuple([z.number().nonnegative(), z.number().positive()]),
  scope: z.string().min(1),
  source: z.string().min(1),
  status,
});

const costClass = z.strictObject({
  id: z.string(),
  description: z.string(),
  currency: z.enum(['USD', 'CNY']),
  escalation: z.enum(['cepci', 'rate']),
  escalation_pct_per_year: sourced.optional(),
  location_factor_kz: sourced,
  factors: z.strictObject({
    osbl_pct_of_isbl: sourced,
    indirect_pct_of_direct: sourced,
    owners_cost_pct: sourced,
  }),
  items: z.array(costItem),
  /** Items of kinds this class does not price are taken from another class × a factor. */
  fallback: z.strictObject({ class: z.string(), factor: sourced }).optional(),
});

export type CostItem = z.infer<typeof costItem>;
export type CostClass = z.infer<typeof costClass>;
export type SourcedValue = z.infer<typeof sourced>;

/** The reference classes of capital cost, by id. */
export const COST_CLASSES: Readonly<Record<string, CostClass>> = Object.fromEntries(
  [chinaEpc, western].map((c) => {
    const parsed = costClass.parse(c);
    return [parsed.id, parsed];
  }),
);

/** Ids of the reference classes (the scenario's `stages[].capex.reference_class`). */
export const COST_CLASS_IDS = ['china-epc', 'western'] as const;
export type CostClassId = (typeof COST_CLASS_IDS)[number];
