/**
 * Products and consumables a scenario can name, with their customs codes. HS codes from the
 * Harmonized System nomenclature (World Customs Organization, HS 2022: 2610 chromium ores and
 * concentrates; 7202 41 ferrochromium > 4 % C; 7202 49 ferrochromium ≤ 4 % C; 8112 21
 * unwrought chromium). Prices are scenario data (markets.products), not kept here.
 */

export interface ProductInfo {
  id: string;
  name: string;
  hs_code: string;
  /** Depth of processing, used to order the value ladder (0 = least processed). */
  depth: number;
}

export const PRODUCTS: readonly ProductInfo[] = [
  { id: 'chromite-concentrate', name: 'Chromite concentrate', hs_code: '2610 00', depth: 0 },
  { id: 'hc-ferrochrome', name: 'High-carbon ferrochrome', hs_code: '7202 41', depth: 1 },
  // MC/LC FeCr (template fecr-refining). Reference price: LC FeCr C0.50, China, 12,900 RMB/t at
  // 60 % Cr basis (Feb 2025, SMM CITIC tender, https://news.metal.com/newscontent/103178138/) = 10,750 RMB/t on the 50 % Cr basis of
  // `price_rmb_per_t_50pct_cr_vat_incl` (VAT inclusion not stated by the source; assumed included).
  { id: 'lc-ferrochrome', name: 'Low/medium-carbon ferrochrome', hs_code: '7202 49', depth: 2 },
  { id: 'chromium-oxide', name: 'Chromium(III) oxide (Cr2O3)', hs_code: '2819 90', depth: 2 },
  { id: 'chromium-metal', name: 'Chromium metal, unwrought', hs_code: '8112 21', depth: 3 },
];

export const PRODUCT_IDS = PRODUCTS.map((p) => p.id);

/** Consumables a flowsheet may draw, with the unit their price is quoted in. */
export const CONSUMABLES = {
  coke: 'USD/t',
  quartzite: 'USD/t',
  lime: 'USD/t',
  /** Söderberg paste, the self-baking electrode of AC submerged-arc furnaces. */
  'electrode-paste': 'USD/t',
  /** Prebaked graphite electrodes, the cathode of DC open-arc furnaces. */
  'graphite-electrode': 'USD/t',
  aluminium: 'USD/t',
  'soda-ash': 'USD/t',
  sulfur: 'USD/t',
  'sulfuric-acid': 'USD/t',
  ammonia: 'USD/t',
  coal: 'USD/t',
  bentonite: 'USD/t',
  /** Ferrosilicochrome (FeSiCr), the reductant of silicothermic MC/LC FeCr. */
  fesicr: 'USD/t',
  'natural-gas': 'USD/MWh',
  water: 'USD/m3',
  /** Ferrous sulphate heptahydrate (copperas), a Cr(VI) reductant. */
  'ferrous-sulphate': 'USD/t',
  /** Sodium sulphide flakes (60 % Na2S), a Cr(VI) reductant. */
  'sodium-sulphide': 'USD/t',
  /** Stabilisation and disposal of hazardous (Cr-bearing) waste, per t of wet waste. */
  'hazardous-waste-disposal': 'USD/t',
  /** Disposal of sodium sulphate salt cake not sold, per t. */
  'salt-cake-disposal': 'USD/t',
} as const;

export type ConsumableId = keyof typeof CONSUMABLES;
export const CONSUMABLE_IDS = Object.keys(CONSUMABLES) as ConsumableId[];
