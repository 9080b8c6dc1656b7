// The Kempirsai concentrate preset as a ferrochrome runner's feed (dry, at 298.15 K).
import feedData from '../../data/feeds/kempirsai-concentrate.json' with { type: 'json' };
import type { ChromiteFeed } from '../../src/process/pyro/run-fecr.js';

const v = feedData.values;

/** The preset's analysis, dry, with optional minor-element contents [wt%]. */
export function kempirsaiFeed(minor?: ChromiteFeed['minor_wt_pct']): ChromiteFeed {
  return {
    analysis: {
      Cr2O3: v.Cr2O3.value,
      FeO: v.FeO.value,
      MgO: v.MgO.value,
      Al2O3: v.Al2O3.value,
      SiO2: v.SiO2.value,
      CaO: v.CaO.value,
      LOI: v.LOI.value,
    },
    moisture_wt_pct: 0,
    ...(minor ? { minor_wt_pct: minor } : {}),
  };
}
