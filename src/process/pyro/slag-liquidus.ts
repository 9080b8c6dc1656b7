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
 *   liquidus         the highest T with max_φ SI_φ ≥ 0 (regula falsi), and that φ: the primary
 *                    phase
 *
 * Not in the model (each an error source): non-ideal mixing (the CaO and FeO silicates, the
 * Cr2O3 solubility), solid solutions (spinel (Mg,Fe)(Al,Cr)2O4, the MgO–Al2O3 spinel field),
 * picrochromite MgCr2O4 (its FREED table ends at 1,800 K), mullite, cordierite, sapphirine, the
 * MgO–SiO2 liquid miscibility gap. Measured error against published phase-diagram points:
 * test/process/pyro/slag-liquidus.test.ts and docs/model.md §Slag liquidus — 21–175 K low on
 * six MgO–SiO2 and MgO–Al2O3 invariant points (the JANAF associates dissociate too much), failing
 * on the silica side, and of unknown error at FeCr-slag compositions (it puts typical published
 * HC FeCr slags at 1,712–1,808 °C): a screening value, not a design value.
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
/** Width of the final bracket [K], and the most steps to reach it. */
const T_TOLERANCE_K = 1e-4;
const MAX_BRACKET_STEPS = 100;
/** Every primary phase `slagLiquidus` can return, as named in its result (the web app translates these). */
export const PRIMARY_PHASE_NAMES: readonly string[] = SOLIDS.map((s) => s.name);

/** |SI| at which a trial temperature is the liquidus [–]. */
const SI_TOLERANCE = 1e-10;
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
 * The ideal associate liquid of one composition at one T: residuals
 * F_k = ln N + ln b_k − ln n_k (b_k = x_k + Σ_a ν_ak x_a) for the present components and
 * F_m = ln Σ_j x_j, of y = (ln x_k, ln N), and their Jacobian. Work arrays are per call of
 * {@link associateSpeciation} (no module state).
 */
class Speciation {
  readonly m: number;
  private readonly lnN: Float64Array;
  private readonly lnK: Float64Array;
  /** Per associate: its present-component positions and coefficients (inactive: none). */
  private readonly aK: number[][];
  private readonly aNu: number[][];
  private readonly x: Float64Array;
  private readonly xa: Float64Array;
  private readonly b: Float64Array;
  private S = 0;

  constructor(n: Float64Array, present: readonly number[], T_K: number) {
    this.m = present.length;
    this.lnN = Float64Array.from(present, (c) => Math.log(n[c] ?? 0));
    const RT = R_J_PER_MOL_K * T_K;
    this.lnK = new Float64Array(NA);
    this.aK = [];
    this.aNu = [];
    for (let a = 0; a < NA; a++) {
      const ks: number[] = [];
      const nus: number[] = [];
      let d = SPECIES.g_J_per_mol(NC + a, T_K);
      let active = true;
      for (let c = 0; c < NC; c++) {
        const v = NU_ASSOC[a]?.[c] ?? 0;
        if (v === 0) continue;
        d -= v * SPECIES.g_J_per_mol(c, T_K);
        const k = present.indexOf(c);
        if (k < 0) active = false;
        ks.push(k);
        nus.push(v);
      }
      this.lnK[a] = -d / RT;
      this.aK.push(active ? ks : []);
      this.aNu.push(active ? nus : []);
    }
    this.x = new Float64Array(this.m);
    this.xa = new Float64Array(NA);
    this.b = new Float64Array(this.m);
  }

  /** F at y into `F`; returns |F|². */
  residuals(y: Float64Array, F: Float64Array): number {
    const m = this.m;
    let S = 0;
    for (let k = 0; k < m; k++) {
      const v = Math.exp(y[k] ?? 0);
      this.x[k] = v;
      this.b[k] = v;
      S += v;
    }
    for (let a = 0; a < NA; a++) {
      const ks = this.aK[a] ?? [];
      const nus = this.aNu[a] ?? [];
      if (ks.length === 0) {
        this.xa[a] = 0;
        continue;
      }
      let e = this.lnK[a] ?? 0;
      for (let j = 0; j < ks.length; j++) e += (nus[j] ?? 0) * (y[ks[j] ?? 0] ?? 0);
      const xa = Math.exp(e);
      this.xa[a] = xa;
      S += xa;
      for (let j = 0; j < ks.length; j++) {
        const k = ks[j] ?? 0;
        this.b[k] = (this.b[k] ?? 0) + (nus[j] ?? 0) * xa;
      }
    }
    this.S = S;
    const lnTotal = y[m] ?? 0;
    let sq = 0;
    for (let k = 0; k < m; k++) {
      const f = lnTotal + Math.log(this.b[k] ?? 0) - (this.lnN[k] ?? 0);
      F[k] = f;
      sq += f * f;
    }
    const fS = Math.log(S);
    F[m] = fS;
    return sq + fS * fS;
  }

  /** Jacobian at the y of the last {@link residuals} call. */
  jacobian(): number[][] {
    const m = this.m;
    const J: number[][] = [];
    for (let k = 0; k < m; k++) {
      const row = new Array<number>(m + 1).fill(0);
      row[k] = this.x[k] ?? 0;
      row[m] = 1;
      J.push(row);
    }
    const last = new Array<number>(m + 1).fill(0);
    for (let k = 0; k < m; k++) last[k] = this.x[k] ?? 0;
    for (let a = 0; a < NA; a++) {
      const ks = this.aK[a] ?? [];
      const nus = this.aNu[a] ?? [];
      const xa = this.xa[a] ?? 0;
      for (let i = 0; i < ks.length; i++) {
        const row = J[ks[i] ?? 0] ?? [];
        for (let j = 0; j < ks.length; j++) {
          const d = ks[j] ?? 0;
          row[d] = (row[d] ?? 0) + (nus[i] ?? 0) * (nus[j] ?? 0) * xa;
        }
        const k = ks[i] ?? 0;
        last[k] = (last[k] ?? 0) + (nus[i] ?? 0) * xa;
      }
    }
    for (let k = 0; k < m; k++) {
      const row = J[k] ?? [];
      const bk = this.b[k] ?? 1;
      for (let d = 0; d < m; d++) row[d] = (row[d] ?? 0) / bk;
    }
    for (let k = 0; k < m; k++) last[k] = (last[k] ?? 0) / this.S;
    J.push(last);
    return J;
  }
}

/**
 * ln x of the free components of the ideal associate liquid at T (absent components: −∞), by
 * damped Newton on y = (ln x_k, ln N) (the residual norm must fall at every step).
 * @param n - Component mole fractions (sum 1)
 * @param start - ln x to start from (a neighbouring temperature's solution), or undefined
 * @throws InputError when the iteration does not converge
 */
export function associateSpeciation(
  n: Float64Array,
  T_K: number,
  start?: Float64Array,
): Float64Array {
  const present: number[] = [];
  for (let i = 0; i < NC; i++) if ((n[i] ?? 0) > 0) present.push(i);
  const sp = new Speciation(n, present, T_K);
  const m = sp.m;
  let y = new Float64Array(m + 1);
  present.forEach((c, k) => {
    const s = start?.[c];
    y[k] = s !== undefined && Number.isFinite(s) ? s : Math.log(n[c] ?? 0);
  });
  let F = new Float64Array(m + 1);
  let trialF = new Float64Array(m + 1);
  let norm = sp.residuals(y, F);
  let next = new Float64Array(m + 1);
  for (let it = 0; it < MAX_NEWTON; it++) {
    if (norm < 1e-28) break;
    const J = sp.jacobian();
    const rhs = Array.from(F, (f) => -f);
    const dy = solveSmallLinear(J, rhs);
    let lambda = 1;
    let trialNorm = Infinity;
    for (; lambda > 1e-6; lambda /= 2) {
      for (let k = 0; k <= m; k++) next[k] = (y[k] ?? 0) + lambda * (dy[k] ?? NaN);
      trialNorm = sp.residuals(next, trialF);
      if (trialNorm < norm) break;
    }
    if (!(trialNorm < norm)) {
      // no decrease: converged to round-off if the residual is already tiny
      if (norm < 1e-24) break;
      throw new InputError(
        'slag',
        Array.from(n),
        'a composition whose associate speciation converges',
      );
    }
    [y, next] = [next, y];
    [F, trialF] = [trialF, F];
    norm = trialNorm;
    let step = 0;
    for (let k = 0; k <= m; k++) step = Math.max(step, Math.abs(lambda * (dy[k] ?? 0)));
    if (step < 1e-12) break;
  }
  if (!(norm < 1e-20))
    throw new InputError(
      'slag',
      Array.from(n),
      'a composition whose associate speciation converges',
    );
  const lnX = new Float64Array(NC).fill(-Infinity);
  present.forEach((c, k) => (lnX[c] = y[k] ?? 0));
  return lnX;
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
  let a = LIQUIDUS_T_MIN_K;
  let b = LIQUIDUS_T_MAX_K;
  let ln = associateSpeciation(n, a);
  let sa = saturation(ln, a);
  if (sa.si < 0)
    throw new InputError('slag', w, `a slag with a liquidus above ${LIQUIDUS_T_MIN_K} K`);
  let sb = saturation(associateSpeciation(n, b, ln), b);
  if (sb.si >= 0)
    throw new InputError('slag', w, `a slag with a liquidus below ${LIQUIDUS_T_MAX_K} K`);
  // Illinois regula falsi on SI(1/T), which falls with T (kinked where the primary phase
  // changes): the bracket [a, b] keeps SI(a) ≥ 0 > SI(b)
  let side = 0;
  for (let it = 0; it < MAX_BRACKET_STEPS && b - a > T_TOLERANCE_K; it++) {
    // the secant in 1/T, on which SI is nearly linear (van 't Hoff: SI ≈ ΔH/R·(1/T − 1/T_liq))
    let t = (sb.si - sa.si) / (sb.si / a - sa.si / b);
    // keep the trial strictly inside, and bisect when the secant stalls at an end
    if (!(t > a + T_TOLERANCE_K / 4 && t < b - T_TOLERANCE_K / 4) || it % 8 === 7)
      t = 0.5 * (a + b);
    ln = associateSpeciation(n, t, ln);
    const st = saturation(ln, t);
    // on the root (|SI| ≈ 3e-3 per K near FeCr-slag liquidi, so this is ~1e-7 K)
    if (Math.abs(st.si) < SI_TOLERANCE)
      return { T_K: t, primary_phase: SOLIDS[st.phase]?.name ?? 'unknown' };
    if (st.si >= 0) {
      a = t;
      sa = st;
      if (side === 1) sb = { ...sb, si: sb.si / 2 };
      side = 1;
    } else {
      b = t;
      sb = st;
      if (side === -1) sa = { ...sa, si: sa.si / 2 };
      side = -1;
    }
  }
  return { T_K: a, primary_phase: SOLIDS[sa.phase]?.name ?? 'unknown' };
}
