import { InputError } from '../../errors.js';
import type { ComponentModel } from '../components.js';
import { createStream, type Stream } from '../stream.js';
import { addMol, comp, molarMassOf } from '../units/chromium/common.js';

/** Chromite concentrate as a chemical (oxide) analysis [wt%, dry]. */
export interface ChromiteFeed {
  oxides_wt_pct: Readonly<Record<string, number>>;
  /**
   * S, P and Ti of the dry concentrate [wt% of the element], on top of the oxide analysis:
   * carried by the chromate route's minor-element ledger (chromate-minor-ledger.ts), not the
   * species balance. Elements not given take data/pyro/minor-elements.json's chromite default
   * with a warning.
   */
  minor_wt_pct?: Readonly<Partial<Record<'S' | 'P' | 'Ti', number>>>;
}
/** HC ferrochrome as an element analysis [wt%]. */
export interface FerrochromeFeed {
  alloy_wt_pct: Readonly<Record<string, number>>;
}
export type ChromiumFeed = ChromiteFeed | FerrochromeFeed;

const OXIDES = ['Cr2O3', 'FeO', 'Fe2O3', 'MgO', 'Al2O3', 'SiO2', 'CaO', 'H2O', 'CO2'] as const;
const ALLOY = ['Cr', 'Fe', 'C', 'Si'] as const;

function checkedAnalysis(
  a: Readonly<Record<string, number>>,
  allowed: readonly string[],
  field: string,
): Record<string, number> {
  let sum = 0;
  for (const [k, v] of Object.entries(a)) {
    if (!allowed.includes(k))
      throw new InputError(
        `${field}.${k}`,
        v,
        `one of ${allowed.join(', ')} (others are not modelled)`,
      );
    if (typeof v !== 'number' || !Number.isFinite(v) || v < 0)
      throw new InputError(`${field}.${k}`, v, 'a finite wt% ≥ 0');
    sum += v;
  }
  if (Math.abs(sum - 100) > 2)
    throw new InputError(
      field,
      sum,
      'an analysis summing to 100 ± 2 wt% (it is normalised to 100)',
    );
  return Object.fromEntries(Object.entries(a).map(([k, v]) => [k, (v * 100) / sum]));
}

/**
 * Species flows of a chromite concentrate from its oxide analysis (normalised to 100 %):
 * FeO combines with Cr2O3 to FeCr2O4, the remaining Cr2O3 with MgO to MgCr2O4, the rest of
 * Cr2O3 stays free; leftover FeO, MgO and Fe2O3, Al2O3, SiO2, CaO are separate oxides; H2O
 * (moisture, as `H2O(aq)`) and CO2 (as `CO2(g)`) are volatiles driven off in the kiln.
 * @param feed_kg_per_h - Dry concentrate [kg/h]
 * @throws InputError for unknown oxides, negative values or a sum outside 100 ± 2 wt%
 */
export function chromiteFeedStream(
  model: ComponentModel,
  feed: ChromiteFeed,
  feed_kg_per_h: number,
  field = 'feed.oxides_wt_pct',
): Stream {
  const a = checkedAnalysis(feed.oxides_wt_pct, OXIDES, field);
  const s = createStream(model);
  const n = (ox: string): number =>
    (((a[ox] ?? 0) / 100) * feed_kg_per_h) / molarMassOf(model, `${ox}(s)`);
  let cr = n('Cr2O3');
  let feo = n('FeO');
  let mgo = n('MgO');
  const fc = Math.min(cr, feo);
  cr -= fc;
  feo -= fc;
  const mc = Math.min(cr, mgo);
  cr -= mc;
  mgo -= mc;
  addMol(model, s, 'FeCr2O4(s)', fc);
  addMol(model, s, 'MgCr2O4(s)', mc);
  addMol(model, s, 'Cr2O3(s)', cr);
  addMol(model, s, 'FeO(s)', feo);
  addMol(model, s, 'MgO(s)', mgo);
  for (const ox of ['Fe2O3', 'Al2O3', 'SiO2', 'CaO']) addMol(model, s, `${ox}(s)`, n(ox));
  // volatiles (moisture and carbonate CO2, e.g. the concentrator's analysis) leave in the kiln
  s.flow[comp(model, 'H2O(aq)')] = ((a.H2O ?? 0) / 100) * feed_kg_per_h;
  s.flow[comp(model, 'CO2(g)')] = ((a.CO2 ?? 0) / 100) * feed_kg_per_h;
  return s;
}

/**
 * Element flows of HC ferrochrome (Cr, Fe, C, Si as the components `Cr(s)`, `Fe(s)`, `C(s)`,
 * `Si(s)`; carbides are not resolved).
 * @param feed_kg_per_h - Alloy [kg/h]
 */
export function ferrochromeFeedStream(
  model: ComponentModel,
  feed: FerrochromeFeed,
  feed_kg_per_h: number,
  field = 'feed.alloy_wt_pct',
): Stream {
  const a = checkedAnalysis(feed.alloy_wt_pct, ALLOY, field);
  const s = createStream(model);
  for (const el of ALLOY) s.flow[comp(model, `${el}(s)`)] = ((a[el] ?? 0) / 100) * feed_kg_per_h;
  return s;
}
