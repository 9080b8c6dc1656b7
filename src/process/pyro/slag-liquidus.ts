/**
 * Liquidus of a smelter slag (MgO–Al2O3–SiO2 with CaO, FeO and Cr2O3) by an **ideal associate
 * liquid** against the pure solid oxides and compounds — the associate-species method of Besmann
 * and Spear (2002, "Thermochemical modeling of oxide glasses", J. Am. Ceram. Soc. 85(12),
 * 2887–2894), here with **ideal mixing and no fitted parameter**: every Gibbs energy is the
 * project's NIST-JANAF data (data/thermo/species.json; Chase 1998).
 *
 *   liquid species   MgO, Al2O3, SiO2, CaO, FeO, Cr2O3 (the components) and the associates
 *                    MgAl2O4, Mg2SiO4, MgSiO3, each with its JANAF liquid table
 *   speciation       x_a = K_a(T)·Π_c x_c^ν_ac,  ln K_a = −(g°_a,l − Σ_c ν_ac g°_c,l)/(RT),
 *                    Σ_j x_j = 1 and the mass balance N·(x_c + Σ_a ν_ac x_a) = n_c (Newton on
 *                    ln x_c and ln N)
 *   saturation       SI_φ = (Σ_c ν_φc (g°_c,l + RT ln x_c) − g°_φ,s)/(RT) for each solid φ:
 *                    periclase, corundum, cristobalite, lime, wüstite, eskolaite (Cr2O3), spinel
 *                    MgAl2O4, forsterite, protoenstatite (JANAF MgSiO3 cr)
 *   liquidus         the highest T with max_φ SI_φ ≥ 0 (bisection), and that φ: the primary phase
 *
 * Not in the model (each an error source): non-ideal mixing (the CaO and FeO silicates, the
 * Cr2O3 solubility), solid solutions (spinel (Mg,Fe)(Al,Cr)2O4, the MgO–Al2O3 spinel field),
 * picrochromite MgCr2O4 (its FREED table ends at 1,800 K), mullite, cordierite, sapphirine, the
 * MgO–SiO2 liquid miscibility gap. Measured error against published phase-diagram points:
 * test/process/pyro/slag-liquidus.test.ts and docs/model.md §Slag liquidus — the model
 * underestimates the liquidus of the compounds' own compositions by about 90–140 K (the JANAF
 * associates dissociate too much), so it is a screening value, not a design value.
 */
import { InputError } from '../../errors.js';
import { solveSmallLinear } from '../../numeric/small-linear-solve.js';
import { CompiledSpeciesSet } from '../../thermo/compiled.js';
import { R_J_PER_MOL_K } from '../../thermo/reaction.js';
import type { SlagOxides } from './slag-viscosity.js';

/** The slag components, in the order of the liquid's first species [–]. */
const COMPONENTS = ['MgO', 'Al2O3', 'SiO2', 'CaO', 'FeO', 'Cr2O3'] as const;
type Component = (typeof COMPONENTS)[number];

/** Molar masses of the components [g/mol] (IUPAC 2021 conventional atomic weights). */
const M_G_PER_MOL: Readonly<Record<Component, number>> = {
  MgO: 40.304,
  Al2O3: 101.961,
  SiO2: 60.083,
  CaO: 56.077,
  FeO: 71.844,
  Cr2O3: 151.99,
};

/** Associates of the liquid and their stoichiometry in components [mol/mol]. */
const ASSOCIATES: readonly { formula: string; nu: Partial<Record<Component, number>> }[] = [
  { formula: 'MgAl2O4', nu: { MgO: 1, Al2O3: 1 } },
  { formula: 'Mg2SiO4', nu: { MgO: 2, SiO2: 1 } },
  { formula: 'MgSiO3', nu: { MgO: 1, SiO2: 1 } },
];

/** The solids that can saturate, their JANAF phase and stoichiometry in components. */
const SOLIDS: readonly {
  name: string;
  formula: string;
  phase: string;
  nu: Partial<Record<Component, number>>;
}[] = [
  { name: 'periclase MgO', formula: 'MgO', phase: 'cr', nu: { MgO: 1 } },
  { name: 'corundum Al2O3', formula: 'Al2O3', phase: 'cr', nu: { Al2O3: 1 } },
  { name: 'cristobalite SiO2', formula: 'SiO2', phase: 'cr-cristobalite-high', nu: { SiO2: 1 } },
  { name: 'lime CaO', formula: 'CaO', phase: 'cr', nu: { CaO: 1 } },
  { name: 'wüstite FeO', formula: 'FeO', phase: 'cr', nu: { FeO: 1 } },
  { name: 'eskolaite Cr2O3', formula: 'Cr2O3', phase: 'cr', nu: { Cr2O3: 1 } },
  { name: 'spinel MgAl2O4', formula: 'MgAl2O4', phase: 'cr', nu: { MgO: 1, Al2O3: 1 } },
  { name: 'forsterite Mg2SiO4', formula: 'Mg2SiO4', phase: 'cr', nu: { MgO: 2, SiO2: 1 } },
  { name: 'protoenstatite MgSiO3', formula: 'MgSiO3', phase: 'cr', nu: { MgO: 1, SiO2: 1 } },
];

const NC = COMPONENTS.length;
const NA = ASSOCIATES.length;

/**
 * The liquids (components, then associates) and the solids, compiled once at load from the
 * bundled species data: a constant, the same for every caller.
 */
const SPECIES = new CompiledSpeciesSet(
  [
    ...COMPONENTS.map((c) => c),
    ...ASSOCIATES.map((a) => a.formula),
    ...SOLIDS.map((s) => s.formula),
  ],
  [
    ...COMPONENTS.map(() => 'l' as const),
    ...ASSOCIATES.map(() => 'l' as const),
    ...SOLIDS.map((s) => ({ id: s.phase })),
  ],
);

/** Stoichiometry rows over the components, as dense arrays [mol/mol]. */
const dense = (nu: Partial<Record<Component, number>>): number[] =>
  COMPONENTS.map((c) => nu[c] ?? 0);
const NU_ASSOC = ASSOCIATES.map((a) => dense(a.nu));
const NU_SOLID = SOLIDS.map((s) => dense(s.nu));

/** Bounds of the liquidus search [K]: below FeCr-slag practice, above spinel's melting point. */
export const LIQUIDUS_T_MIN_K = 1300;
export const LIQUIDUS_T_MAX_K = 2900;
/** Width of the bisection's final bracket [K]. */
const T_TOLERANCE_K = 1e-6;
const MAX_NEWTON = 200;

/** The result of a liquidus calculation. */
export interface SlagLiquidus {
  /** Liquidus temperature [K]. */
  T_K: number;
  /** The first solid to crystallise on cooling, e.g. `spinel MgAl2O4`. */
  primary_phase: string;
}

/**
 * Component amounts of a slag [mol per 100 g of the given basis], only those present.
 * @throws InputError naming `slag.<oxide>` for a negative or non-finite amount
 */
function componentMoles(w: Readonly<SlagOxides>): Float64Array {
  const n = new Float64Array(NC);
  let total = 0;
  COMPONENTS.forEach((c, i) => {
    const v = w[c];
    if (!(Number.isFinite(v) && v >= 0))
      throw new InputError(`slag.${c}`, v, 'a non-negative, finite amount');
    n[i] = v / M_G_PER_MOL[c];
    total += n[i] ?? 0;
  });
  if (!(total > 0)) throw new InputError('slag', w, 'a slag with some oxide');
  for (let i = 0; i < NC; i++) n[i] = (n[i] ?? 0) / total;
  return n;
}

/**
 * ln x of the free components of the ideal associate liquid at T (absent components: −∞).
 * @param n - Component mole fractions (sum 1)
 * @param start - ln x to start from (a neighbouring temperature's solution), or undefined
 * @throws ConvergenceError-free: InputError when Newton's method does not converge
 */
export function associateSpeciation(
  n: Float64Array,
  T_K: number,
  start?: Float64Array,
): Float64Array {
  const present: number[] = [];
  for (let i = 0; i < NC; i++) if ((n[i] ?? 0) > 0) present.push(i);
  const RT = R_J_PER_MOL_K * T_K;
  const lnK: number[] = ASSOCIATES.map((_, a) => {
    let d = SPECIES.g_J_per_mol(NC + a, T_K);
    for (let c = 0; c < NC; c++) d -= (NU_ASSOC[a]?.[c] ?? 0) * SPECIES.g_J_per_mol(c, T_K);
    return -d / RT;
  });
  const active = NU_ASSOC.map((nu) => nu.every((v, c) => v === 0 || (n[c] ?? 0) > 0));
  const m = present.length;
  // unknowns: ln x_c of the present components, then ln N (moles of liquid species per mol)
  let y = new Array<number>(m + 1).fill(0);
  present.forEach((c, k) => {
    const s = start?.[c];
    y[k] = s !== undefined && Number.isFinite(s) ? s : Math.log(n[c] ?? 0);
  });
  const system = speciationSystem(n, present, lnK, active);
  let { F, J } = system(y);
  let norm = Math.hypot(...F);
  for (let it = 0; it < MAX_NEWTON; it++) {
    const dy = solveSmallLinear(
      J,
      F.map((f) => -f),
    );
    // damped Newton: halve the step until the residual falls (the system is smooth and convex)
    let lambda = 1;
    let next = y.map((v, k) => v + (dy[k] ?? NaN));
    let trial = system(next);
    let trialNorm = Math.hypot(...trial.F);
    while (!(trialNorm < norm) && lambda > 1e-6) {
      lambda /= 2;
      next = y.map((v, k) => v + lambda * (dy[k] ?? NaN));
      trial = system(next);
      trialNorm = Math.hypot(...trial.F);
    }
    const step = Math.max(...dy.map((d) => Math.abs(lambda * d)));
    if (!(trialNorm <= norm) && !(norm < 1e-13)) break;
    y = next;
    ({ F, J } = trial);
    norm = trialNorm;
    if (step < 1e-12 || norm < 1e-14) {
      const lnX = new Float64Array(NC).fill(-Infinity);
      present.forEach((c, k) => (lnX[c] = y[k] ?? 0));
      return lnX;
    }
  }
  throw new InputError('slag', Array.from(n), 'a composition whose associate speciation converges');
}

/**
 * Residuals of the speciation at y = (ln x_c of the present components, ln N) and their
 * Jacobian: ln(N·b_c) − ln n_c with b_c = x_c + Σ_a ν_ac x_a, and ln Σ_j x_j.
 */
function speciationSystem(
  n: Float64Array,
  present: readonly number[],
  lnK: readonly number[],
  active: readonly boolean[],
): (y: readonly number[]) => { F: number[]; J: number[][] } {
  const m = present.length;
  return (y) => {
    const lnX = new Float64Array(NC).fill(-Infinity);
    present.forEach((c, k) => (lnX[c] = y[k] ?? 0));
    const lnN = y[m] ?? 0;
    const xa = ASSOCIATES.map((_, a) => {
      if (!active[a]) return 0;
      let s = lnK[a] ?? 0;
      for (let c = 0; c < NC; c++) {
        const v = NU_ASSOC[a]?.[c] ?? 0;
        if (v > 0) s += v * (lnX[c] ?? 0);
      }
      return Math.exp(s);
    });
    const nuOf = (a: number, c: number): number => NU_ASSOC[a]?.[c] ?? 0;
    const b = (c: number): number => {
      let v = Math.exp(lnX[c] ?? 0);
      for (let a = 0; a < NA; a++) v += nuOf(a, c) * (xa[a] ?? 0);
      return v;
    };
    let S = 0;
    for (const c of present) S += Math.exp(lnX[c] ?? 0);
    for (const v of xa) S += v;
    const F: number[] = [];
    const J: number[][] = [];
    for (const c of present) {
      const bc = b(c);
      F.push(lnN + Math.log(bc) - Math.log(n[c] ?? 0));
      const row = present.map((d) => {
        let v = c === d ? Math.exp(lnX[c] ?? 0) : 0;
        for (let a = 0; a < NA; a++) v += nuOf(a, c) * nuOf(a, d) * (xa[a] ?? 0);
        return v / bc;
      });
      row.push(1);
      J.push(row);
    }
    F.push(Math.log(S));
    const last = present.map((d) => b(d) / S);
    last.push(0);
    J.push(last);
    return { F, J };
  };
}

/**
 * Largest saturation index of the solids in the liquid at T, and which solid [–].
 * SI_φ > 0: φ is supersaturated (the liquid is below its liquidus).
 */
function saturation(lnX: Float64Array, T_K: number): { si: number; phase: number } {
  const RT = R_J_PER_MOL_K * T_K;
  let best = -Infinity;
  let phase = -1;
  SOLIDS.forEach((_, s) => {
    const k = NC + NA + s;
    // a solid beyond its table is above its melting point there: it cannot saturate
    if (T_K > (SPECIES.Tmax_K[k] ?? 0)) return;
    let mu = 0;
    for (let c = 0; c < NC; c++) {
      const v = NU_SOLID[s]?.[c] ?? 0;
      if (v === 0) continue;
      const lx = lnX[c] ?? -Infinity;
      if (lx === -Infinity) return;
      mu += v * (SPECIES.g_J_per_mol(c, T_K) + RT * lx);
    }
    const si = (mu - SPECIES.g_J_per_mol(k, T_K)) / RT;
    if (si > best) {
      best = si;
      phase = s;
    }
  });
  return { si: best, phase };
}

/**
 * Liquidus temperature and primary phase of a slag (file comment: ideal associate liquid,
 * JANAF data; error in docs/model.md §Slag liquidus).
 * @param w - Oxide masses or mass fractions (any common basis)
 * @returns T [K] and the primary phase
 * @throws InputError for a bad composition, or one whose liquidus is outside
 *   [{@link LIQUIDUS_T_MIN_K}, {@link LIQUIDUS_T_MAX_K}]
 */
export function slagLiquidus(w: Readonly<SlagOxides>): SlagLiquidus {
  const n = componentMoles(w);
  let lo = LIQUIDUS_T_MIN_K;
  let hi = LIQUIDUS_T_MAX_K;
  let ln = associateSpeciation(n, lo);
  const atLo = saturation(ln, lo);
  if (atLo.si < 0)
    throw new InputError('slag', w, `a slag with a liquidus above ${LIQUIDUS_T_MIN_K} K`);
  const lnHi = associateSpeciation(n, hi, ln);
  if (saturation(lnHi, hi).si >= 0)
    throw new InputError('slag', w, `a slag with a liquidus below ${LIQUIDUS_T_MAX_K} K`);
  let phase = atLo.phase;
  while (hi - lo > T_TOLERANCE_K) {
    const mid = 0.5 * (lo + hi);
    ln = associateSpeciation(n, mid, ln);
    const s = saturation(ln, mid);
    if (s.si >= 0) {
      lo = mid;
      phase = s.phase;
    } else hi = mid;
  }
  return { T_K: lo, primary_phase: SOLIDS[phase]?.name ?? 'unknown' };
}
