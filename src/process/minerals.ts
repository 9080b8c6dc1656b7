import chlorite from '../../data/minerals/chlorite.json' with { type: 'json' };
import chromite from '../../data/minerals/chromite.json' with { type: 'json' };
import carbonate from '../../data/minerals/carbonate.json' with { type: 'json' };
import magnetite from '../../data/minerals/magnetite.json' with { type: 'json' };
import olivine from '../../data/minerals/olivine.json' with { type: 'json' };
import pyroxene from '../../data/minerals/pyroxene.json' with { type: 'json' };
import serpentine from '../../data/minerals/serpentine.json' with { type: 'json' };
import { InputError } from '../errors.js';

/** Provenance status of a number (verified: the cited source states it; derived: computed from cited sources; assumed: with the reason; calibrated = fitted to a figure). */
export type ValueStatus = 'verified' | 'derived' | 'assumed' | 'calibrated';

/** A value with its unit and source, as stored in `data/`. */
export interface SourcedValue<T> {
  value: T;
  unit: string;
  source: string;
  status: ValueStatus;
}

/** Magnetic susceptibility classes used by the LIMS/WHIMS partition models. */
export const MAGNETIC_CLASSES = [
  'ferromagnetic',
  'paramagnetic',
  'weakly-paramagnetic',
  'diamagnetic',
] as const;
export type MagneticClass = (typeof MAGNETIC_CLASSES)[number];

/** A mineral as defined in `data/minerals/<id>.json`. */
export interface MineralData {
  id: string;
  name: string;
  formula: string;
  role: string;
  density_kg_per_m3: SourcedValue<number>;
  magnetic_susceptibility_class: SourcedValue<string>;
  /** Oxide analysis [wt%], summing to 100 (±0.01); oxides are formulas like `Cr2O3`, `H2O`, `CO2`. */
  oxides_wt_pct: SourcedValue<Record<string, number>>;
}

/** The minerals shipped in `data/minerals/`, by id. */
export const MINERALS: Readonly<Record<string, MineralData>> = Object.fromEntries(
  [chromite, serpentine, olivine, pyroxene, magnetite, chlorite, carbonate].map((m) => [
    m.id,
    m as MineralData,
  ]),
);

/**
 * Validates a mineral definition (density, class, oxide analysis summing to 100 ± 0.01 wt%).
 * @throws InputError naming the mineral field
 */
export function validateMineral(m: MineralData, field = `minerals.${m.id}`): void {
  const rho = m.density_kg_per_m3.value;
  if (!(Number.isFinite(rho) && rho > 1000 && rho < 25_000))
    throw new InputError(
      `${field}.density_kg_per_m3`,
      rho,
      'a density between 1000 and 25000 kg/m3',
    );
  if (!(MAGNETIC_CLASSES as readonly string[]).includes(m.magnetic_susceptibility_class.value))
    throw new InputError(
      `${field}.magnetic_susceptibility_class`,
      m.magnetic_susceptibility_class.value,
      `one of ${MAGNETIC_CLASSES.join(', ')}`,
    );
  let sum = 0;
  for (const [ox, v] of Object.entries(m.oxides_wt_pct.value)) {
    if (!(Number.isFinite(v) && v >= 0))
      throw new InputError(`${field}.oxides_wt_pct.${ox}`, v, 'a non-negative wt%');
    sum += v;
  }
  if (Math.abs(sum - 100) > 0.01)
    throw new InputError(`${field}.oxides_wt_pct`, sum, 'oxides summing to 100 ± 0.01 wt%');
}
