/**
 * The route keys of the chromate route (`cr-aluminothermic`): named choices a scenario writes
 * as string overrides (`stages[].flowsheet.overrides.roast: lime-filler`), expanded here into the
 * unit parameters they set. Numeric overrides written beside a key win over the key's values.
 */
import { InputError } from '../../errors.js';

/** Obsolete-route warning of the lime-filler roast. */
export const LIME_FILLER_WARNING =
  'roast: lime-filler — calcium (lime-filler) roasting of chromite was phased out in China by the end of 2013 (MIIT chromium-salt industry plan) because its residue carries far more Cr(VI) (high-lime COPR: 3,400 mg/kg, Zhang et al., Chemosphere 77 (2009) 1143) and is several times larger; the default is calcium-free roasting';

const KEYS: Readonly<Record<string, Readonly<Record<string, Readonly<Record<string, number>>>>>> = {
  roast: {
    'calcium-free': {},
    'lime-filler': {
      'units.kiln.lime_per_feed': 0.8,
      'units.residue-split.fraction_to_a': 0,
      'units.leach.residue_cr6_mg_per_kg': 3400,
    },
  },
  detox_reductant: {
    'ferrous-sulphate': { 'units.detox.reductant': 0, 'units.wwt.reductant': 0 },
    'sodium-sulphide': { 'units.detox.reductant': 1, 'units.wwt.reductant': 1 },
    carbon: { 'units.detox.reductant': 2, 'units.wwt.reductant': 0 },
  },
  sodium_sulphate: {
    sold: { 'units.salt-split.fraction_to_a': 1 },
    disposed: { 'units.salt-split.fraction_to_a': 0 },
  },
};

/** The route keys and their choices (documentation, web forms). */
export const CHROMATE_ROUTE_KEYS: Readonly<Record<string, readonly string[]>> = Object.fromEntries(
  Object.entries(KEYS).map(([k, v]) => [k, Object.keys(v)]),
);

/**
 * Expands the route keys among a stage's overrides.
 * @param keys - String-valued overrides `{ key: choice }`
 * @param field - Scenario path of the overrides (error messages)
 * @returns Numeric unit-parameter overrides and the warnings the choices raise
 * @throws InputError naming the key for an unknown key or choice
 */
export function expandRouteKeys(
  keys: Readonly<Record<string, string>>,
  field: string,
): { overrides: Record<string, number>; warnings: string[] } {
  const overrides: Record<string, number> = {};
  const warnings: string[] = [];
  for (const [key, choice] of Object.entries(keys)) {
    const choices = KEYS[key];
    if (!choices)
      throw new InputError(
        `${field}.${key}`,
        choice,
        `a number, or one of the route keys ${Object.keys(KEYS).join(', ')}`,
      );
    const set = choices[choice];
    if (!set)
      throw new InputError(`${field}.${key}`, choice, `one of ${Object.keys(choices).join(', ')}`);
    Object.assign(overrides, set);
    if (key === 'roast' && choice === 'lime-filler') warnings.push(LIME_FILLER_WARNING);
  }
  return { overrides, warnings };
}
