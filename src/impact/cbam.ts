import type { DataFile } from '../provenance/data-value.js';

/**
 * Share of embedded emissions paid through CBAM certificates in `year` [fraction]: 0 before
 * 2026 (transitional period, reporting only), the phase-in share from data/impact/cbam.json
 * for 2026–2034, and 1 afterwards.
 */
export function cbamShare(cbam: DataFile, year: number): number {
  if (year < 2026) return 0;
  if (year >= 2034) return 1;
  const entry = cbam.values[`cbam_share_${year}`];
  if (!entry) throw new Error(`data/impact/cbam.json lacks cbam_share_${year}`);
  return entry.value / 100;
}

/**
 * Mark-up on a CBAM default value in `year` [fraction]: Implementing Regulation (EU) 2025/2621
 * Annex I gives each default value with 10 % (2026), 20 % (2027) and 30 % (2028 onwards) added
 * (data/impact/cbam.json default_markup_<year>). Before 2026 no certificates are due, so no
 * mark-up applies.
 */
export function cbamDefaultMarkup(cbam: DataFile, year: number): number {
  if (year < 2026) return 0;
  const key = `default_markup_${Math.min(year, 2028)}`;
  const entry = cbam.values[key];
  if (!entry) throw new Error(`data/impact/cbam.json lacks ${key}`);
  return entry.value / 100;
}

/**
 * Embedded emissions CBAM charges in `year` [t CO2/t]: the plant's own (verified) direct
 * emissions, or the default value × (1 + the year's mark-up) when the exporter reports none.
 */
export function cbamEmbeddedEmissions(
  basis:
    | { kind: 'actual'; direct_t_co2_per_t: number }
    | { kind: 'default'; default_t_co2_per_t: number },
  cbam: DataFile,
  year: number,
): number {
  return basis.kind === 'actual'
    ? basis.direct_t_co2_per_t
    : basis.default_t_co2_per_t * (1 + cbamDefaultMarkup(cbam, year));
}

export interface CbamInput {
  year: number;
  /** Tonnes of the covered product exported to the EU in the year [t]. */
  exported_to_eu_t: number;
  /** Embedded emissions, direct + indirect as the regulation counts them [t CO2/t product]. */
  embedded_t_co2_per_t: number;
  /** EU ETS allowance price [EUR/t CO2]. */
  ets_price_eur_per_t_co2: number;
  /** Carbon price effectively paid in the country of origin [EUR/t CO2]. */
  origin_carbon_price_eur_per_t_co2: number;
  /** Exchange rate [EUR/USD]. */
  eur_per_usd: number;
}

/**
 * CBAM cost borne on exports to the EU (as a reduction of the exporter's netback):
 *
 *   cost = q_EU × e × share(year) × max(0, P_ETS − P_origin) / (EUR/USD)
 *
 * @returns Cost in the year [USD].
 * @see Regulation (EU) 2023/956 Art. 21 (certificate price), Art. 9 (carbon price paid in
 *   the country of origin), Art. 31 (adjustment for free allocation).
 */
export function cbamCostUsd(input: CbamInput, cbam: DataFile): number {
  const priceGap = Math.max(
    0,
    input.ets_price_eur_per_t_co2 - input.origin_carbon_price_eur_per_t_co2,
  );
  const eur =
    input.exported_to_eu_t * input.embedded_t_co2_per_t * cbamShare(cbam, input.year) * priceGap;
  return eur / input.eur_per_usd;
}
