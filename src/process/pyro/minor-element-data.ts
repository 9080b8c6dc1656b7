/**
 * Defaults of the minor-element ledger from data/pyro/minor-elements.json: the contents of the
 * smelter's materials, the chromite default and the distribution between alloy, slag and gas.
 */
import data from '../../../data/pyro/minor-elements.json' with { type: 'json' };
import {
  MINOR_ELEMENTS,
  validateMinorPartition,
  type MinorContents,
  type MinorElement,
  type MinorPartition,
} from './minor-elements.js';

/** The materials of the ferrochrome templates that carry minor elements. */
export type MinorMaterial = keyof typeof data.materials;

type Contents = Readonly<Record<`${MinorElement}_wt_pct`, { value: number }>>;

const contentsOf = (c: Contents): MinorContents => ({
  S: c.S_wt_pct.value,
  P: c.P_wt_pct.value,
  Ti: c.Ti_wt_pct.value,
});

/** Minor-element contents of each material, dry [wt%]. */
export const MINOR_MATERIAL_CONTENTS: Readonly<Record<MinorMaterial, MinorContents>> =
  Object.fromEntries(Object.entries(data.materials).map(([k, v]) => [k, contentsOf(v)])) as Record<
    MinorMaterial,
    MinorContents
  >;

/** Contents of a chromite feed that states none (Kempirsai concentrate, assumed) [wt%]. */
export const CHROMITE_MINOR_DEFAULT: MinorContents = contentsOf(data.chromite_default);

/** Distribution of each minor element to alloy and slag [–]. */
export const MINOR_PARTITION: MinorPartition = (() => {
  const p = data.partition;
  const split = (e: MinorElement) => ({ alloy: p[e].alloy.value, slag: p[e].slag.value });
  const out = Object.fromEntries(MINOR_ELEMENTS.map((e) => [e, split(e)])) as Record<
    MinorElement,
    { alloy: number; slag: number }
  >;
  validateMinorPartition(out, 'data/pyro/minor-elements.json partition');
  return out;
})();

/**
 * A chromite feed's minor contents: those it states, the others from the Kempirsai default
 * (with a warning naming the analysis keys not stated).
 * @param given - S, P, Ti the feed states [wt% of the element]
 * @param warnings - Receives the warning
 * @param whose - Whose minor elements the default feeds, for the warning ("the alloy's")
 */
export function chromiteMinorContents(
  given: Partial<MinorContents> | undefined,
  warnings: string[],
  whose: string,
): MinorContents {
  const missing = MINOR_ELEMENTS.filter((e) => given?.[e] === undefined);
  if (missing.length > 0)
    warnings.push(
      `the chromite feed states no ${missing.map((e) => KEY_OF[e]).join(', ')}: the assumed contents of Kempirsai concentrate are used for ${whose} minor elements (data/pyro/minor-elements.json chromite_default)`,
    );
  const pick = (e: MinorElement): number => given?.[e] ?? CHROMITE_MINOR_DEFAULT[e];
  return { S: pick('S'), P: pick('P'), Ti: pick('Ti') };
}

/** The feed-analysis key that states each element. */
const KEY_OF: Readonly<Record<MinorElement, string>> = { S: 'S', P: 'P2O5', Ti: 'TiO2' };
