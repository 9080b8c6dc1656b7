/**
 * Agglomeration and pre-treatment units of the ferrochrome routes (issue 5 item 1):
 * pelletising (mixing), oxidative sintering of pellets, briquetting, shaft-kiln preheating with
 * furnace CO gas, rotary-kiln pre-reduction with coal. Reactive units: elements are conserved,
 * components are not. Each fuel-fired unit solves its fuel rate so that
 *   ΣH_in(298 K feeds) = ΣH_out(T_product, T_gas) + f_loss · LHV · m_fuel
 * with absolute enthalpies from the species database; f_loss is an assumed fraction (data/pyro).
 * Fuel, air, flue gas and ash are each a fixed vector times the fuel rate (or the burnt gas
 * fraction) at fixed temperatures, so the residual is affine in it and its root is found in
 * closed form (`affineRoot`); `…AtFuelRate` gives the unit's balance at any rate.
 */
import data from '../../../data/pyro/fecr.json' with { type: 'json' };
import { InputError } from '../../errors.js';
import { affineRoot } from '../../numeric/affine-root.js';
import {
  addCarbonMaterial,
  addFlux,
  MATERIALS,
  toSimpleOxides,
  type FluxAnalysis,
  type Proximate,
} from './materials.js';
import {
  emptySpeciesStream,
  enthalpy_W,
  mass_kg_per_s,
  molarMass,
  pyroSet,
  SP,
  type SpeciesStream,
} from './species.js';

const PT = data.pretreatment;
export const PRETREATMENT_DEFAULTS = Object.fromEntries(
  Object.entries(PT).map(([k, v]) => [k, v.value]),
) as { [K in keyof typeof PT]: number };

/** Result of a pre-treatment unit: its streams and energy terms [W]. */
export interface PretreatResult {
  unit: string;
  inlets: SpeciesStream[];
  outlets: SpeciesStream[];
  product: SpeciesStream;
  /** Binder added (briquetting) [mol/s]. */
  binder?: SpeciesStream;
  /** Fuel and combustion air fed, flue gas (fuel-fired units) [mol/s]. */
  fuel?: SpeciesStream;
  air?: SpeciesStream;
  gas?: SpeciesStream;
  /** Fuel fired [kg/s] (0 if none) and its lower heating value flow [W]. */
  fuel_kg_per_s: number;
  fuel_LHV_W: number;
  heat_loss_W: number;
  electric_W: number;
  H_in_W: number;
  H_out_W: number;
}

/** Lower heating value of a stream's C(s), CH4, CO and H2 at 298.15 K [W] (to CO2, H2O(g)). */
export function lhv_W(s: SpeciesStream): number {
  const set = pyroSet();
  const T = 298.15;
  const h = (i: number): number => set.h_J_per_mol(i, T);
  const co2 = h(SP['CO2(g)']);
  const h2o = h(SP['H2O(g)']);
  const o2 = h(SP['O2(g)']);
  const n = s.mol_per_s;
  return (
    (n[SP['C(s)']] ?? 0) * (h(SP['C(s)']) + o2 - co2) +
    (n[SP['CH4(g)']] ?? 0) * (h(SP['CH4(g)']) + 2 * o2 - co2 - 2 * h2o) +
    (n[SP['CO(g)']] ?? 0) * (h(SP['CO(g)']) + 0.5 * o2 - co2) +
    (n[SP['H2(g)']] ?? 0) * (h(SP['H2(g)']) + 0.5 * o2 - h2o)
  );
}

/** Stoichiometric O2 to burn a stream's C, CH4, CO, H2 completely [mol/s]. */
function o2Demand(s: SpeciesStream): number {
  const n = s.mol_per_s;
  return (
    (n[SP['C(s)']] ?? 0) +
    2 * (n[SP['CH4(g)']] ?? 0) +
    0.5 * (n[SP['CO(g)']] ?? 0) +
    0.5 * (n[SP['H2(g)']] ?? 0)
  );
}

function airStream(id: string, o2_mol_per_s: number): SpeciesStream {
  const a = emptySpeciesStream(id, 298.15);
  a.mol_per_s[SP['O2(g)']] = o2_mol_per_s;
  a.mol_per_s[SP['N2(g)']] = (o2_mol_per_s * 0.79) / 0.21;
  return a;
}

function sumH(ss: readonly SpeciesStream[]): number {
  let h = 0;
  for (const s of ss) h += enthalpy_W(s);
  return h;
}

/**
 * Flue gas of complete combustion: all C → CO2, H → H2O(g), N2 and the excess O2 pass through,
 * water (liquid or vapour) → H2O(g). Adds into `gas`.
 */
function burnInto(gas: SpeciesStream, s: SpeciesStream): void {
  const n = s.mol_per_s;
  const g = gas.mol_per_s;
  g[SP['CO2(g)']] =
    (g[SP['CO2(g)']] ?? 0) +
    ((n[SP['C(s)']] ?? 0) +
      (n[SP['CH4(g)']] ?? 0) +
      (n[SP['CO(g)']] ?? 0) +
      (n[SP['CO2(g)']] ?? 0));
  g[SP['H2O(g)']] =
    (g[SP['H2O(g)']] ?? 0) +
    (2 * (n[SP['CH4(g)']] ?? 0) +
      (n[SP['H2(g)']] ?? 0) +
      (n[SP['H2O(l)']] ?? 0) +
      (n[SP['H2O(g)']] ?? 0));
  g[SP['N2(g)']] = (g[SP['N2(g)']] ?? 0) + (n[SP['N2(g)']] ?? 0);
  g[SP['O2(g)']] = (g[SP['O2(g)']] ?? 0) + ((n[SP['O2(g)']] ?? 0) - o2Demand(s));
}

/**
 * Pelletising (disc/drum): dry ore + bentonite + optional reductant fines + water → green pellets
 * at 298.15 K with the target moisture. A mixing unit (no reaction).
 * @param ore - Dry chromite [mol/s] at 298.15 K (may hold LOI water)
 * @param reductant_kg_per_s - Reductant fines (coke breeze) in the pellet, dry [kg/s]
 */
export function pelletise(
  ore: SpeciesStream,
  opts: Partial<typeof PRETREATMENT_DEFAULTS> & {
    reductant_kg_per_s?: number;
    /** Free moisture already in the ore [kg/s] (counts toward the pellet moisture). */
    ore_moisture_kg_per_s?: number;
    reductant?: Proximate;
    bentonite?: FluxAnalysis;
  } = {},
): PretreatResult {
  const bent = opts.pellet_bentonite_kg_per_t ?? PRETREATMENT_DEFAULTS.pellet_bentonite_kg_per_t;
  const moist = opts.pellet_moisture_wt_pct ?? PRETREATMENT_DEFAULTS.pellet_moisture_wt_pct;
  if (!(moist >= 0 && moist < 30))
    throw new InputError('pelletise.moisture_wt_pct', moist, 'in [0, 30) wt%');
  if (!(bent >= 0 && bent <= 100))
    throw new InputError('pelletise.bentonite_kg_per_t', bent, 'in [0, 100] kg/t');
  const oreKg = mass_kg_per_s(ore);
  const b = emptySpeciesStream('bentonite', 298.15);
  addFlux(b, opts.bentonite ?? MATERIALS.bentonite, (bent / 1000) * oreKg, false, 'bentonite');
  const red = emptySpeciesStream('pellet-reductant', 298.15);
  if (opts.reductant_kg_per_s)
    addCarbonMaterial(
      red,
      opts.reductant ?? MATERIALS.coke,
      opts.reductant_kg_per_s,
      false,
      'pellet-reductant',
    );
  const oreWater = opts.ore_moisture_kg_per_s ?? 0;
  const dry = oreKg - oreWater + mass_kg_per_s(b) + mass_kg_per_s(red);
  const waterKg = (dry * moist) / (100 - moist) - oreWater; // LOI is bound water, not moisture
  if (waterKg < 0)
    throw new InputError(
      'pelletise.pellet_moisture_wt_pct',
      moist,
      `≥ the moisture the ore already brings (${((oreWater / (dry + oreWater)) * 100).toFixed(2)} wt%)`,
    );
  const w = emptySpeciesStream('pelletising-water', 298.15);
  w.mol_per_s[SP['H2O(l)']] = waterKg / molarMass(SP['H2O(l)']);
  const green = emptySpeciesStream('green-pellets', 298.15);
  for (const s of [ore, b, red, w])
    for (let j = 0; j < green.mol_per_s.length; j++)
      green.mol_per_s[j] = (green.mol_per_s[j] ?? 0) + (s.mol_per_s[j] ?? 0);
  const inlets = [ore, b, red, w];
  const Hin = sumH(inlets);
  const Hout = enthalpy_W(green);
  return {
    unit: 'pelletiser',
    inlets,
    outlets: [green],
    product: green,
    fuel_kg_per_s: 0,
    fuel_LHV_W: 0,
    heat_loss_W: Hin - Hout,
    electric_W: 0,
    H_in_W: Hin,
    H_out_W: Hout,
  };
}

/**
 * Briquetting (roller press): dry ore + binder + water → briquettes (mixing, 298.15 K), with the
 * press power as electricity (the work ends as heat lost to ambient).
 */
export function briquette(
  ore: SpeciesStream,
  opts: { binder_kg_per_t?: number; power_kWh_per_t?: number; binder?: FluxAnalysis } = {},
): PretreatResult {
  const bind = opts.binder_kg_per_t ?? PRETREATMENT_DEFAULTS.briquette_binder_kg_per_t;
  const pkwh = opts.power_kWh_per_t ?? PRETREATMENT_DEFAULTS.briquette_power_kWh_per_t;
  const oreKg = mass_kg_per_s(ore);
  const b = emptySpeciesStream('binder', 298.15);
  addFlux(b, opts.binder ?? MATERIALS.bentonite, (bind / 1000) * oreKg, true, 'binder');
  const out = emptySpeciesStream('briquettes', 298.15);
  for (const s of [ore, b])
    for (let j = 0; j < out.mol_per_s.length; j++)
      out.mol_per_s[j] = (out.mol_per_s[j] ?? 0) + (s.mol_per_s[j] ?? 0);
  const P = pkwh * mass_kg_per_s(out) * 3.6 * 1000;
  const Hin = sumH([ore, b]);
  const Hout = enthalpy_W(out);
  return {
    unit: 'briquetting',
    inlets: [ore, b],
    outlets: [out],
    product: out,
    binder: b,
    fuel_kg_per_s: 0,
    fuel_LHV_W: 0,
    heat_loss_W: Hin + P - Hout,
    electric_W: P,
    H_in_W: Hin,
    H_out_W: Hout,
  };
}

/**
 * Oxidative sintering of green pellets (Outokumpu steel-belt type): dries, removes LOI water,
 * oxidises a fraction x of the spinel Fe(II): FeCr2O4 + ¼O2 → ½Fe2O3 + Cr2O3 (and FeO → ½Fe2O3),
 * fired with coke breeze and λ × stoichiometric air. Fuel solved from the heat balance.
 */
export function sinterPellets(
  green: SpeciesStream,
  opts: Partial<typeof PRETREATMENT_DEFAULTS> & { fuel?: Proximate } = {},
): PretreatResult {
  return solveFuel(sinterAtFuelRate(green, opts), mass_kg_per_s(green), 'sinter fuel');
}

/**
 * The sinter strand's balance at a given coke breeze rate m [kg/s as received] (its heat balance
 * closes only at the rate {@link sinterPellets} solves).
 */
export function sinterAtFuelRate(
  green: SpeciesStream,
  opts: Partial<typeof PRETREATMENT_DEFAULTS> & { fuel?: Proximate } = {},
): (m: number) => PretreatResult {
  const o = { ...PRETREATMENT_DEFAULTS, ...opts };
  const x = o.sinter_oxidation_fraction;
  if (!(x >= 0 && x <= 1)) throw new InputError('sinter.sinter_oxidation_fraction', x, 'in [0, 1]');
  const fuelDef = opts.fuel ?? MATERIALS.coke;
  const n = green.mol_per_s;
  const pellets = emptySpeciesStream('sinter-pellets', o.sinter_pellet_out_T_K);
  const p = pellets.mol_per_s;
  for (let j = 0; j < p.length; j++) p[j] = n[j] ?? 0;
  // reductant in green pellets (if any) burns; water and LOI leave
  p[SP['H2O(l)']] = 0;
  p[SP['C(s)']] = 0;
  p[SP['CH4(g)']] = 0;
  const ox1 = x * (n[SP['FeCr2O4(s)']] ?? 0);
  p[SP['FeCr2O4(s)']] = (p[SP['FeCr2O4(s)']] ?? 0) - ox1;
  p[SP['Cr2O3(s)']] = (p[SP['Cr2O3(s)']] ?? 0) + ox1;
  const ox2 = x * (n[SP['FeO(s)']] ?? 0);
  p[SP['FeO(s)']] = (p[SP['FeO(s)']] ?? 0) - ox2;
  p[SP['Fe2O3(s)']] = (p[SP['Fe2O3(s)']] ?? 0) + 0.5 * (ox1 + ox2);
  const o2Ox = 0.25 * (ox1 + ox2);
  const build = (m: number): PretreatResult => {
    const fuel = emptySpeciesStream('sinter-fuel', 298.15);
    addCarbonMaterial(fuel, fuelDef, m, true, 'sinter-fuel');
    const o2Fuel = o2Demand(fuel) + o2Demand(green);
    const air = airStream('sinter-air', o.sinter_air_excess * o2Fuel + o2Ox);
    const gas = emptySpeciesStream('sinter-gas', o.sinter_gas_out_T_K);
    burnInto(gas, fuel);
    burnInto(gas, air);
    const greenVol = emptySpeciesStream('tmp', 298.15);
    greenVol.mol_per_s[SP['C(s)']] = n[SP['C(s)']] ?? 0;
    greenVol.mol_per_s[SP['CH4(g)']] = n[SP['CH4(g)']] ?? 0;
    greenVol.mol_per_s[SP['H2O(l)']] = n[SP['H2O(l)']] ?? 0;
    burnInto(gas, greenVol);
    gas.mol_per_s[SP['O2(g)']] = (gas.mol_per_s[SP['O2(g)']] ?? 0) - o2Ox;
    // fuel ash joins the pellets (sintered into the bed)
    const ash = emptySpeciesStream('ash', 298.15);
    for (const k of ['SiO2(s)', 'Al2O3(s)', 'Fe2O3(s)', 'CaO(s)', 'MgO(s)'] as const)
      ash.mol_per_s[SP[k]] = fuel.mol_per_s[SP[k]] ?? 0;
    const prod = emptySpeciesStream('sinter-pellets', o.sinter_pellet_out_T_K);
    for (let j = 0; j < p.length; j++) prod.mol_per_s[j] = (p[j] ?? 0) + (ash.mol_per_s[j] ?? 0);
    const inlets = [green, fuel, air];
    const outlets = [prod, gas];
    const lhv = lhv_W(fuel);
    const Hin = sumH(inlets);
    const Hout = sumH(outlets);
    return {
      unit: 'sinter',
      inlets,
      outlets,
      product: prod,
      fuel,
      air,
      gas,
      fuel_kg_per_s: m,
      fuel_LHV_W: lhv,
      heat_loss_W: o.sinter_heat_loss_fraction * lhv,
      electric_W: 0,
      H_in_W: Hin,
      H_out_W: Hout,
    };
  };
  return build;
}

/** Heat-balance residual of a unit's solution: ΣH_in − ΣH_out − loss [W]. */
export function heatResidual_W(r: PretreatResult): number {
  return r.H_in_W - r.H_out_W - r.heat_loss_W;
}

/**
 * The fuel rate that closes a unit's heat balance (closed form: the residual is affine in it).
 * @param scale_kg_per_s - Feed rate [kg/s]: the probe step and the largest fuel rate accepted
 * @throws InputError when the unit needs no fuel or more than 1 kg per kg of feed
 */
function solveFuel<R extends PretreatResult>(
  build: (m: number) => R,
  scale_kg_per_s: number,
  what: string,
): R {
  const f = (m: number): number => heatResidual_W(build(m));
  if (f(0) > 0)
    throw new InputError(
      what,
      0,
      'a unit that needs fuel (its heat balance has a surplus without fuel; lower the heat-loss fraction or raise the outlet temperatures)',
    );
  const m = affineRoot(f, scale_kg_per_s);
  if (!(m >= 0 && m <= scale_kg_per_s))
    throw new InputError(
      what,
      m,
      `a fuel rate in [0, ${scale_kg_per_s}] kg/s (1 kg per kg of feed)`,
    );
  return build(m);
}

/**
 * Shaft-kiln preheater (Outokumpu): heats the cold charge streams to T_pre by burning a fraction
 * φ of the (cleaned, 298 K) furnace gas with λ × stoichiometric air; moisture evaporates into the
 * flue gas; no reaction of the charge (coke oxidation neglected). φ from the heat balance.
 * @returns product = hot charge (sum of the cold streams, dry, at T_pre); `fuel_kg_per_s` = gas burnt
 * @throws InputError if the furnace gas is not enough (φ > 1)
 */
export function shaftPreheater(
  cold: readonly SpeciesStream[],
  furnaceGas: SpeciesStream,
  opts: Partial<typeof PRETREATMENT_DEFAULTS> & {
    /**
     * Return φ = 1 with `shortfall: true` instead of throwing when the gas is not enough (the
     * flowsheet engine's first pass through the furnace-gas recycle starts from no gas).
     */
    allow_shortfall?: boolean;
  } = {},
): PretreatResult & { gas_fraction: number; shortfall: boolean } {
  const build = preheaterAtGasFraction(cold, furnaceGas, opts);
  const f = (phi: number): number => heatResidual_W(build(phi));
  if (f(1) < 0) {
    if (opts.allow_shortfall === true) return { ...build(1), gas_fraction: 1, shortfall: true };
    throw new InputError(
      'preheater.preheat_T_K',
      opts.preheat_T_K ?? PRETREATMENT_DEFAULTS.preheat_T_K,
      'a preheat the furnace gas can supply (needs more than 100 % of it)',
    );
  }
  const phi = f(0) >= 0 ? 0 : Math.min(Math.max(affineRoot(f, 1), 0), 1);
  return { ...build(phi), gas_fraction: phi, shortfall: false };
}

/** The preheater's balance when it burns the fraction φ of the furnace gas [–]. */
export function preheaterAtGasFraction(
  cold: readonly SpeciesStream[],
  furnaceGas: SpeciesStream,
  opts: Partial<typeof PRETREATMENT_DEFAULTS> = {},
): (phi: number) => PretreatResult {
  const o = { ...PRETREATMENT_DEFAULTS, ...opts };
  const hot = emptySpeciesStream('hot-charge', o.preheat_T_K);
  const water = emptySpeciesStream('evaporated', o.preheater_flue_T_K);
  for (const s of cold)
    for (let j = 0; j < hot.mol_per_s.length; j++) {
      if (j === SP['H2O(l)'])
        water.mol_per_s[SP['H2O(g)']] =
          (water.mol_per_s[SP['H2O(g)']] ?? 0) + (s.mol_per_s[j] ?? 0);
      else hot.mol_per_s[j] = (hot.mol_per_s[j] ?? 0) + (s.mol_per_s[j] ?? 0);
    }
  const gasT = { ...furnaceGas, T_K: 298.15 };
  const build = (phi: number): PretreatResult => {
    const fuel = emptySpeciesStream('co-gas', 298.15);
    for (let j = 0; j < fuel.mol_per_s.length; j++)
      fuel.mol_per_s[j] = phi * (gasT.mol_per_s[j] ?? 0);
    const air = airStream('preheater-air', o.preheater_air_excess * o2Demand(fuel));
    const flue = emptySpeciesStream('preheater-flue', o.preheater_flue_T_K);
    burnInto(flue, fuel);
    burnInto(flue, air);
    flue.mol_per_s[SP['H2O(g)']] =
      (flue.mol_per_s[SP['H2O(g)']] ?? 0) + (water.mol_per_s[SP['H2O(g)']] ?? 0);
    const inlets = [...cold, fuel, air];
    const outlets = [hot, flue];
    const lhv = lhv_W(fuel);
    return {
      unit: 'preheater',
      inlets,
      outlets,
      product: hot,
      fuel,
      air,
      gas: flue,
      fuel_kg_per_s: mass_kg_per_s(fuel),
      fuel_LHV_W: lhv,
      heat_loss_W: o.preheater_heat_loss_fraction * lhv,
      electric_W: 0,
      H_in_W: sumH(inlets),
      H_out_W: sumH(outlets),
    };
  };
  return build;
}

/**
 * Rotary-kiln pre-reduction of green pellets (with reductant in the pellet), fired with coal:
 * Cr and Fe metallisation X_Cr, X_Fe as parameters; reduction CO and volatiles burn in the
 * freeboard with λ × stoichiometric air; spinels leave as simple oxides + Cr(s), Fe(s), residual
 * C(s); coal ash leaves as kiln ash with the gas. Coal rate solved from the heat balance.
 */
export function rotaryKiln(
  green: SpeciesStream,
  opts: Partial<typeof PRETREATMENT_DEFAULTS> & { fuel?: Proximate } = {},
): PretreatResult & { ash: SpeciesStream } {
  return solveFuel(kilnAtCoalRate(green, opts), mass_kg_per_s(green), 'kiln coal rate');
}

/** The kiln's balance at a given coal rate m [kg/s as received]. */
export function kilnAtCoalRate(
  green: SpeciesStream,
  opts: Partial<typeof PRETREATMENT_DEFAULTS> & { fuel?: Proximate } = {},
): (m: number) => PretreatResult & { ash: SpeciesStream } {
  const o = { ...PRETREATMENT_DEFAULTS, ...opts };
  const xCr = o.kiln_cr_metallisation;
  const xFe = o.kiln_fe_metallisation;
  if (!(xCr >= 0 && xCr <= 1)) throw new InputError('kiln.kiln_cr_metallisation', xCr, 'in [0, 1]');
  if (!(xFe >= 0 && xFe <= 1)) throw new InputError('kiln.kiln_fe_metallisation', xFe, 'in [0, 1]');
  const fuelDef = opts.fuel ?? MATERIALS.coal;
  const prod = emptySpeciesStream('prereduced-pellets', o.kiln_product_T_K);
  const q = prod.mol_per_s;
  for (let j = 0; j < q.length; j++) q[j] = green.mol_per_s[j] ?? 0;
  q[SP['H2O(l)']] = 0;
  q[SP['CH4(g)']] = 0;
  toSimpleOxides(prod);
  const Cr = 2 * (q[SP['Cr2O3(s)']] ?? 0);
  const Fe = (q[SP['FeO(s)']] ?? 0) + 2 * (q[SP['Fe2O3(s)']] ?? 0);
  const O0 = 3 * (q[SP['Cr2O3(s)']] ?? 0) + (q[SP['FeO(s)']] ?? 0) + 3 * (q[SP['Fe2O3(s)']] ?? 0);
  q[SP['Cr(s)']] = xCr * Cr;
  q[SP['Cr2O3(s)']] = ((1 - xCr) * Cr) / 2;
  q[SP['Fe(s)']] = xFe * Fe;
  q[SP['FeO(s)']] = (1 - xFe) * Fe;
  q[SP['Fe2O3(s)']] = 0;
  const O1 = 3 * (q[SP['Cr2O3(s)']] ?? 0) + (q[SP['FeO(s)']] ?? 0);
  const co = O0 - O1; // reduction CO [mol/s]
  const C0 = q[SP['C(s)']] ?? 0;
  if (co > C0)
    throw new InputError('kiln.pellet reductant', C0, `≥ ${co} mol/s C for the metallisation`);
  q[SP['C(s)']] = C0 - co;
  const build = (m: number): PretreatResult & { ash: SpeciesStream } => {
    const fuel = emptySpeciesStream('kiln-coal', 298.15);
    addCarbonMaterial(fuel, fuelDef, m, true, 'kiln-coal');
    const ash = emptySpeciesStream('kiln-ash', o.kiln_gas_out_T_K);
    for (const k of ['SiO2(s)', 'Al2O3(s)', 'Fe2O3(s)', 'CaO(s)', 'MgO(s)'] as const)
      ash.mol_per_s[SP[k]] = fuel.mol_per_s[SP[k]] ?? 0;
    const redGas = emptySpeciesStream('tmp', 298.15);
    redGas.mol_per_s[SP['CO(g)']] = co;
    redGas.mol_per_s[SP['CH4(g)']] = green.mol_per_s[SP['CH4(g)']] ?? 0;
    redGas.mol_per_s[SP['H2O(l)']] = green.mol_per_s[SP['H2O(l)']] ?? 0;
    const air = airStream('kiln-air', o.kiln_air_excess * (o2Demand(fuel) + o2Demand(redGas)));
    const gas = emptySpeciesStream('kiln-gas', o.kiln_gas_out_T_K);
    burnInto(gas, fuel);
    burnInto(gas, redGas);
    burnInto(gas, air);
    const inlets = [green, fuel, air];
    const outlets = [prod, gas, ash];
    const lhv = lhv_W(fuel);
    return {
      unit: 'rotary-kiln',
      inlets,
      outlets,
      product: prod,
      fuel,
      air,
      gas,
      ash,
      fuel_kg_per_s: m,
      fuel_LHV_W: lhv,
      heat_loss_W: o.kiln_heat_loss_fraction * lhv,
      electric_W: 0,
      H_in_W: sumH(inlets),
      H_out_W: sumH(outlets),
    };
  };
  return build;
}
