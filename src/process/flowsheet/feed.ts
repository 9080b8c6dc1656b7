import { InputError } from '../../errors.js';
import type { ComponentModel } from '../components.js';
import { mineralsFromOxides } from './normative.js';
import { createStream, syncMineralTotals, T_AMBIENT_K, type Stream } from '../stream.js';

/** Description of an ore feed (dry tonnage, mineralogy or Cr2O3 grade, moisture, size). */
export interface OreFeed {
  /** Dry ore tonnage [t/h]. */
  ore_t_per_h: number;
  /** Moisture of the ore (water / wet ore) [wt%]; default 3 (assumed). */
  moisture_wt_pct?: number;
  /** Mineralogy on a dry basis [wt%], summing to 100 ± 0.01; or give cr2o3_wt_pct instead. */
  minerals_wt_pct?: Record<string, number>;
  /**
   * Chemical analysis [wt%] (dry): mineralogy by non-negative least squares against the
   * minerals' oxide analyses (`LOI` = H2O + CO2); rejected if any oxide misfits by > 1 wt%.
   */
  oxides_wt_pct?: Record<string, number>;
  /** Ore grade [wt% Cr2O3]: chromite = grade / (Cr2O3 in chromite), the rest gangue split by `gangue_wt_pct`. */
  cr2o3_wt_pct?: number;
  /** Relative proportions of the gangue minerals (normalised) when cr2o3_wt_pct is given. */
  gangue_wt_pct?: Record<string, number>;
  /** Size: Rosin–Rammler distribution with this 80 % passing size [mm]; default 150 (ROM, assumed). */
  f80_mm?: number;
  /** Rosin–Rammler spread n [-]; default 0.8 (assumed). */
  rosin_rammler_n?: number;
  /** Temperature [K]; default 298.15. */
  T_K?: number;
}

/**
 * Default gangue mineralogy of Kempirsai ore (relative wt%): serpentinised dunite with chlorite,
 * carbonate and accessory magnetite. Assumed: no quantitative mineralogy of Kempirsai ore was found; Saveliev et al., Minerals
 * 13(2):263 (2023), https://doi.org/10.3390/min13020263, name serpentine and chlorite replacing olivine.
 */
export const DEFAULT_GANGUE_WT_PCT: Readonly<Record<string, number>> = {
  serpentine: 55,
  olivine: 12,
  pyroxene: 5,
  magnetite: 5,
  chlorite: 13,
  carbonate: 10,
};

/**
 * Builds a feed stream from an ore description.
 * Size: Rosin–Rammler passing P(d) = 1 − exp(−(d/d63)^n), d63 = F80 / (ln 5)^(1/n), the same
 * for every mineral (no preferential breakage in the ROM).
 * @throws InputError naming the field for inconsistent or out-of-range input
 */
export function oreFeedStream(model: ComponentModel, feed: OreFeed, field = 'feed'): Stream {
  const q = feed.ore_t_per_h;
  if (!(Number.isFinite(q) && q >= 0))
    throw new InputError(`${field}.ore_t_per_h`, q, 'a non-negative dry tonnage in t/h');
  const moisture = feed.moisture_wt_pct ?? 3;
  if (!(moisture >= 0 && moisture < 100))
    throw new InputError(`${field}.moisture_wt_pct`, moisture, 'a moisture between 0 and 100 wt%');
  const f80 = feed.f80_mm ?? 150;
  if (!(f80 > 0)) throw new InputError(`${field}.f80_mm`, f80, 'a positive size in mm');
  const n = feed.rosin_rammler_n ?? 0.8;
  if (!(n > 0.1 && n < 10))
    throw new InputError(`${field}.rosin_rammler_n`, n, 'a spread between 0.1 and 10');
  const T = feed.T_K ?? T_AMBIENT_K;
  if (!(Number.isFinite(T) && T > 0))
    throw new InputError(`${field}.T_K`, T, 'a positive temperature in K');
  const wt = mineralogy(model, feed, field);
  const s = createStream(model);
  s.T_K = T;
  const d63 = (f80 * 1000) / Math.pow(Math.log(5), 1 / n);
  const passing = (d: number): number => (d <= 0 ? 0 : 1 - Math.exp(-Math.pow(d / d63, n)));
  const ns = model.nSize;
  for (let r = 0; r < model.nMin; r++) {
    const m = (q * 1000 * (wt[r] ?? 0)) / 100;
    for (let k = 0; k < ns; k++) {
      const up = k === 0 ? 1 : passing(model.sieve.upper_um[k] ?? 0);
      s.sized[r * ns + k] = m * (up - passing(model.sieve.lower_um[k] ?? 0));
    }
  }
  s.flow[model.water] = (q * 1000 * moisture) / (100 - moisture);
  syncMineralTotals(model, s);
  return s;
}

function mineralogy(model: ComponentModel, feed: OreFeed, field: string): Float64Array {
  const wt = new Float64Array(model.nMin);
  const rowOf = (id: string, f: string): number => {
    const r = model.minerals.findIndex((m) => m.id === id);
    if (r < 0)
      throw new InputError(
        f,
        id,
        `a mineral of the model (${model.minerals.map((m) => m.id).join(', ')})`,
      );
    return r;
  };
  const given = [feed.minerals_wt_pct, feed.oxides_wt_pct, feed.cr2o3_wt_pct].filter(
    (v) => v !== undefined,
  ).length;
  if (given !== 1)
    throw new InputError(
      field,
      feed,
      'exactly one of minerals_wt_pct, oxides_wt_pct or cr2o3_wt_pct',
    );
  if (feed.oxides_wt_pct)
    return mineralsFromOxides(model, feed.oxides_wt_pct, 1, `${field}.oxides_wt_pct`)
      .minerals_wt_pct;
  if (feed.minerals_wt_pct) {
    let sum = 0;
    for (const [id, v] of Object.entries(feed.minerals_wt_pct)) {
      if (!(v >= 0))
        throw new InputError(`${field}.minerals_wt_pct.${id}`, v, 'a non-negative wt%');
      wt[rowOf(id, `${field}.minerals_wt_pct.${id}`)] = v;
      sum += v;
    }
    if (Math.abs(sum - 100) > 0.01)
      throw new InputError(`${field}.minerals_wt_pct`, sum, 'minerals summing to 100 ± 0.01 wt%');
    for (let r = 0; r < wt.length; r++) wt[r] = ((wt[r] ?? 0) * 100) / sum;
    return wt;
  }
  const grade = feed.cr2o3_wt_pct;
  if (grade === undefined) throw new InputError(field, feed, 'minerals_wt_pct or cr2o3_wt_pct');
  const cr = rowOf('chromite', `${field}.cr2o3_wt_pct`);
  const chromiteCr2O3 = model.minerals[cr]?.oxides_wt_pct.value.Cr2O3 ?? 0;
  if (!(grade >= 0 && grade <= chromiteCr2O3))
    throw new InputError(
      `${field}.cr2o3_wt_pct`,
      grade,
      `a grade between 0 and the Cr2O3 content of chromite (${chromiteCr2O3} wt%)`,
    );
  const chromite = (100 * grade) / chromiteCr2O3;
  const gangue = feed.gangue_wt_pct ?? DEFAULT_GANGUE_WT_PCT;
  let gsum = 0;
  for (const [id, v] of Object.entries(gangue)) {
    if (!(v >= 0))
      throw new InputError(`${field}.gangue_wt_pct.${id}`, v, 'a non-negative proportion');
    if (id === 'chromite')
      throw new InputError(`${field}.gangue_wt_pct.${id}`, v, 'gangue minerals only');
    rowOf(id, `${field}.gangue_wt_pct.${id}`);
    gsum += v;
  }
  if (!(gsum > 0))
    throw new InputError(`${field}.gangue_wt_pct`, gangue, 'proportions with a positive sum');
  for (const [id, v] of Object.entries(gangue)) wt[rowOf(id, '')] = ((100 - chromite) * v) / gsum;
  wt[cr] = chromite;
  return wt;
}
