import { InputError } from '../errors.js';
import { cachedSpeciesSet, type CompiledSpeciesSet } from './compiled.js';

/** A stream of a process step: species amounts (or flows) at one temperature. */
export interface ThermoStream {
  /** Species formula (phase suffix allowed) → amount [mol] or flow [mol/s]. */
  amounts_mol: Readonly<Record<string, number>>;
  /** Temperature [K]. */
  T_K: number;
}

function streamSet(
  stream: ThermoStream,
  field: string,
): { set: CompiledSpeciesSet; n: Float64Array } {
  const names = Object.keys(stream.amounts_mol);
  const n = Float64Array.from(
    names.map((k) => {
      const v = stream.amounts_mol[k] ?? Number.NaN;
      if (!(v >= 0) || !Number.isFinite(v))
        throw new InputError(`${field}.amounts_mol.${k}`, v, 'a finite amount ≥ 0 mol');
      return v;
    }),
  );
  if (!Number.isFinite(stream.T_K))
    throw new InputError(`${field}.T_K`, stream.T_K, 'a temperature in K');
  return { set: cachedSpeciesSet(names), n };
}

/**
 * Enthalpy of a mixture (ideal: no heat of mixing), with absolute species enthalpies
 * H_i = ΔfH298,i + H_i(T) − H_i(298.15), each species in its stable phase unless suffixed.
 *
 * H = Σ n_i H_i(T)
 *
 * @param stream - Amounts [mol] (or flows [mol/s]) and temperature [K]
 * @returns Enthalpy [J] (or enthalpy flow [W] for flows)
 */
export function streamEnthalpy_J(stream: ThermoStream): number {
  const { set, n } = streamSet(stream, 'stream');
  return set.streamEnthalpy_W(n, stream.T_K);
}

/** Result of {@link heatBalance}. */
export interface HeatBalance {
  /** Σ H of the inputs at their temperatures [J]. */
  H_in_J: number;
  /** Σ H of the outputs at their temperatures [J]. */
  H_out_J: number;
  /** Heat to add to the step, Q = H_out − H_in [J] (negative: heat to remove). */
  heat_to_add_J: number;
  /** Element balance residual, outputs − inputs, per element [mol]. */
  element_imbalance_mol: Record<string, number>;
}

/**
 * Heat balance of a process step: inputs enter at their temperatures, outputs leave at theirs;
 * by the first law (steady state, no work) Q = Σ H_out − Σ H_in. Uses absolute enthalpies, so
 * heats of reaction are included. Refuses a step whose element balance does not close.
 *
 * @param inputs - Input streams (amounts [mol] or flows [mol/s], T [K])
 * @param outputs - Output streams
 * @param tolerance_mol - Largest allowed element imbalance [mol] (default 1e-9 × total)
 * @returns Enthalpies [J] (or [W] for flows) and the heat to add
 * @throws InputError when elements are not conserved
 */
export function heatBalance(
  inputs: readonly ThermoStream[],
  outputs: readonly ThermoStream[],
  tolerance_mol?: number,
): HeatBalance {
  const imbalance: Record<string, number> = {};
  let total = 0;
  const sum = (streams: readonly ThermoStream[], sign: number, field: string): number => {
    let H = 0;
    streams.forEach((s, k) => {
      const { set, n } = streamSet(s, `${field}[${k}]`);
      H += set.streamEnthalpy_W(n, s.T_K);
      set.elements.forEach((e, r) => {
        let a = 0;
        for (let j = 0; j < set.size; j++)
          a += (set.elementMatrix[r * set.size + j] as number) * (n[j] as number);
        imbalance[e] = (imbalance[e] ?? 0) + sign * a;
        total += a;
      });
    });
    return H;
  };
  const H_in = sum(inputs, -1, 'inputs');
  const H_out = sum(outputs, 1, 'outputs');
  const tol = tolerance_mol ?? 1e-9 * Math.max(total, 1e-300);
  const bad = Object.entries(imbalance).filter(([, v]) => Math.abs(v) > tol);
  if (bad.length > 0)
    throw new InputError(
      'outputs',
      Object.fromEntries(bad),
      'outputs that conserve every element of the inputs (imbalance shown, mol)',
    );
  return {
    H_in_J: H_in,
    H_out_J: H_out,
    heat_to_add_J: H_out - H_in,
    element_imbalance_mol: imbalance,
  };
}
