/**
 * What a flowsheet template declares about its stage-level results, as data next to the
 * template (data/pyro/templates, data/process/chromium, data/templates): which streams are the
 * products, which feed streams carry bought consumables, which streams leave as by-products and
 * which carry carbon that ends as CO2. `summariseStage` reads a solved flowsheet through it, so
 * no stage has a hand-written summary and every stream it names is checked to exist.
 */

/** How a product's composition is reported. */
export type CompositionBasis =
  /** Element mass fractions [wt%] of the listed elements, or of all elements present. */
  | { elements: readonly string[] | 'all' }
  /** Cr2O3 assay of the dry solids [wt%] (concentrates). */
  | { assay: 'Cr2O3' };

export interface SummaryProduct {
  /** Product id of the scenario's catalogue (`hc-ferrochrome`, `chromium-metal`, …). */
  id: string;
  /** Streams whose sum is the product. */
  streams: readonly string[];
  /** `total`: all mass (alloys, metals); `dry`: solids only (concentrates). */
  basis: 'total' | 'dry';
  composition: CompositionBasis;
}

/**
 * A feed stream that carries a consumable dry although it is bought wet (the model dries it
 * upstream, outside the balance): bought = dry / (1 − w), w the as-received moisture of the
 * material `bought_wet_as` (given to `summariseStage` by the runner).
 */
export interface DriedFeed {
  stream: string;
  bought_wet_as: string;
}

/** A bought consumable: the feed streams that carry it, as received, net of returned surplus. */
export interface SummaryConsumable {
  /** Feed streams carrying the consumable [kg/h total mass]. */
  streams?: readonly (string | DriedFeed)[];
  /** Streams returning unused supply (subtracted). */
  returns?: readonly string[];
  /**
   * Water added by the units (`Duties.water_added_kg_per_h`) net of the water recovered to
   * process-water sinks (mineral-processing plants that add water in their units).
   */
  unit_water?: boolean;
  /** Reported only when the amount is above zero (route-dependent additions). */
  if_used?: boolean;
}

/** A by-product leaving the plant. */
export interface SummaryByproduct {
  streams: readonly string[];
  /**
   * Report the composition [wt%] of the non-zero components: `components` by component name,
   * `oxides` with the phase suffix dropped (slags: `SiO2(l)` → `SiO2`).
   */
  composition?: 'components' | 'oxides';
  /** Report the chemical energy (lower heating value of C, CO, CH4, H2) [MWh/h]. */
  energy?: boolean;
  /** `total` mass (default) or `dry` solids. */
  basis?: 'total' | 'dry';
}

export interface StageSummarySpec {
  /** The main product first; per-tonne figures refer to it. */
  products: readonly SummaryProduct[];
  /** Streams of the stage feed (the recovery of `recovery_element` refers to them). */
  feed: readonly string[];
  /** Element whose recovery from feed to main product is reported (`cr_recovery`). */
  recovery_element: string;
  /** Consumables by consumable id (`coke`, `soda-ash`, `water`, …); water is reported in m³/h. */
  consumables: Readonly<Record<string, SummaryConsumable>>;
  byproducts: Readonly<Record<string, SummaryByproduct>>;
  /**
   * Streams whose carbon ends as CO2 (flue gases, fuel gas exported to be burnt); when present
   * the summary reports `co2_t_per_t` of the main product. Absent: the stage's CO2 follows from
   * its fuels and reagents (src/impact/emissions.ts).
   */
  co2_from?: readonly string[];
}
