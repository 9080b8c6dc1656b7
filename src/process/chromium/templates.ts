import aluminothermic from '../../../data/process/chromium/cr-aluminothermic.json' with { type: 'json' };
import aluminothermicOxide from '../../../data/process/chromium/cr-aluminothermic-oxide.json' with { type: 'json' };
import electrolytic from '../../../data/process/chromium/cr-electrolytic.json' with { type: 'json' };
import type { StageSummarySpec } from '../flowsheet/summary-spec.js';
import type { FlowsheetTemplate } from '../flowsheet/template.js';

/**
 * How the runner makes up one reagent feed stream: either from a unit's demand diagnostic
 * (`unit`, `demand`; iterated to a fixed point), or as a supply proportional to the feed
 * (`supply_kg_per_kg_feed`) from which a unit inside a recycle loop draws what it needs, the
 * rest leaving by `return_stream` (consumption = supply − return).
 */
export interface ReagentFeed {
  /** Unit whose diagnostic gives the demand. */
  unit?: string;
  /** Diagnostic name [kg/h]. */
  demand?: string;
  /** Supply per kg of stage feed [kg/kg] (an upper bound). */
  supply_kg_per_kg_feed?: number;
  /** Stream carrying the unused supply to a sink. */
  return_stream?: string;
  /** Component mass fractions, or "air" (O2/N2 21/79 mol). */
  composition: Readonly<Record<string, number>> | 'air';
  /** Consumable id (src/scenario/product-catalogue.ts CONSUMABLES) or null (air). */
  consumable: string | null;
}

/** A chromium-metal flowsheet template with its reagent make-up (data/process/chromium). */
export interface ChromiumTemplate {
  template: FlowsheetTemplate;
  feed_stream: string;
  product_stream: string;
  reagents: Readonly<Record<string, ReagentFeed>>;
  /** Stage-level results the template declares (products, consumables, by-products). */
  summary: StageSummarySpec;
}

export const CHROMIUM_TEMPLATES: Readonly<
  Record<'cr-aluminothermic' | 'cr-aluminothermic-oxide' | 'cr-electrolytic', ChromiumTemplate>
> = {
  'cr-aluminothermic': aluminothermic as ChromiumTemplate,
  // Buy-oxide variant: purchased Cr2O3 straight into the reactor (no chromate section).
  'cr-aluminothermic-oxide': aluminothermicOxide as ChromiumTemplate,
  'cr-electrolytic': electrolytic as ChromiumTemplate,
};
