/**
 * REFERENCE IMPLEMENTATION (tests and benchmarks only, not shipped): the smelting furnace as it
 * was solved before issue 19, by nested searches — a secant on the Cr recovery around a Brent
 * search on the quartzite around a Brent search on the reductant, each trial building every
 * stream (~10³ builds per solve, from a pool of scratch streams). The equations are those of
 * src/process/pyro/smelting-furnace.ts; the explicit solve there must agree with this one.
 *
 * Reductant m_coke:   C_gas(m) − (O_gas(m) − n_H2O − 2·n_O2,air) = 0  (all reduction O as CO)
 * Flux m_quartzite:   w_SiO2,slag(m) − target = 0
 */
import { ConvergenceError, InputError } from '../../../src/errors.js';
import { brent } from '../../../src/numeric/brent.js';
import {
  addCarbonMaterial,
  addFlux,
  NM3_PER_MOL,
  T_WET_MAX_K,
  toSimpleOxides,
} from '../../../src/process/pyro/materials.js';
import {
  routeMaterials,
  validateFurnaceParams,
  type FurnaceMaterials,
  type FurnaceParams,
} from '../../../src/process/pyro/furnace-params.js';
import {
  ATOMIC_KG,
  emptySpeciesStream,
  enthalpy_W,
  mass_kg_per_s,
  molarMass,
  pyroSet,
  SP,
  type SpeciesStream,
} from '../../../src/process/pyro/species.js';

/** The result of the nested solve (inlets by position: charge, reductant, quartzite, lime, electrode, air). */
export interface NestedFurnaceResult {
  inlets: SpeciesStream[];
  outlets: SpeciesStream[];
  alloy: SpeciesStream;
  slag: SpeciesStream;
  gas: SpeciesStream;
  dust: SpeciesStream;
  reductant_kg_per_s: number;
  quartzite_kg_per_s: number;
  lime_kg_per_s: number;
  electrode_kg_per_s: number;
  alloy_kg_per_s: number;
  slag_kg_per_s: number;
  electric_W: number;
  heat_loss_W: number;
  electrical_loss_W: number;
  H_in_W: number;
  H_out_W: number;
  iterations: number;
  cr_recovery: number;
}
type FurnaceResult = NestedFurnaceResult;

const N_C = SP['C(s)'];

/** Non-zero entries of the element matrix per element: [species index, amount] pairs (built once). */
let sparse: { e: string; j: Int32Array; a: Float64Array }[] | undefined;

function elementTotals(streams: readonly SpeciesStream[]): Record<string, number> {
  if (!sparse) {
    const set = pyroSet();
    const n = set.size;
    sparse = set.elements.map((e, k) => {
      const j: number[] = [];
      const a: number[] = [];
      for (let i = 0; i < n; i++) {
        const v = set.elementMatrix[k * n + i] ?? 0;
        if (v !== 0) {
          j.push(i);
          a.push(v);
        }
      }
      return { e, j: Int32Array.from(j), a: Float64Array.from(a) };
    });
  }
  const out: Record<string, number> = {};
  for (const { e, j, a } of sparse) {
    let sum = 0;
    for (const s of streams)
      for (let q = 0; q < j.length; q++) sum += (a[q] ?? 0) * (s.mol_per_s[j[q] ?? 0] ?? 0);
    out[e] = sum;
  }
  return out;
}

/**
 * Species streams for trial evaluations whose result is discarded right after one number is
 * read from it (the inner Brent solve builds ~10³ of them per furnace solve; allocating their
 * typed arrays was a quarter of a cold plant solve). Outside `start()`…`stop()` every stream is
 * new, so results that are kept never share arrays.
 */
class TrialStreams {
  private readonly arrays: Float64Array[] = [];
  private next = 0;
  private active = false;

  start(): void {
    this.active = true;
    this.next = 0;
  }

  stop(): void {
    this.active = false;
  }

  /** A zero stream: pooled during a trial, new otherwise. */
  take(id: string, T_K: number): SpeciesStream {
    if (!this.active) return emptySpeciesStream(id, T_K);
    let a = this.arrays[this.next];
    if (a) a.fill(0);
    else {
      a = emptySpeciesStream(id, T_K).mol_per_s;
      this.arrays[this.next] = a;
    }
    this.next++;
    return { id, T_K, mol_per_s: a };
  }
}

const STREAMS = new TrialStreams();

function furnaceStream(id: string, T_K: number): SpeciesStream {
  return STREAMS.take(id, T_K);
}

/**
 * Solves the smelting furnace for a given chromite-bearing charge.
 * @param charge - Chromite charge (ore, sinter, pellets or pre-reduced pellets) [mol/s] at its T [K];
 *   its carbon (pellet reductant) counts toward the carbon balance
 * @param p - Route parameters
 * @param mat - Reductant, electrode, fluxes
 * @returns Streams, additions [kg/s], electrical power [W] and the energy balance terms [W]
 * @throws InputError for bad parameters or an infeasible flux/reductant target
 */
export function solveSmeltingFurnaceNested(
  charge: SpeciesStream,
  p: FurnaceParams,
  mat: FurnaceMaterials = routeMaterials(p.route),
): FurnaceResult {
  validateFurnaceParams(p);
  const Tc = charge.T_K;
  const wet = Tc <= T_WET_MAX_K;
  if (!wet && charge.mol_per_s[SP['H2O(l)']])
    throw new InputError(
      'charge.H2O(l)',
      charge.mol_per_s[SP['H2O(l)']],
      `no liquid water in a charge above ${T_WET_MAX_K} K`,
    );
  let iterations = 0;
  /** Additions (flux outer, reductant inner Brent) for the parameters p (p.cr_recovery given). */
  const solveAdditions = (p: FurnaceParams): FurnaceResult => {
    // alloy metal mass does not depend on the additions except through Fe (ash) and Si (flux, ash);
    // both inner solves are 1-D and monotone.
    const build = (m_red: number, m_q: number): FurnaceResult => {
      iterations++;
      const red = furnaceStream('reductant', Tc);
      addCarbonMaterial(red, mat.reductant, m_red, wet, 'reductant');
      const qz = furnaceStream('quartzite', Tc);
      addFlux(qz, mat.quartzite, m_q, wet, 'quartzite');
      // Alloy mass first needs Fe, Si totals; electrode and lime scale with alloy mass, their Fe/Si
      // contribution is a fixed-point we resolve by one linear step (ash Fe/Si are tiny; exact below).
      const perAlloy = (m_alloy: number): [SpeciesStream, SpeciesStream, SpeciesStream] => {
        const el = furnaceStream('electrode', 298.15);
        addCarbonMaterial(
          el,
          mat.electrode,
          (p.electrode_kg_per_t / 1000) * m_alloy,
          false,
          'electrode',
        );
        const lime = furnaceStream('lime', Tc);
        if (p.lime_kg_per_t > 0)
          addFlux(lime, mat.lime, (p.lime_kg_per_t / 1000) * m_alloy, wet, 'lime');
        const air = furnaceStream('air-ingress', 298.15);
        const nAir = ((p.air_ingress_Nm3_per_t / 1000) * m_alloy) / NM3_PER_MOL;
        air.mol_per_s[SP['O2(g)']] = 0.21 * nAir;
        air.mol_per_s[SP['N2(g)']] = 0.79 * nAir;
        return [el, lime, air];
      };
      const wC = p.alloy_C_wt_pct / 100;
      const alloyMass = (m_alloy: number): number => {
        const [el, lime, air] = perAlloy(m_alloy);
        const tot = elementTotals([charge, red, qz, el, lime, air]);
        const mMetal =
          p.cr_recovery * (tot.Cr ?? 0) * ATOMIC_KG.Cr +
          p.fe_recovery * (tot.Fe ?? 0) * ATOMIC_KG.Fe +
          p.si_recovery * (tot.Si ?? 0) * ATOMIC_KG.Si;
        return mMetal / (1 - wC);
      };
      // alloy mass is affine in itself with slope ≪ 1 (ash of electrode/lime): two fixed-point steps
      // then the exact affine solution m = a + b m.
      const a0 = alloyMass(0);
      const a1 = alloyMass(1);
      const slope = a1 - a0;
      const mAlloy = a0 / (1 - slope);
      const [el, lime, air] = perAlloy(mAlloy);
      const inlets = [charge, red, qz, lime, el, air];
      const tot = elementTotals(inlets);
      // dust: f_d of the chromite charge, spinels split into simple oxides; plus the carbon loss
      const dust = furnaceStream('dust', p.offgas_T_K);
      for (let j = 0; j < dust.mol_per_s.length; j++)
        dust.mol_per_s[j] = p.dust_fraction * (charge.mol_per_s[j] ?? 0);
      // water and volatiles of the charge leave with the gas, not the dust
      dust.mol_per_s[SP['H2O(l)']] = 0;
      dust.mol_per_s[SP['CH4(g)']] = 0;
      toSimpleOxides(dust);
      dust.mol_per_s[SP['Cr(s)']] = 0;
      dust.mol_per_s[SP['Fe(s)']] = 0;
      dust.mol_per_s[SP['Cr2O3(s)']] =
        (dust.mol_per_s[SP['Cr2O3(s)']] ?? 0) +
        p.dust_fraction * 0.5 * (charge.mol_per_s[SP['Cr(s)']] ?? 0);
      dust.mol_per_s[SP['FeO(s)']] =
        (dust.mol_per_s[SP['FeO(s)']] ?? 0) +
        p.dust_fraction * (charge.mol_per_s[SP['Fe(s)']] ?? 0);
      // pre-reduced metal in the dust re-oxidised by the freeboard gas: the O comes from the gas balance
      const fixedC =
        (red.mol_per_s[N_C] ?? 0) + (1 - p.dust_fraction) * (charge.mol_per_s[N_C] ?? 0);
      dust.mol_per_s[N_C] =
        p.dust_fraction * (charge.mol_per_s[N_C] ?? 0) + p.carbon_loss_fraction * fixedC;
      const dustTot = elementTotals([dust]);
      // alloy
      const Cr = p.cr_recovery * (tot.Cr ?? 0);
      const Fe = p.fe_recovery * (tot.Fe ?? 0);
      const Si = p.si_recovery * (tot.Si ?? 0);
      const Calloy = (wC * mAlloy) / ATOMIC_KG.C;
      const n7 = Math.min(Calloy / 3, Cr / 7);
      const alloy = furnaceStream('alloy', p.alloy_T_K);
      alloy.mol_per_s[SP['Cr7C3(s)']] = n7;
      alloy.mol_per_s[SP['Cr(l)']] = Cr - 7 * n7;
      alloy.mol_per_s[SP['Fe(l)']] = Fe;
      alloy.mol_per_s[SP['Si(l)']] = Si;
      alloy.mol_per_s[N_C] = Calloy - 3 * n7;
      // slag
      const slag = furnaceStream('slag', p.slag_T_K);
      const rest = (e: string, alloyAmt: number): number =>
        (tot[e] ?? 0) - alloyAmt - (dustTot[e] ?? 0);
      const CrS = rest('Cr', Cr);
      const FeS = rest('Fe', Fe);
      if (CrS < -1e-12 * (tot.Cr ?? 0) || FeS < -1e-12 * (tot.Fe ?? 0))
        throw new InputError(
          'furnace.recoveries',
          { cr: p.cr_recovery, fe: p.fe_recovery },
          'recoveries leaving a non-negative amount in the slag',
        );
      slag.mol_per_s[SP['Cr2O3(l)']] = CrS / 2;
      slag.mol_per_s[SP['FeO(l)']] = FeS;
      slag.mol_per_s[SP['SiO2(l)']] = rest('Si', Si);
      slag.mol_per_s[SP['MgO(l)']] = rest('Mg', 0);
      slag.mol_per_s[SP['Al2O3(l)']] = rest('Al', 0) / 2;
      slag.mol_per_s[SP['CaO(l)']] = rest('Ca', 0);
      const slagTot = elementTotals([slag]);
      const alloyTot = elementTotals([alloy]);
      // gas
      const gas = furnaceStream('off-gas', p.offgas_T_K);
      const H = rest('H', 0);
      const nH2O =
        2 * (charge.mol_per_s[SP['H2O(l)']] ?? 0) +
        2 * (red.mol_per_s[SP['H2O(l)']] ?? 0) +
        2 * (qz.mol_per_s[SP['H2O(l)']] ?? 0) +
        2 * (lime.mol_per_s[SP['H2O(l)']] ?? 0);
      gas.mol_per_s[SP['H2O(g)']] = nH2O / 2;
      gas.mol_per_s[SP['H2(g)']] = (H - nH2O) / 2;
      gas.mol_per_s[SP['N2(g)']] = (tot.N ?? 0) / 2;
      const Cg = (tot.C ?? 0) - (alloyTot.C ?? 0) - (dustTot.C ?? 0);
      const Og = (tot.O ?? 0) - (slagTot.O ?? 0) - (dustTot.O ?? 0) - nH2O / 2;
      // CO + CO2 = Cg, CO + 2 CO2 = Og
      gas.mol_per_s[SP['CO2(g)']] = Og - Cg;
      gas.mol_per_s[SP['CO(g)']] = 2 * Cg - Og;
      const outlets = [alloy, slag, gas, dust];
      return {
        inlets,
        outlets,
        alloy,
        slag,
        gas,
        dust,
        reductant_kg_per_s: m_red,
        quartzite_kg_per_s: m_q,
        lime_kg_per_s: mass_kg_per_s(lime),
        electrode_kg_per_s: mass_kg_per_s(el),
        alloy_kg_per_s: mass_kg_per_s(alloy),
        slag_kg_per_s: mass_kg_per_s(slag),
        electric_W: 0,
        heat_loss_W: 0,
        electrical_loss_W: 0,
        H_in_W: 0,
        H_out_W: 0,
        iterations,
        cr_recovery: p.cr_recovery,
      };
    };
    const oreKg = mass_kg_per_s(charge);
    // carbon residual: CO2 in the gas minus the CO2 made by the air-ingress O2 [mol/s]
    const co2Excess = (r: FurnaceResult): number =>
      (r.gas.mol_per_s[SP['CO2(g)']] ?? 0) - 2 * (r.inlets[5]?.mol_per_s[SP['O2(g)']] ?? 0);
    const solveReductant = (m_q: number): FurnaceResult => {
      const hi = 2 * oreKg + 1e-9;
      // Brent only reads the residual of these trial builds: their streams come from the pool.
      const f = (m: number): number => {
        STREAMS.start();
        try {
          return co2Excess(build(m, m_q));
        } finally {
          STREAMS.stop();
        }
      };
      const f0 = f(0);
      if (f0 < 0)
        throw new InputError(
          'charge.C(s)',
          charge.mol_per_s[N_C],
          'no more carbon in the charge than the furnace needs (reductant addition would be negative)',
        );
      const m = brent(f, 0, hi, {
        what: 'furnace reductant addition',
        xtol: 1e-11 * oreKg,
        rtol: 1e-11,
      });
      return build(m, m_q);
    };
    const basicity = (r: FurnaceResult): number => {
      const n = r.slag.mol_per_s;
      const base =
        (n[SP['CaO(l)']] ?? 0) * molarMass(SP['CaO(l)']) +
        (n[SP['MgO(l)']] ?? 0) * molarMass(SP['MgO(l)']);
      return base / ((n[SP['SiO2(l)']] ?? 0) * molarMass(SP['SiO2(l)'])) - p.slag_basicity;
    };
    const slagSiO2 = (r: FurnaceResult): number =>
      (((r.slag.mol_per_s[SP['SiO2(l)']] ?? 0) * molarMass(SP['SiO2(l)'])) / r.slag_kg_per_s) *
        100 -
      p.slag_SiO2_wt_pct;
    // flux objective: SiO2 wt% target (default) or, if set, the basicity target (sign so it rises with m)
    const objective = (r: FurnaceResult): number =>
      p.slag_basicity > 0 ? -basicity(r) : slagSiO2(r);
    const field = p.slag_basicity > 0 ? 'furnace.slag_basicity' : 'furnace.slag_SiO2_wt_pct';
    const g0 = objective(solveReductant(0));
    if (g0 > 0)
      throw new InputError(
        field,
        p.slag_basicity > 0 ? p.slag_basicity : p.slag_SiO2_wt_pct,
        p.slag_basicity > 0
          ? `≥ ${(p.slag_basicity + g0).toFixed(3)} (the slag's basicity without quartzite)`
          : `≥ ${(g0 + p.slag_SiO2_wt_pct).toFixed(2)} wt% (the slag's SiO2 without quartzite)`,
      );
    const mq = brent((m) => objective(solveReductant(m)), 0, 2 * oreKg, {
      what: 'furnace quartzite addition',
      xtol: 1e-11 * oreKg,
      rtol: 1e-11,
    });
    return solveReductant(mq);
  };
  let r: FurnaceResult;
  if (p.slag_Cr2O3_wt_pct > 0) {
    // Cr recovery from the slag Cr2O3 target w: with S0 the slag without Cr2O3 [kg/s], the slag
    // holds x = w·S0/(1 − w) of Cr2O3, so R = (Cr_in − Cr_dust − 2x/M_Cr2O3)/Cr_in. S0 depends
    // weakly on R (flux and alloy Si follow), so the fixed point converges in a few passes.
    const w = p.slag_Cr2O3_wt_pct / 100;
    const M = molarMass(SP['Cr2O3(l)']);
    const hi = 1 - p.dust_fraction;
    /** The recovery that would put exactly w of Cr2O3 into the slag of solution x [–]. */
    const nextR = (x: FurnaceResult): number => {
      const crIn = elementTotals(x.inlets).Cr ?? 0;
      const crDust = elementTotals([x.dust]).Cr ?? 0;
      const S0 = x.slag_kg_per_s - (x.slag.mol_per_s[SP['Cr2O3(l)']] ?? 0) * M;
      const next = (crIn - crDust - (2 * w * S0) / (1 - w) / M) / crIn;
      if (!(next > 0 && next <= hi))
        throw new InputError(
          'furnace.slag_Cr2O3_wt_pct',
          p.slag_Cr2O3_wt_pct,
          `a target the charge can reach (it needs a Cr recovery of ${next.toFixed(4)}, outside (0, ${hi.toFixed(4)}])`,
        );
      return next;
    };
    // secant on h(R) = nextR(R) − R, started from the fixed-point step
    let R0 = Math.min(p.cr_recovery, hi);
    r = solveAdditions({ ...p, cr_recovery: R0 });
    let h0 = nextR(r) - R0;
    let R = R0 + h0;
    let k = 0;
    while (Math.abs(R - R0) > 1e-13) {
      if (++k > 30)
        throw new ConvergenceError('furnace Cr recovery for the slag Cr2O3 target', k, R - R0);
      r = solveAdditions({ ...p, cr_recovery: R });
      const h = nextR(r) - R;
      const step = h0 === h ? h : (-h * (R - R0)) / (h - h0);
      R0 = R;
      h0 = h;
      R = Math.min(Math.max(R + step, 1e-6), hi);
    }
    if (R !== R0) r = solveAdditions({ ...p, cr_recovery: R });
    r.cr_recovery = R;
  } else {
    r = solveAdditions(p);
    r.cr_recovery = p.cr_recovery;
  }
  // energy
  let Hin = 0;
  for (const s of r.inlets) Hin += enthalpy_W(s);
  let Hout = 0;
  for (const s of r.outlets) Hout += enthalpy_W(s);
  const loss = p.heat_loss_kWh_per_t * (r.alloy_kg_per_s * 3.6) * 1000; // kWh/t × t/h = kW → W
  const delivered = Hout + loss - Hin;
  if (!(delivered > 0))
    throw new InputError(
      'furnace',
      delivered,
      'a charge that needs electrical energy (positive heat demand)',
    );
  r.electric_W = delivered / p.electrical_efficiency;
  r.electrical_loss_W = r.electric_W - delivered;
  r.heat_loss_W = loss;
  r.H_in_W = Hin;
  r.H_out_W = Hout;
  r.iterations = iterations;
  return r;
}
