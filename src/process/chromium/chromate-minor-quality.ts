/**
 * The chromate route's minor elements in its run: the ledger (chromate-minor-ledger.ts) on the
 * solved dry concentrate, and the KPIs a buyer and the environment section read. The metal's
 * contents are reported on the metal including them, as the smelter's alloy
 * (minor-product-shares.ts).
 */
import { chromiteMinorContents } from '../pyro/minor-element-data.js';
import type { MinorContents } from '../pyro/minor-elements.js';
import { minorProductShares } from '../pyro/minor-product-shares.js';
import { chromateMinorBalance, type ChromateMinorBalance } from './chromate-minor-ledger.js';

export interface ChromateMinorQuality {
  ledger: ChromateMinorBalance;
  kpis: Record<string, number>;
  warnings: string[];
}

/**
 * @param dry_kg_per_h - Dry concentrate fed (major oxides and bound water) [kg/h]
 * @param metal_kg_per_h - Chromium metal of the species balance [kg/h]
 * @param given - S, P, Ti the feed states [wt% of the element]; the rest from the default
 */
export function chromateMinorQuality(
  dry_kg_per_h: number,
  metal_kg_per_h: number,
  given: Partial<MinorContents> | undefined,
): ChromateMinorQuality {
  const warnings: string[] = [];
  const ledger = chromateMinorBalance(
    dry_kg_per_h,
    chromiteMinorContents(given, warnings, "the chromate route's"),
  );
  const metal = minorProductShares(metal_kg_per_h, ledger.metal_kg_per_h);
  return {
    ledger,
    kpis: {
      metal_s_wt_pct: metal.wt_pct.S,
      metal_p_wt_pct: metal.wt_pct.P,
      metal_ti_wt_pct: metal.wt_pct.Ti,
      effluent_s_kg_per_t: metal.per_t(ledger.effluent_kg_per_h.S),
      offgas_s_kg_per_t: metal.per_t(ledger.offgas_kg_per_h.S),
    },
    warnings,
  };
}
