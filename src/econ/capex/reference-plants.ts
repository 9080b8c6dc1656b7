/**
 * Reference plant costs for capacity-scaled capex estimates (data/capex/reference-plants.json),
 * checked when loaded so a malformed record fails loudly.
 */
import { z } from 'zod';
import referencePlantsJson from '../../../data/capex/reference-plants.json' with { type: 'json' };

const plant = z.strictObject({
  id: z.string(),
  kind: z.string(),
  description: z.string(),
  reference_cost: z.number().positive(),
  currency: z.enum(['USD', 'ZAR', 'KZT', 'RMB', 'EUR']),
  cost_year: z.int().min(1950).max(2100),
  /** Units of `currency` per USD in the cost year. */
  fx_per_usd: z.number().positive(),
  fx_source: z.string().optional(),
  reference_capacity_t_per_year: z.number().positive(),
  basis: z.enum(['product', 'feed']),
  scope: z.string(),
  source: z.string().min(10),
  status: z.enum(['verified', 'derived', 'assumed']),
});

const exponent = z.strictObject({
  value: z.number().positive().max(1.2),
  unit: z.literal('1'),
  source: z.string(),
  status: z.enum(['verified', 'derived', 'assumed']),
  range: z.tuple([z.number(), z.number()]),
});

const file = z.strictObject({
  description: z.string(),
  plants: z.array(plant),
  exponents: z.record(z.string(), exponent),
  validity: z.strictObject({
    min_ratio: z.number().positive(),
    max_ratio: z.number().positive(),
    source: z.string(),
  }),
  template_kinds: z.record(z.string(), z.string()),
});

export type ReferencePlant = z.infer<typeof plant>;

export const REFERENCE_PLANT_DATA = file.parse(referencePlantsJson);

export const REFERENCE_PLANTS: readonly ReferencePlant[] = REFERENCE_PLANT_DATA.plants;

export function referencePlant(id: string): ReferencePlant | undefined {
  return REFERENCE_PLANTS.find((p) => p.id === id);
}

/**
 * Reference plants that can cost a template: those of the template's kind on the given
 * capacity basis, nearest in capacity first (by |log(Q / Q_ref)|).
 */
export function referenceCandidates(
  template: string,
  basis: 'product' | 'feed',
  capacity_t_per_year: number,
): ReferencePlant[] {
  const kind = REFERENCE_PLANT_DATA.template_kinds[template];
  if (kind === undefined) return [];
  const distance = (p: ReferencePlant) =>
    Math.abs(Math.log(capacity_t_per_year / p.reference_capacity_t_per_year));
  return REFERENCE_PLANTS.filter((p) => p.kind === kind && p.basis === basis).sort(
    (a, b) => distance(a) - distance(b),
  );
}
