import { ConvergenceError, InputError } from '../errors.js';
import { CompiledSpeciesSet } from './compiled.js';
import { resolveSpecies, type PhaseSelector } from './species-db.js';
import { R_J_PER_MOL_K } from './reaction.js';

/** A phase of an equilibrium calculation. */
export interface EquilibriumPhaseSpec {
  /** Name used in the result (`gas`, `metal`, `slag`, `Cr2O3(s)`, …). */
  name: string;
  /**
   * `ideal-gas`: ideal mixture, μ = G°(T) + RT ln(x p/1 bar); `ideal-solution`: condensed ideal
   * mixture, μ = G°(T) + RT ln x (pure-liquid or pure-solid reference as given by the species'
   * suffix); `pure`: one pure condensed species, μ = G°(T).
   */
  kind: 'ideal-gas' | 'ideal-solution' | 'pure';
  /** Species formulas (phase suffix fixes the reference phase, e.g. `Cr(l)`). */
  species: string[];
}

/** Input of {@link equilibrate}. */
export interface EquilibrateInput {
  /** Temperature [K]. */
  T_K: number;
  /** Total pressure [bar] (default 1). */
  P_bar?: number;
  /** Initial amounts, species → mol; they fix the element totals. */
  amounts_mol: Readonly<Record<string, number>>;
  /**
   * Candidate species, as a shortcut: gases (suffix `(g)` or gas-only species) form one ideal
   * gas phase, every other species is a pure condensed phase in its most stable condensed
   * phase at T (a species without suffix that also has a gas phase appears in both).
   * Default: the species of `amounts_mol`. Ignored when `phases` is given.
   */
  species?: readonly string[];
  /** Explicit phases (overrides `species`). */
  phases?: readonly EquilibriumPhaseSpec[];
}

/** One species in the equilibrium result. */
export interface EquilibriumSpecies {
  species: string;
  phase: string;
  amount_mol: number;
  /** Mole fraction within its phase [-] (1 for a pure phase). */
  mole_fraction: number;
}

/** Result of {@link equilibrate}. */
export interface EquilibriumResult {
  T_K: number;
  P_bar: number;
  species: EquilibriumSpecies[];
  phases: {
    name: string;
    kind: EquilibriumPhaseSpec['kind'];
    amount_mol: number;
    present: boolean;
  }[];
  /** Gibbs energy of the system, absolute-enthalpy convention [J]. */
  G_J: number;
  /** Element chemical potentials λ_e, μ_j = Σ_e a_ej λ_e at equilibrium [J/mol]. */
  element_potentials_J_per_mol: Record<string, number>;
  /** Newton iterations used. */
  iterations: number;
}

/** Options of the solver. */
export interface EquilibrateOptions {
  /** Maximum total Newton iterations (default 400). */
  maxIterations?: number;
}

/** Final barrier parameter relative to the total amount of elements. */
const TAU_END = 1e-13;

interface Problem {
  names: string[];
  phaseOf: Int32Array;
  set: CompiledSpeciesSet;
  phases: EquilibriumPhaseSpec[];
}

function buildProblem(input: EquilibrateInput): Problem {
  const specs: EquilibriumPhaseSpec[] = [];
  if (input.phases) specs.push(...input.phases);
  else {
    const list = input.species ?? Object.keys(input.amounts_mol);
    const gas: string[] = [];
    list.forEach((s, i) => {
      const rs = resolveSpecies(s, `species[${i}]`);
      const hasGas = rs.phases.some((p) => p.state === 'g');
      const hasCond = rs.phases.some((p) => p.state !== 'g');
      const base = s.replace(/\([a-z]+\)\s*$/, '').trim();
      if (hasGas) gas.push(`${base}(g)`);
      if (hasCond)
        specs.push({
          name: rs.selector === 'stable' ? `${base}(cond)` : s,
          kind: 'pure',
          species: [s],
        });
    });
    if (gas.length > 0) specs.unshift({ name: 'gas', kind: 'ideal-gas', species: gas });
  }
  const names: string[] = [];
  const selectors: (PhaseSelector | undefined)[] = [];
  const phaseOf: number[] = [];
  specs.forEach((p, k) => {
    if (p.species.length === 0)
      throw new InputError(`phases[${k}].species`, p.species, 'at least one species');
    if (p.kind === 'pure' && p.species.length !== 1)
      throw new InputError(
        `phases[${k}].species`,
        p.species,
        'exactly one species for a pure phase',
      );
    for (const s of p.species) {
      names.push(s);
      const hasSuffix = /\([a-z]+\)\s*$/.test(s);
      selectors.push(p.kind === 'ideal-gas' ? 'g' : hasSuffix ? undefined : 'condensed');
      phaseOf.push(k);
    }
  });
  return {
    names,
    phaseOf: Int32Array.from(phaseOf),
    set: new CompiledSpeciesSet(names, selectors),
    phases: specs,
  };
}

/** Dense linear solve with partial pivoting (in place); returns false if singular. */
function solveDense(M: Float64Array, rhs: Float64Array, n: number): boolean {
  for (let c = 0; c < n; c++) {
    let p = c;
    let best = Math.abs(M[c * n + c] as number);
    for (let r = c + 1; r < n; r++) {
      const v = Math.abs(M[r * n + c] as number);
      if (v > best) {
        best = v;
        p = r;
      }
    }
    if (!(best > 1e-300)) return false;
    if (p !== c) {
      for (let k = 0; k < n; k++) {
        const t = M[c * n + k] as number;
        M[c * n + k] = M[p * n + k] as number;
        M[p * n + k] = t;
      }
      const t = rhs[c] as number;
      rhs[c] = rhs[p] as number;
      rhs[p] = t;
    }
    const piv = M[c * n + c] as number;
    for (let r = c + 1; r < n; r++) {
      const f = (M[r * n + c] as number) / piv;
      if (f === 0) continue;
      for (let k = c; k < n; k++)
        M[r * n + k] = (M[r * n + k] as number) - f * (M[c * n + k] as number);
      rhs[r] = (rhs[r] as number) - f * (rhs[c] as number);
    }
  }
  for (let r = n - 1; r >= 0; r--) {
    let s = rhs[r] as number;
    for (let k = r + 1; k < n; k++) s -= (M[r * n + k] as number) * (rhs[k] as number);
    rhs[r] = s / (M[r * n + r] as number);
  }
  return true;
}

/**
 * Gibbs-energy minimisation at fixed T and P for an ideal gas, pure condensed phases and ideal
 * condensed solutions (metal, slag), subject to element conservation:
 *
 *   min G = Σ_j n_j μ_j,  μ_j = G°_j(T) + RT ln a_j,  A n = b,  n ≥ 0,
 *
 * with a_j = x_j p/p° in the gas, x_j in a solution and 1 for a pure phase. Solved by a
 * primal–dual logarithmic-barrier Newton method (barrier τ decreased from 1e-2 to 1e-13 of the
 * total amount; fraction-to-the-boundary steps keep every amount positive; backtracking on the
 * KKT residual). Trace amounts below 1e-9 of the total are then recomputed from the element
 * potentials (mixtures) or set to zero (pure phases with a positive driving force). The
 * problem is convex, so the minimum found is the global one.
 *
 * @param input - Temperature [K], pressure [bar], initial amounts [mol] and candidate phases
 * @param options - Iteration limit
 * @returns Equilibrium amounts [mol], mole fractions, G [J] and element potentials [J/mol]
 * @throws InputError for unknown species, negative amounts or T out of range;
 *   ConvergenceError when the Newton iteration does not converge
 */
export function equilibrate(
  input: EquilibrateInput,
  options: EquilibrateOptions = {},
): EquilibriumResult {
  const T = input.T_K;
  const P = input.P_bar ?? 1;
  if (!(T > 0) || !Number.isFinite(T)) throw new InputError('T_K', T, 'a temperature > 0 K');
  if (!(P > 0) || !Number.isFinite(P)) throw new InputError('P_bar', P, 'a pressure > 0 bar');
  const prob = buildProblem(input);
  const { set } = prob;
  const nS = set.size;
  // Element totals from the initial amounts.
  const init = Object.entries(input.amounts_mol);
  if (init.length === 0)
    throw new InputError('amounts_mol', input.amounts_mol, 'at least one species amount');
  const bMap = new Map<string, number>();
  for (const [name, n] of init) {
    if (!(n >= 0) || !Number.isFinite(n))
      throw new InputError(`amounts_mol.${name}`, n, 'a finite amount ≥ 0 mol');
    const rs = resolveSpecies(name, `amounts_mol.${name}`);
    for (const [e, a] of Object.entries(rs.data.elements)) bMap.set(e, (bMap.get(e) ?? 0) + a * n);
  }
  for (const e of bMap.keys())
    if (!set.elements.includes(e) && (bMap.get(e) ?? 0) > 0)
      throw new InputError(
        'species',
        input.species ?? input.phases,
        `candidate species containing element ${e} of the initial amounts`,
      );
  // Species containing an element that is absent are excluded (amount 0).
  const active: number[] = [];
  for (let j = 0; j < nS; j++) {
    const absent = set.elements.some(
      (e, r) => (set.elementMatrix[r * nS + j] as number) > 0 && !((bMap.get(e) ?? 0) > 0),
    );
    if (!absent) active.push(j);
  }
  const elements = set.elements.filter((e) => (bMap.get(e) ?? 0) > 0);
  const total = [...bMap.values()].reduce((a, b) => a + b, 0);
  const scale = total > 0 ? total : 1;
  // Independent element rows (Gram–Schmidt on the rows restricted to active species).
  const n = active.length;
  const rowsAll = elements.map((e) => {
    const r = set.elements.indexOf(e);
    return Float64Array.from(active.map((j) => set.elementMatrix[r * nS + j] as number));
  });
  const keep: number[] = [];
  const basis: Float64Array[] = [];
  rowsAll.forEach((row, i) => {
    const v = Float64Array.from(row);
    for (const q of basis) {
      let d = 0;
      for (let k = 0; k < n; k++) d += (v[k] as number) * (q[k] as number);
      for (let k = 0; k < n; k++) v[k] = (v[k] as number) - d * (q[k] as number);
    }
    let norm = 0;
    for (let k = 0; k < n; k++) norm += (v[k] as number) ** 2;
    norm = Math.sqrt(norm);
    const rowNorm = Math.sqrt(row.reduce((a, x) => a + x * x, 0));
    if (norm > 1e-10 * rowNorm) {
      keep.push(i);
      basis.push(v.map((x) => x / norm));
    }
  });
  const m = keep.length;
  const A = keep.map((i) => rowsAll[i] as Float64Array);
  const b = Float64Array.from(keep.map((i) => (bMap.get(elements[i] ?? '') ?? 0) / scale));
  if (n === 0)
    throw new InputError(
      'species',
      input.species ?? input.phases,
      'candidate species made of the elements present',
    );
  // Standard chemical potentials / RT and phase structure.
  const mu0 = new Float64Array(n);
  const kindOf = active.map((j) => prob.phases[prob.phaseOf[j] as number]?.kind ?? 'pure');
  const phaseIdx = Int32Array.from(active.map((j) => prob.phaseOf[j] as number));
  const RT = R_J_PER_MOL_K * T;
  active.forEach((j, k) => {
    mu0[k] = set.g_J_per_mol(j, T) / RT + (kindOf[k] === 'ideal-gas' ? Math.log(P) : 0);
  });
  const nPh = prob.phases.length;
  const mixing = prob.phases.map((p) => p.kind !== 'pure');
  // Start: equal amounts, scaled to the element totals (infeasible start is allowed).
  const x = new Float64Array(n).fill(Math.max(...b) / Math.max(n, 1));
  const y = new Float64Array(m);
  const N = new Float64Array(nPh);
  const grad = new Float64Array(n);
  const K = n + m;
  const M = new Float64Array(K * K);
  const rhs = new Float64Array(K);
  const xt = new Float64Array(n);
  const yt = new Float64Array(m);
  const maxIt = options.maxIterations ?? 400;
  let it = 0;

  const phaseTotals = (v: Float64Array): void => {
    N.fill(0);
    for (let k = 0; k < n; k++)
      N[phaseIdx[k] as number] = (N[phaseIdx[k] as number] as number) + (v[k] as number);
  };
  // KKT residual norm at (v, w) for barrier tau.
  const residual = (v: Float64Array, w: Float64Array, tau: number): number => {
    phaseTotals(v);
    let r = 0;
    for (let k = 0; k < n; k++) {
      const p = phaseIdx[k] as number;
      let g = (mu0[k] as number) - tau / (v[k] as number);
      if (mixing[p]) g += Math.log((v[k] as number) / (N[p] as number));
      for (let e = 0; e < m; e++) g -= ((A[e] as Float64Array)[k] as number) * (w[e] as number);
      r += g * g;
    }
    for (let e = 0; e < m; e++) {
      let s = -(b[e] as number);
      for (let k = 0; k < n; k++) s += ((A[e] as Float64Array)[k] as number) * (v[k] as number);
      r += s * s;
    }
    return Math.sqrt(r);
  };

  let tau = 1e-2;
  let res: number;
  for (;;) {
    // Newton iterations for this barrier value.
    let stalled = 0;
    let prev = Infinity;
    for (let inner = 0; ; inner++) {
      res = residual(x, y, tau);
      if (res < Math.max(1e-10, tau * 1e-3)) break;
      // Rounding floor: amounts of order τ make the KKT matrix ill-conditioned; accept a
      // residual below 1e-7 that no longer decreases.
      stalled = res > 0.9 * prev ? stalled + 1 : 0;
      prev = res;
      if (stalled >= 5 && res < 1e-7) break;
      if (it >= maxIt) throw new ConvergenceError('equilibrate (Gibbs minimisation)', it, res);
      it++;
      phaseTotals(x);
      M.fill(0);
      for (let k = 0; k < n; k++) {
        const p = phaseIdx[k] as number;
        let g = (mu0[k] as number) - tau / (x[k] as number);
        if (mixing[p]) g += Math.log((x[k] as number) / (N[p] as number));
        grad[k] = g;
        M[k * K + k] = tau / (x[k] as number) ** 2 + (mixing[p] ? 1 / (x[k] as number) : 0);
        if (mixing[p])
          for (let l = 0; l < n; l++)
            if (phaseIdx[l] === p) M[k * K + l] = (M[k * K + l] as number) - 1 / (N[p] as number);
        for (let e = 0; e < m; e++) {
          const a = (A[e] as Float64Array)[k] as number;
          M[k * K + n + e] = -a;
          M[(n + e) * K + k] = a;
        }
      }
      for (let k = 0; k < n; k++) rhs[k] = -(grad[k] as number);
      for (let e = 0; e < m; e++) {
        let s = b[e] as number;
        for (let k = 0; k < n; k++) s -= ((A[e] as Float64Array)[k] as number) * (x[k] as number);
        rhs[n + e] = s;
      }
      if (!solveDense(M, rhs, K))
        throw new ConvergenceError('equilibrate (singular KKT system)', it, res);
      // Fraction to the boundary: keep every amount positive.
      let alpha = 1;
      for (let k = 0; k < n; k++) {
        const d = rhs[k] as number;
        if (d < 0) alpha = Math.min(alpha, (-0.99 * (x[k] as number)) / d);
      }
      // Backtracking on the KKT residual.
      for (let ls = 0; ls < 60; ls++) {
        for (let k = 0; k < n; k++) xt[k] = (x[k] as number) + alpha * (rhs[k] as number);
        for (let e = 0; e < m; e++)
          yt[e] = (y[e] as number) + alpha * ((rhs[n + e] as number) - (y[e] as number));
        if (residual(xt, yt, tau) <= (1 - 0.01 * alpha) * res || ls === 59) break;
        alpha *= 0.5;
      }
      x.set(xt);
      y.set(yt);
      if (inner > 200) throw new ConvergenceError('equilibrate (Gibbs minimisation)', it, res);
    }
    if (tau <= TAU_END) break;
    tau = Math.max(tau * 0.05, TAU_END);
  }

  // Polish traces: the barrier keeps every amount ≥ O(τ). A trace species of a present mixture
  // phase gets its amount from the converged element potentials, n_j = N_p exp(Σ a_ej y_e − μ°_j/RT);
  // a pure phase with a positive driving force μ°_j/RT − Σ a_ej y_e is absent (amount 0).
  phaseTotals(x);
  for (let k = 0; k < n; k++) {
    if ((x[k] as number) > 1e-9) continue;
    const p = phaseIdx[k] as number;
    let dual = 0;
    for (let e = 0; e < m; e++) dual += ((A[e] as Float64Array)[k] as number) * (y[e] as number);
    const drive = (mu0[k] as number) - dual;
    if (!mixing[p]) {
      if (drive > 1e-6) x[k] = 0;
    } else if ((N[p] as number) > 1e-9) x[k] = (N[p] as number) * Math.exp(-drive);
  }
  // Results.
  phaseTotals(x);
  const amounts = new Float64Array(nS);
  active.forEach((j, k) => (amounts[j] = (x[k] as number) * scale));
  const phaseAmount = new Float64Array(nPh);
  for (let j = 0; j < nS; j++)
    phaseAmount[prob.phaseOf[j] as number] =
      (phaseAmount[prob.phaseOf[j] as number] as number) + (amounts[j] as number);
  let G = 0;
  const species: EquilibriumSpecies[] = prob.names.map((name, j) => {
    const p = prob.phaseOf[j] as number;
    const nj = amounts[j] as number;
    const xj =
      prob.phases[p]?.kind === 'pure'
        ? 1
        : (phaseAmount[p] as number) > 0
          ? nj / (phaseAmount[p] as number)
          : 0;
    if (nj > 0) {
      let mu = set.g_J_per_mol(j, T);
      if (prob.phases[p]?.kind !== 'pure') mu += RT * Math.log(xj);
      if (prob.phases[p]?.kind === 'ideal-gas') mu += RT * Math.log(P);
      G += nj * mu;
    }
    return { species: name, phase: prob.phases[p]?.name ?? '', amount_mol: nj, mole_fraction: xj };
  });
  const potentials: Record<string, number> = {};
  keep.forEach((i, e) => (potentials[elements[i] ?? ''] = (y[e] as number) * RT));
  return {
    T_K: T,
    P_bar: P,
    species,
    phases: prob.phases.map((p, k) => ({
      name: p.name,
      kind: p.kind,
      amount_mol: phaseAmount[k] as number,
      present: (phaseAmount[k] as number) > 1e-9 * scale,
    })),
    G_J: G,
    element_potentials_J_per_mol: potentials,
    iterations: it,
  };
}
