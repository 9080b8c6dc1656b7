import { ConvergenceError, InputError } from '../errors.js';
import { parseReaction } from '../chem/reaction-equation.js';
import { cachedSpeciesSet, CompiledSpeciesSet } from './compiled.js';
import { heatBalance, type ThermoStream } from './heat-balance.js';

/** Result of {@link adiabaticTemperature} (CLI `thermo adiabatic --json`). */
export interface AdiabaticResult {
  /** Adiabatic temperature of the products [K]. */
  T_ad_K: number;
  /** Liquid fraction (molar) of each condensed product at T_ad [0..1]; gases are omitted. */
  molten_fraction: Record<string, number>;
  /** Enthalpy of the reactants at T0 = enthalpy of the products at T_ad [J]. */
  H_J: number;
}

/**
 * Adiabatic temperature of a complete reaction (or of given product amounts): the products
 * take the enthalpy of the reactants at T0, H_p(T_ad) = H_r(T0). Products change phase on the
 * way (melting, boiling of e.g. Mg): when H_r(T0) falls inside a transition the temperature is
 * the transition temperature and the product is partly molten; `molten_fraction` reports for
 * each condensed product the fraction that is liquid (1 above its melting point, 0 below).
 *
 * @param equation - Balanced equation; reactants enter at T0, products leave at T_ad
 * @param options.T0_K - Reactant temperature [K] (default 298.15)
 * @returns T_ad [K] and molten fractions [-]
 * @throws InputError for a bad equation/T0, NotImplemented never; ConvergenceError if the
 *   products cannot absorb the heat within their temperature range (T_ad above data range)
 */
export function adiabaticTemperature(
  equation: string,
  options: { T0_K?: number } = {},
): AdiabaticResult {
  const T0 = options.T0_K ?? 298.15;
  if (!Number.isFinite(T0)) throw new InputError('T0_K', T0, 'a temperature in K');
  const r = parseReaction(equation);
  const reactants = new CompiledSpeciesSet(r.reactants.map((t) => t.species));
  const products = new CompiledSpeciesSet(r.products.map((t) => t.species));
  const nr = Float64Array.from(r.reactants.map((t) => t.coefficient));
  const np = Float64Array.from(r.products.map((t) => t.coefficient));
  return solveAdiabatic(
    reactants.streamEnthalpy_W(nr, T0),
    products,
    np,
    `"${equation}"`,
    'equation',
  );
}

/**
 * Adiabatic temperature of given products fed by streams at their own temperatures, with
 * optional heat added (e.g. electric power × time): Σ n_p H_p(T_ad) = Σ H_in + Q.
 * Use it for a reacting mixture whose product amounts come from a balance or from
 * {@link equilibrate}.
 *
 * @param inputs - Feed streams (amounts [mol], T [K])
 * @param products_mol - Product species → amount [mol]; must conserve the feed's elements
 * @param options.heat_added_J - Heat supplied to the step [J] (default 0)
 * @returns T_ad [K], molten fractions [-] and the enthalpy [J]
 * @throws InputError if elements are not conserved; ConvergenceError above the data range
 */
export function adiabaticTemperatureOfStreams(
  inputs: readonly ThermoStream[],
  products_mol: Readonly<Record<string, number>>,
  options: { heat_added_J?: number } = {},
): AdiabaticResult {
  const names = Object.keys(products_mol);
  const np = Float64Array.from(names.map((k) => products_mol[k] ?? Number.NaN));
  // Element conservation and feed enthalpy through the heat balance at an arbitrary product T.
  const probe = heatBalance(inputs, [{ amounts_mol: products_mol, T_K: 298.15 }]);
  const Q = options.heat_added_J ?? 0;
  if (!Number.isFinite(Q)) throw new InputError('heat_added_J', Q, 'a finite heat in J');
  return solveAdiabatic(
    probe.H_in_J + Q,
    cachedSpeciesSet(names),
    np,
    'the products',
    'products_mol',
  );
}

/** Finds T with Σ n H(T) = H0 over the products' common range; molten fractions at T. */
function solveAdiabatic(
  H0: number,
  products: CompiledSpeciesSet,
  np: Float64Array,
  label: string,
  field: string,
): AdiabaticResult {
  const Tmax = Math.min(...products.Tmax_K);
  const Tmin = Math.max(...products.Tmin_K);
  const Hp = (T: number): number => products.streamEnthalpy_W(np, T);
  if (Hp(Tmin) > H0)
    throw new InputError(
      field,
      label,
      `products that can be heated from ${String(Tmin)} K (at ${String(Tmin)} K they already hold more enthalpy than the feed)`,
    );
  if (Hp(Tmax) < H0)
    throw new ConvergenceError(
      `adiabatic temperature of ${label}`,
      0,
      (H0 - Hp(Tmax)) / 1000,
      `adiabatic temperature of ${label} is above ${String(Tmax)} K, the upper limit of the product data (${((H0 - Hp(Tmax)) / 1000).toFixed(1)} kJ left)`,
    );
  // H_p is increasing in T with upward jumps at phase changes: bisection on the bracket.
  let a = Tmin;
  let b = Tmax;
  let it = 0;
  while (b - a > 1e-9 * b && it < 200) {
    const m = (a + b) / 2;
    if (Hp(m) < H0) a = m;
    else b = m;
    it++;
  }
  const T = (a + b) / 2;
  const below = Hp(a);
  const above = Hp(b);
  const molten: Record<string, number> = {};
  const onJump = above - below > 1e-7 * Math.abs(H0) + 1;
  const dT = 1e-6 * T;
  const Tlo = Math.max(Tmin, T - dT);
  const Thi = Math.min(Tmax, T + dT);
  let left = H0 - below;
  for (let i = 0; i < products.size; i++) {
    const name = products.formulas[i] ?? '';
    const lo = products.phaseAt(i, Tlo);
    const hi = products.phaseAt(i, Thi);
    if (hi.state === 'g' && lo.state === 'g') continue;
    let f = products.phaseAt(i, T).state === 'l' ? 1 : 0;
    if (onJump && lo.state !== 'l' && hi.state === 'l') {
      // T_ad is this product's melting point: only part of the latent heat is supplied.
      const jump =
        (np[i] as number) * (products.h_J_per_mol(i, Thi) - products.h_J_per_mol(i, Tlo));
      f = Math.min(1, Math.max(0, left / jump));
      left -= f * jump;
    }
    molten[name] = (molten[name] ?? 0) + f;
  }
  return { T_ad_K: T, molten_fraction: molten, H_J: H0 };
}
