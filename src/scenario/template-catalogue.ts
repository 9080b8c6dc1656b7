import type { ConsumableId } from './product-catalogue.js';

/**
 * The flowsheet templates a stage can name (`flowsheet.template`), with their input ports,
 * products and the consumables whose prices the scenario must supply. The unit models behind
 * each template live in `src/process`; until a template's models exist, `implemented` is false
 * and `appraise` reports the stage as not yet computable instead of inventing numbers.
 */
export interface TemplateInfo {
  id: string;
  description: string;
  /** Input ports, each fed by a feed or by another stage's product. */
  inputs: readonly string[];
  /** Product ids this template makes (see product-catalogue.ts). */
  products: readonly string[];
  consumables: readonly ConsumableId[];
  /** Whether the capacity of the stage is stated per t of product or per t of feed by default. */
  capacity_basis: 'product' | 'feed';
  implemented: boolean;
  /** Where the unit models are being built, while not implemented. */
  tracking?: string;
  /**
   * Known limitations of an implemented template's model that move its results, each with where
   * it is tracked: every appraisal of a stage on this template carries them as stage warnings,
   * so no user reads its numbers without them.
   */
  limitations?: readonly string[];
}

/** AC furnaces burn Söderberg paste, DC furnaces a graphite electrode. */
const FECR_CONSUMABLES: readonly ConsumableId[] = ['coke', 'quartzite', 'electrode-paste', 'water'];
const DC_CONSUMABLES: readonly ConsumableId[] = [
  'coke',
  'quartzite',
  'graphite-electrode',
  'water',
];

/**
 * What the smelting furnace's slag and alloy chemistry does not check, or checks only roughly
 * (issue 16 item 6): every FeCr stage carries these as warnings.
 */
const FECR_LIMITATIONS: readonly string[] = [
  'the slag liquidus (KPI slag_liquidus_K, and the check of the tapping temperature against it plus furnace.slag_superheat_K) comes from an ideal associate-liquid model on JANAF data that is not validated at FeCr-slag compositions: it underestimates published MgO–SiO2 and MgO–Al2O3 liquidus points by 21–175 K, and at FeCr-slag compositions its error is of unknown size and sign (no published point to test it against), so neither a pass nor a shortfall is a design verdict, and the flux solve by liquidus (furnace.flux_by_liquidus) inherits that error; the slag viscosity (KPI slag_viscosity_Pa_s, Urbain model) is that of a fully liquid slag (issue 16 item 6, docs/model.md §Slag liquidus)',
  'the alloy S, P and Ti (KPIs alloy_s_wt_pct, alloy_p_wt_pct, alloy_ti_wt_pct) come from assumed contents of the charge and an assumed distribution between alloy, slag and gas (data/pyro/minor-elements.json), not from sulphide and phosphide equilibria; the grade (product_grade, GOST 4757-91 / ISO 5448) is checked, its price adjustments are not applied (issue 16 item 6)',
];

export const TEMPLATES: readonly TemplateInfo[] = [
  {
    id: 'concentrate-sale',
    description: 'No processing: the feed is sold as it is (the raw-export baseline).',
    inputs: ['feed'],
    products: ['chromite-concentrate'],
    consumables: [],
    capacity_basis: 'feed',
    implemented: true,
  },
  {
    id: 'kempirsai-concentrator',
    description:
      'Crushing, screening, DMS, grinding, spirals, tables (optional WHIMS): ROM or slimes → concentrate.',
    inputs: ['ore'],
    products: ['chromite-concentrate'],
    consumables: ['water'],
    capacity_basis: 'feed',
    implemented: true,
  },
  {
    id: 'fecr-saf',
    description:
      'HC ferrochrome in a conventional AC submerged-arc furnace (lumpy ore, briquettes).',
    inputs: ['chromite'],
    products: ['hc-ferrochrome'],
    consumables: [...FECR_CONSUMABLES, 'bentonite'],
    capacity_basis: 'product',
    implemented: true,
    limitations: FECR_LIMITATIONS,
  },
  {
    id: 'fecr-dc',
    description: 'HC ferrochrome in a DC open-arc furnace on fines (as Aktobe shop 4).',
    inputs: ['chromite'],
    products: ['hc-ferrochrome'],
    consumables: DC_CONSUMABLES,
    capacity_basis: 'product',
    implemented: true,
    limitations: FECR_LIMITATIONS,
  },
  {
    id: 'fecr-outokumpu',
    description:
      'Pelletising and oxidative sintering, shaft-kiln preheating with CO gas, closed SAF.',
    inputs: ['chromite'],
    products: ['hc-ferrochrome'],
    consumables: [...FECR_CONSUMABLES, 'bentonite'],
    capacity_basis: 'product',
    implemented: true,
    limitations: FECR_LIMITATIONS,
  },
  {
    id: 'fecr-prereduced',
    description: 'Pelletising, rotary-kiln pre-reduction with coal, hot charging to a SAF.',
    inputs: ['chromite'],
    products: ['hc-ferrochrome'],
    consumables: [...FECR_CONSUMABLES, 'coal', 'bentonite'],
    capacity_basis: 'product',
    implemented: true,
    limitations: FECR_LIMITATIONS,
  },
  {
    id: 'fecr-refining',
    description:
      'MC/LC ferrochrome by silicothermic reduction (Perrin type): chromite + lime melt reduced by purchased FeSiCr.',
    inputs: ['chromite'],
    products: ['lc-ferrochrome'],
    consumables: ['fesicr', 'lime'],
    capacity_basis: 'product',
    implemented: true,
  },
  {
    id: 'cr-aluminothermic',
    description:
      'Calcium-free soda-ash roast (recycled residue) → sodium chromate → Cr2O3, then aluminothermic reduction to chromium metal; Cr(VI) residue detoxified, liquors treated.',
    inputs: ['chromite'],
    products: ['chromium-metal'],
    consumables: [
      'soda-ash',
      'lime',
      'sulfur',
      'aluminium',
      'natural-gas',
      'water',
      'ferrous-sulphate',
      'hazardous-waste-disposal',
    ],
    capacity_basis: 'product',
    implemented: true,
  },
  {
    id: 'cr-aluminothermic-oxide',
    description:
      'Purchased metallurgical- or pigment-grade Cr2O3, aluminothermic reduction to chromium metal (buy the oxide instead of making it by the chromate route).',
    inputs: ['oxide'],
    products: ['chromium-metal'],
    consumables: ['aluminium', 'lime'],
    capacity_basis: 'product',
    implemented: true,
  },
  {
    id: 'cr-electrolytic',
    description:
      'HC ferrochrome leached to a chrome-alum electrolyte and electrowon to chromium metal.',
    inputs: ['ferrochrome'],
    products: ['chromium-metal'],
    consumables: ['sulfuric-acid', 'ammonia', 'water'],
    capacity_basis: 'product',
    implemented: true,
  },
];

export const TEMPLATE_IDS = TEMPLATES.map((t) => t.id);

export function templateInfo(id: string): TemplateInfo | undefined {
  return TEMPLATES.find((t) => t.id === id);
}
