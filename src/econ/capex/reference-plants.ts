/**
 * Reference plants with a published capital cost (data/capex/reference-plants.json), and their
 * normalisation to one basis before any use: exclusions removed (a mine, a wind farm), a stated
 * contingency and VAT taken out, the rest converted to the class currency at the exchange rate
 * of the cost year. Outturn, estimate and announcement are kept apart; nothing is added to an
 * outturn cost.
 */
import { z } from 'zod';
import data from '../../../data/capex/reference-plants.json' with { type: 'json' };
import { fxPerUsd } from './fx-history.js';

const money = z.strictObject({ value: z.number().positive(), currency: z.string(), year: z.int() });

const referencePlant = z.strictObject({
  id: z.string(),
  family: z.enum(['fecr', 'concentrator', 'chromium', 'power']),
  class: z.enum(['china-epc', 'western']),
  /**
   * calibration: fits the class factor; abroad: china-epc plant outside China (location
   * evidence); benchmark: reported only. `capacity_t_per_year` of a power plant is its MW.
   */
  use: z.enum(['calibration', 'abroad', 'benchmark']),
  reason: z.string().optional(),
  description: z.string(),
  cost: money,
  capacity_t_per_year: z.number().positive(),
  model: z.strictObject({
    template: z.string(),
    design: z.record(z.string(), z.number()),
  }),
  scope: z.strictObject({
    kind: z.enum(['outturn', 'estimate', 'announcement']),
    site: z.enum(['greenfield', 'brownfield']),
    contingency_included_pct: z.number().min(0).nullable(),
    vat_included_pct: z.number().min(0),
    notes: z.string(),
  }),
  exclusions: z.array(
    z.strictObject({
      what: z.string(),
      value: z.number().positive(),
      currency: z.string(),
      source: z.string(),
    }),
  ),
  source: z.string().min(1),
  status: z.enum(['verified', 'derived', 'assumed']),
});

export type ReferencePlant = z.infer<typeof referencePlant>;
export type PlantFamily = ReferencePlant['family'];

const parsed = z
  .strictObject({
    description: z.string(),
    template_families: z.record(z.string(), z.enum(['fecr', 'concentrator', 'chromium', 'power'])),
    plants: z.array(referencePlant),
  })
  .parse(data);

/** Every reference plant. */
export const REFERENCE_PLANTS: readonly ReferencePlant[] = parsed.plants;

/** The plant family (calibration group) of a flowsheet template, or undefined. */
export function templateFamily(template: string): PlantFamily | undefined {
  return parsed.template_families[template];
}

/**
 * A reference's cost on the basis the model is compared with (all-in: owner's cost and the
 * calibration contingency c₀ included): exclusions removed, VAT divided out, a stated contingency
 * c replaced by c₀, in `currency` at the exchange rates of the cost year.
 *   C_norm = (C − Σ exclusions) · (1 + c₀)/(1 + c) / (1 + v) · fx(currency) / fx(reference currency)
 * An unstated contingency is left as published (an outturn holds what was spent; a budget what
 * its sponsor reserved).
 * @param calibrationContingencyPct - c₀ [%]
 */
export function normalisedCost(
  plant: ReferencePlant,
  currency: string,
  calibrationContingencyPct: number,
): number {
  const y = plant.cost.year;
  let net = plant.cost.value;
  for (const e of plant.exclusions) {
    if (e.currency !== plant.cost.currency)
      net -= (e.value / fxPerUsd(e.currency, y).value) * fxPerUsd(plant.cost.currency, y).value;
    else net -= e.value;
  }
  const stated = plant.scope.contingency_included_pct;
  if (stated !== null) net *= (1 + calibrationContingencyPct / 100) / (1 + stated / 100);
  net /= 1 + plant.scope.vat_included_pct / 100;
  return (net / fxPerUsd(plant.cost.currency, y).value) * fxPerUsd(currency, y).value;
}
