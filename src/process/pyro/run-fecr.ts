/**
 * Runs a ferrochrome stage template (fecr-saf, fecr-dc, fecr-outokumpu, fecr-prereduced) on a
 * chromite feed and returns the common {@link StageRun}. The unit chain per template:
 *   fecr-saf        briquetting → AC SAF (cold charge)
 *   fecr-dc         DC open-arc furnace on dry fines (cold charge)
 *   fecr-outokumpu  pelletising → oxidative sintering → shaft preheater (furnace CO gas) → closed AC SAF
 *   fecr-prereduced pelletising (with coke breeze) → rotary kiln (coal) → AC SAF, hot charged
 * Everything is linear in the feed rate, so the chain is solved once on 1 kg/s dry ore, then
 * again at the ore rate that makes the requested alloy output.
 */
import type { BalanceReport, StreamRecord, UnitRecord } from '../flowsheet/report.js';
import type { StageRun, UnitEnergyBalance } from '../stage-run.js';
import { InputError } from '../../errors.js';
import {
  MATERIALS,
  chromiteStream,
  NM3_PER_MOL,
  T_WET_MAX_K,
  type ChromiteForm,
  type OxideAnalysis,
} from './materials.js';
import {
  briquette,
  lhv_W,
  pelletise,
  PRETREATMENT_DEFAULTS,
  rotaryKiln,
  shaftPreheater,
  sinterPellets,
  type PretreatResult,
} from './pretreatment.js';
import {
  furnaceDefaults,
  solveSmeltingFurnace,
  type FurnaceParams,
  type FurnaceResult,
} from './smelting-furnace.js';
import {
  elementClosure,
  elementMasses_kg_per_s,
  mass_kg_per_s,
  molarMass,
  PYRO_SPECIES,
  pyroSet,
  SP,
  type SpeciesStream,
} from './species.js';

export const FECR_TEMPLATES = ['fecr-saf', 'fecr-dc', 'fecr-outokumpu', 'fecr-prereduced'] as const;
export type FecrTemplate = (typeof FECR_TEMPLATES)[number];

export interface ChromiteFeed {
  /** Dry oxide analysis [wt%]. */
  analysis: OxideAnalysis;
  /** Free moisture as received [wt%]; must be 0 for routes that charge it hot. */
  moisture_wt_pct: number;
  /** Feed temperature [K] (default 298.15). */
  T_K?: number;
  /** Representation of the chromite (default 'spinel'). */
  form?: ChromiteForm;
}

export interface FerrochromeInput {
  feed: ChromiteFeed;
  /** Alloy output [t/yr]. */
  capacity_t_per_year: number;
  /** Operating fraction of the year [–] (0, 1]. */
  availability: number;
  /** `{ "furnace.<param>": v, "pretreatment.<param>": v }`. */
  overrides?: Readonly<Record<string, number>>;
}

interface Chain {
  /** Furnace reductant and quartzite as received (wet) [kg/s]. */
  furnace_coke_ar_kg_per_s: number;
  quartzite_ar_kg_per_s: number;
  furnace: FurnaceResult;
  params: FurnaceParams;
  pre: PretreatResult[];
  /** Furnace-gas fraction burnt in the preheater [–]. */
  gasUsed: number;
  coke_kg_per_s: number;
  coal_kg_per_s: number;
  bentonite_kg_per_s: number;
  ore_dry_kg_per_s: number;
}

function splitOverrides(o: Readonly<Record<string, number>>): {
  furnace: Partial<FurnaceParams>;
  pre: Partial<typeof PRETREATMENT_DEFAULTS>;
} {
  const furnace: Record<string, number> = {};
  const pre: Record<string, number> = {};
  const fd = furnaceDefaults('ac-saf');
  for (const [k, v] of Object.entries(o)) {
    const [head, name] = k.split('.', 2);
    if (head === 'furnace' && name && name in fd && name !== 'route') furnace[name] = v;
    else if (head === 'pretreatment' && name && name in PRETREATMENT_DEFAULTS) pre[name] = v;
    else
      throw new InputError(
        `overrides.${k}`,
        v,
        `a key furnace.<${Object.keys(fd).join('|')}> or pretreatment.<${Object.keys(PRETREATMENT_DEFAULTS).join('|')}>`,
      );
    if (!Number.isFinite(v)) throw new InputError(`overrides.${k}`, v, 'a finite number');
  }
  return {
    furnace,
    pre,
  };
}

function runChain(
  template: FecrTemplate,
  feed: ChromiteFeed,
  ore_kg_per_s: number,
  overrides: Readonly<Record<string, number>>,
): Chain {
  const ov = splitOverrides(overrides);
  const T = feed.T_K ?? 298.15;
  const form = feed.form ?? 'spinel';
  const route = template === 'fecr-dc' ? 'dc' : 'ac-saf';
  const params: FurnaceParams = { ...furnaceDefaults(route), ...ov.furnace };
  const pre: PretreatResult[] = [];
  const ore = chromiteStream(
    'chromite',
    feed.analysis,
    ore_kg_per_s,
    feed.moisture_wt_pct,
    T,
    form,
  );
  // free moisture of the ore [kg/s] (chromiteStream: wet = dry / (1 − w))
  const oreMoisture = (ore_kg_per_s * feed.moisture_wt_pct) / (100 - feed.moisture_wt_pct);
  let gasUsed = 0;
  let coal = 0;
  let bentonite = 0;
  let coke = 0;
  let furnace: FurnaceResult;
  if (template === 'fecr-dc') {
    furnace = solveSmeltingFurnace(ore, params);
  } else if (template === 'fecr-saf') {
    const b = briquette(ore);
    pre.push(b);
    bentonite = mass_kg_per_s(b.inlets[1] ?? ore);
    furnace = solveSmeltingFurnace(b.product, params);
  } else if (template === 'fecr-outokumpu') {
    const g = pelletise(ore, { ...ov.pre, ore_moisture_kg_per_s: oreMoisture });
    const s = sinterPellets(g.product, ov.pre);
    pre.push(g, s);
    bentonite = mass_kg_per_s(g.inlets[1] ?? ore);
    coke += s.fuel_kg_per_s;
    const Tp = ov.pre.preheat_T_K ?? PRETREATMENT_DEFAULTS.preheat_T_K;
    const hot = {
      ...s.product,
      id: 'hot-sinter',
      T_K: Tp,
      mol_per_s: new Float64Array(s.product.mol_per_s),
    };
    furnace = solveSmeltingFurnace(hot, params);
    // cold additions as they arrive (wet, 298 K) go through the preheater with the pellets
    const cokeCold = {
      id: 'coke',
      T_K: 298.15,
      mol_per_s: new Float64Array(furnace.inlets[1]?.mol_per_s.length ?? 0),
    };
    const qzCold = {
      id: 'quartzite',
      T_K: 298.15,
      mol_per_s: new Float64Array(cokeCold.mol_per_s.length),
    };
    const wetCoke = furnace.reductant_kg_per_s / (1 - MATERIALS.coke.moisture_wt_pct / 100);
    const wetQz = furnace.quartzite_kg_per_s / (1 - MATERIALS.quartzite.moisture_wt_pct / 100);
    addWet(
      cokeCold,
      furnace.inlets[1],
      (wetCoke - furnace.reductant_kg_per_s) / molarMass(SP['H2O(l)']),
    );
    addWet(
      qzCold,
      furnace.inlets[2],
      (wetQz - furnace.quartzite_kg_per_s) / molarMass(SP['H2O(l)']),
    );
    const pellets = { ...s.product, id: 'sinter-pellets' };
    const ph = shaftPreheater([pellets, cokeCold, qzCold], furnace.gas, ov.pre);
    pre.push(ph);
    gasUsed = ph.gas_fraction;
  } else {
    // carbon for the metallisation × excess, as coke breeze in the pellet
    const xCr = ov.pre.kiln_cr_metallisation ?? PRETREATMENT_DEFAULTS.kiln_cr_metallisation;
    const xFe = ov.pre.kiln_fe_metallisation ?? PRETREATMENT_DEFAULTS.kiln_fe_metallisation;
    const ex = ov.pre.kiln_reductant_excess ?? PRETREATMENT_DEFAULTS.kiln_reductant_excess;
    const a = feed.analysis;
    const crMol = (2 * (a.Cr2O3 / 100) * ore_kg_per_s) / molarMass(SP['Cr2O3(s)']);
    const fe2 = ((a.FeO / 100) * ore_kg_per_s) / molarMass(SP['FeO(s)']);
    const fe3 = (2 * ((a.Fe2O3 ?? 0) / 100) * ore_kg_per_s) / molarMass(SP['Fe2O3(s)']);
    const cMol = 1.5 * xCr * crMol + xFe * (fe2 + fe3) + 0.5 * fe3;
    const breeze = (ex * cMol * 0.012011) / (MATERIALS.coke.fixed_C_wt_pct / 100);
    const g = pelletise(ore, {
      ...ov.pre,
      reductant_kg_per_s: breeze,
      ore_moisture_kg_per_s: oreMoisture,
    });
    const k = rotaryKiln(g.product, ov.pre);
    pre.push(g, k);
    bentonite = mass_kg_per_s(g.inlets[1] ?? ore);
    coke += breeze;
    coal = k.fuel_kg_per_s;
    furnace = solveSmeltingFurnace(k.product, params);
  }
  // the furnace takes additions dry when its charge is hot (dried upstream), wet when cold
  const hot = (furnace.inlets[0]?.T_K ?? 298.15) > T_WET_MAX_K;
  const wetFurnaceCoke = hot
    ? furnace.reductant_kg_per_s / (1 - MATERIALS.coke.moisture_wt_pct / 100)
    : furnace.reductant_kg_per_s;
  const wetQuartzite = hot
    ? furnace.quartzite_kg_per_s / (1 - MATERIALS.quartzite.moisture_wt_pct / 100)
    : furnace.quartzite_kg_per_s;
  coke += wetFurnaceCoke;
  return {
    furnace_coke_ar_kg_per_s: wetFurnaceCoke,
    quartzite_ar_kg_per_s: wetQuartzite,
    furnace,
    params,
    pre,
    gasUsed,
    coke_kg_per_s: coke,
    coal_kg_per_s: coal,
    bentonite_kg_per_s: bentonite,
    ore_dry_kg_per_s: ore_kg_per_s,
  };
}

function addWet(dst: SpeciesStream, src: SpeciesStream | undefined, water_mol_per_s: number): void {
  if (src) dst.mol_per_s.set(src.mol_per_s);
  dst.mol_per_s[SP['H2O(l)']] = (dst.mol_per_s[SP['H2O(l)']] ?? 0) + water_mol_per_s;
}

const KG_S_TO_T_H = 3.6;

function streamRecord(s: SpeciesStream, from: string | null, to: string): StreamRecord {
  const M = pyroSet().molarMass_kg_per_mol;
  const comps: Record<string, number> = {};
  PYRO_SPECIES.forEach((n, i) => {
    const v = (s.mol_per_s[i] ?? 0) * (M[i] ?? 0) * 3600;
    if (v !== 0) comps[n] = v;
  });
  const els: Record<string, number> = {};
  for (const [e, v] of Object.entries(elementMasses_kg_per_s(s))) if (v !== 0) els[e] = v * 3600;
  let solids = 0;
  PYRO_SPECIES.forEach((n, i) => {
    if (n.endsWith('(s)') || (n.endsWith('(l)') && n !== 'H2O(l)'))
      solids += (s.mol_per_s[i] ?? 0) * (M[i] ?? 0) * 3600;
  });
  const total = mass_kg_per_s(s) * 3600;
  const cr = els.Cr ?? 0;
  const fe = els.Fe ?? 0;
  return {
    id: s.id,
    from,
    to,
    T_K: s.T_K,
    t_per_h: total / 1000,
    components_kg_per_h: comps,
    elements_kg_per_h: els,
    assays: {
      cr2o3_wt_pct: solids > 0 ? ((cr * 1.4616) / solids) * 100 : null,
      cr_fe_ratio: fe > 0 ? cr / fe : null,
      solids_wt_pct: total > 0 ? (solids / total) * 100 : null,
      p80_um: null,
    },
  };
}

interface UnitView {
  id: string;
  kind: string;
  inlets: SpeciesStream[];
  outlets: SpeciesStream[];
  electric_W: number;
  heat_in_W: number;
  heat_loss_W: number;
  H_in_W: number;
  H_out_W: number;
  diagnostics: Record<string, number>;
}

function energyBalance(u: UnitView): UnitEnergyBalance {
  const terms = [u.H_in_W, u.electric_W, u.heat_in_W, u.H_out_W, u.heat_loss_W].map(Math.abs);
  const res = u.H_in_W + u.electric_W + u.heat_in_W - u.H_out_W - u.heat_loss_W;
  return {
    unit_id: u.id,
    H_in_kW: u.H_in_W / 1000,
    H_out_kW: u.H_out_W / 1000,
    electric_kW: u.electric_W / 1000,
    heat_in_kW: u.heat_in_W / 1000,
    heat_loss_kW: u.heat_loss_W / 1000,
    closure_rel: Math.abs(res) / Math.max(...terms),
  };
}

/**
 * Runs a ferrochrome template on a chromite feed (issue 5 items 2, 5, 6).
 * @param template - 'fecr-saf' | 'fecr-dc' | 'fecr-outokumpu' | 'fecr-prereduced'
 * @param input - Feed (oxide analysis [wt%], moisture [wt%], T [K]), alloy capacity [t/yr],
 *   availability [–], overrides `{ 'furnace.<param>' | 'pretreatment.<param>': value }`
 * @returns StageRun with per-hour flows at nameplate operation (t/h, MWh/h) and KPIs per t alloy
 * @throws InputError for bad input; ConvergenceError if an inner solve fails
 */
export function runFerrochromeStage(template: string, input: FerrochromeInput): StageRun {
  if (!(FECR_TEMPLATES as readonly string[]).includes(template))
    throw new InputError('template', template, `one of ${FECR_TEMPLATES.join(', ')}`);
  const t = template as FecrTemplate;
  if (!(input.capacity_t_per_year > 0))
    throw new InputError(
      'capacity_t_per_year',
      input.capacity_t_per_year,
      'a positive alloy output [t/yr]',
    );
  if (!(input.availability > 0 && input.availability <= 1))
    throw new InputError('availability', input.availability, 'in (0, 1]');
  const ov = input.overrides ?? {};
  const unit = runChain(t, input.feed, 1, ov);
  const alloy_t_per_h = input.capacity_t_per_year / (8760 * input.availability);
  const ore = alloy_t_per_h / KG_S_TO_T_H / unit.furnace.alloy_kg_per_s;
  const c = runChain(t, input.feed, ore, ov);
  return stageRun(t, c, input);
}

function stageRun(t: FecrTemplate, c: Chain, input: FerrochromeInput): StageRun {
  const f = c.furnace;
  const p = c.params;
  const aTh = f.alloy_kg_per_s * KG_S_TO_T_H; // t/h
  const units: UnitView[] = c.pre.map((r) => ({
    id: r.unit,
    kind: r.unit,
    inlets: r.inlets,
    outlets: r.outlets,
    electric_W: r.electric_W,
    heat_in_W: 0,
    heat_loss_W: r.heat_loss_W,
    H_in_W: r.H_in_W,
    H_out_W: r.H_out_W,
    diagnostics: { fuel_kg_per_h: r.fuel_kg_per_s * 3600, fuel_LHV_kW: r.fuel_LHV_W / 1000 },
  }));
  const furnaceId = p.route === 'dc' ? 'dc-furnace' : 'saf';
  units.push({
    id: furnaceId,
    kind: p.route === 'dc' ? 'dc-arc-furnace' : 'submerged-arc-furnace',
    inlets: f.inlets,
    outlets: f.outlets,
    electric_W: f.electric_W,
    heat_in_W: 0,
    heat_loss_W: f.heat_loss_W + f.electrical_loss_W,
    H_in_W: f.H_in_W,
    H_out_W: f.H_out_W,
    diagnostics: {
      thermal_loss_kW: f.heat_loss_W / 1000,
      electrical_loss_kW: f.electrical_loss_W / 1000,
      inner_iterations: f.iterations,
      charge_T_K: f.inlets[0]?.T_K ?? NaN,
    },
  });
  const balanceUnits: UnitRecord[] = units.map((u) => ({
    id: u.id,
    kind: u.kind,
    stage: 'ferrochrome',
    inlets: u.inlets.map((s) => `${u.id}:${s.id}`),
    outlets: u.outlets.map((s) => `${u.id}:${s.id}`),
    duties: { power_kW: u.electric_W / 1000, water_added_kg_per_h: 0, reagents_kg_per_h: {} },
    diagnostics: u.diagnostics,
    closure_rel: elementClosure(u.inlets, u.outlets).byElement,
  }));
  const streams: StreamRecord[] = [];
  for (const u of units) {
    for (const s of u.inlets)
      streams.push({ ...streamRecord(s, null, u.id), id: `${u.id}:${s.id}` });
    for (const s of u.outlets)
      streams.push({ ...streamRecord(s, u.id, ''), id: `${u.id}:${s.id}` });
  }
  const maxClosure = Math.max(...units.map((u) => elementClosure(u.inlets, u.outlets).worst));
  const balance: BalanceReport = {
    streams,
    units: balanceUnits,
    max_closure_rel: maxClosure,
    plant_closure_rel: elementClosure(f.inlets, f.outlets).byElement,
    sankey: [],
    tears: [],
  };
  const energy = units.map(energyBalance);
  // figures
  const el = elementMasses_kg_per_s(f.alloy);
  const aKg = f.alloy_kg_per_s;
  const wt = (e: string): number => ((el[e] ?? 0) / aKg) * 100;
  const crIn =
    elementMasses_kg_per_s({
      id: 'x',
      T_K: 298.15,
      mol_per_s: sumStreams(c.pre[0]?.inlets[0] ?? f.inlets[0] ?? f.alloy),
    }).Cr ?? 0;
  const gas = f.gas;
  const nGas = [...gas.mol_per_s].reduce((s, v) => s + v, 0);
  const gasLHV = lhv_W(gas);
  const usedFrac = c.gasUsed;
  // CO2 from carbon: furnace gas carbon (burnt wherever it is used) + sinter/kiln flue CO2 [kg/s]
  let co2 = ((gas.mol_per_s[SP['CO(g)']] ?? 0) + (gas.mol_per_s[SP['CO2(g)']] ?? 0)) * 0.04401;
  for (const r of c.pre)
    if (r.unit === 'sinter' || r.unit === 'rotary-kiln')
      for (const s of r.outlets) co2 += (s.mol_per_s[SP['CO2(g)']] ?? 0) * 0.04401;
  const pre_electric = c.pre.reduce((s, r) => s + r.electric_W, 0);
  const totalEl_MW = (f.electric_W + pre_electric) / 1e6;
  const furnace_MW = f.electric_W / 1e6;
  const MVA = furnace_MW / p.power_factor;
  const perT = (kg_per_s: number): number => kg_per_s / aKg; // t per t alloy
  const kpis: Record<string, number> = {
    specific_energy_MWh_per_t: totalEl_MW / aTh,
    furnace_specific_energy_MWh_per_t: furnace_MW / aTh,
    furnace_MW,
    furnace_MVA: MVA,
    power_factor: p.power_factor,
    t_per_year_per_MVA: input.capacity_t_per_year / MVA,
    ore_t_per_t: perT(c.ore_dry_kg_per_s),
    coke_kg_per_t: perT(c.coke_kg_per_s) * 1000,
    furnace_reductant_kg_per_t: perT(c.furnace_coke_ar_kg_per_s) * 1000,
    quartzite_kg_per_t: perT(c.quartzite_ar_kg_per_s) * 1000,
    lime_kg_per_t: perT(f.lime_kg_per_s) * 1000,
    electrode_kg_per_t: perT(f.electrode_kg_per_s) * 1000,
    coal_kg_per_t: perT(c.coal_kg_per_s) * 1000,
    bentonite_kg_per_t: perT(c.bentonite_kg_per_s) * 1000,
    slag_t_per_t: perT(f.slag_kg_per_s),
    dust_t_per_t: perT(mass_kg_per_s(f.dust)),
    offgas_Nm3_per_t: (nGas * NM3_PER_MOL * 3600) / aTh,
    offgas_CO_Nm3_per_t: ((gas.mol_per_s[SP['CO(g)']] ?? 0) * NM3_PER_MOL * 3600) / aTh,
    offgas_chemical_MWh_per_t: gasLHV / 1e6 / aTh,
    offgas_export_MWh_per_t: ((1 - usedFrac) * gasLHV) / 1e6 / aTh,
    alloy_cr_wt_pct: wt('Cr'),
    alloy_fe_wt_pct: wt('Fe'),
    alloy_c_wt_pct: wt('C'),
    alloy_si_wt_pct: wt('Si'),
    cr_recovery: (el.Cr ?? 0) / crIn,
    co2_t_per_t: perT(co2),
    alloy_t_per_h: aTh,
    preheater_gas_fraction: usedFrac,
  };
  const slagEl = f.slag;
  const slagComp: Record<string, number> = {};
  for (const k of ['Cr2O3(l)', 'FeO(l)', 'SiO2(l)', 'MgO(l)', 'Al2O3(l)', 'CaO(l)'] as const)
    slagComp[k.replace('(l)', '')] =
      (((slagEl.mol_per_s[SP[k]] ?? 0) * molarMass(SP[k])) / f.slag_kg_per_s) * 100;
  kpis.slag_MgO_Al2O3 = (slagComp.MgO ?? 0) / (slagComp.Al2O3 ?? NaN);
  kpis.slag_basicity = ((slagComp.CaO ?? 0) + (slagComp.MgO ?? 0)) / (slagComp.SiO2 ?? NaN);
  kpis.slag_Cr2O3_wt_pct = slagComp.Cr2O3 ?? 0;
  const th = (kg_per_s: number): number => kg_per_s * KG_S_TO_T_H;
  const consumptions: StageRun['consumptions'] = [
    { id: 'coke', per_h: th(c.coke_kg_per_s), unit: 't/h' },
    {
      id: 'quartzite',
      per_h: th(c.quartzite_ar_kg_per_s),
      unit: 't/h',
    },
    { id: 'electrode-paste', per_h: th(f.electrode_kg_per_s), unit: 't/h' },
    { id: 'electricity', per_h: totalEl_MW, unit: 'MWh/h' },
  ];
  // process water: pelletising water (furnace cooling water is a closed circuit, not modelled)
  let water_kg_per_s = 0;
  for (const r of c.pre)
    for (const st of r.inlets)
      if (st.id === 'pelletising-water') water_kg_per_s += mass_kg_per_s(st);
  consumptions.push({ id: 'water', per_h: water_kg_per_s * 3.6, unit: 'm3/h' });
  kpis.water_m3_per_t = (water_kg_per_s * 3.6) / aTh;
  if (f.lime_kg_per_s > 0)
    consumptions.push({ id: 'lime', per_h: th(f.lime_kg_per_s), unit: 't/h' });
  if (c.bentonite_kg_per_s > 0)
    consumptions.push({ id: 'bentonite', per_h: th(c.bentonite_kg_per_s), unit: 't/h' });
  if (c.coal_kg_per_s > 0)
    consumptions.push({ id: 'coal', per_h: th(c.coal_kg_per_s), unit: 't/h' });
  return {
    balance,
    kpis,
    products: [
      {
        id: 'hc-ferrochrome',
        t_per_h: aTh,
        composition_wt_pct: { Cr: wt('Cr'), Fe: wt('Fe'), C: wt('C'), Si: wt('Si') },
      },
    ],
    consumptions,
    byproducts: [
      { id: 'slag', t_per_h: th(f.slag_kg_per_s), composition_wt_pct: slagComp },
      {
        id: 'off-gas',
        t_per_h: th(mass_kg_per_s(gas) * (1 - usedFrac)),
        energy_MWh_per_h: ((1 - usedFrac) * gasLHV) / 1e6,
      },
      { id: 'dust', t_per_h: th(mass_kg_per_s(f.dust)) },
    ],
    energy,
  };
}

function sumStreams(s: SpeciesStream): Float64Array {
  return s.mol_per_s;
}

/**
 * Heat loss [kWh per t alloy] that makes `template`'s reference case give `target_MWh_per_t` of
 * furnace electricity: q = η·E_target − (ΣH_out − ΣH_in)/m_alloy (the balance is linear in q).
 */
export function calibrateHeatLoss(
  template: FecrTemplate,
  feed: ChromiteFeed,
  target_MWh_per_t: number,
): number {
  const c = runChain(template, feed, 1, { 'furnace.heat_loss_kWh_per_t': 0 });
  const f = c.furnace;
  const aTh = f.alloy_kg_per_s * KG_S_TO_T_H;
  const demand_kWh_per_t = (f.H_out_W - f.H_in_W) / 1000 / aTh;
  return c.params.electrical_efficiency * target_MWh_per_t * 1000 - demand_kWh_per_t;
}
