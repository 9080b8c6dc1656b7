import { addAuxiliaryPower, AUX_POWER_RESULT, auxPowerParam, massOf } from './auxiliary-power.js';
import { InputError } from '../../../errors.js';
import { adiabaticTemperatureOfStreams } from '../../../thermo/adiabatic.js';
import { param } from '../../params.js';
import { designBasis } from '../../design/basis.js';
import type { UnitKind, UnitOutput } from '../../unit.js';
import type { Stream } from '../../stream.js';
import type { ComponentModel } from '../../components.js';
import {
  addMol,
  enthalpy_kW,
  kg,
  mol,
  molarMassOf,
  naturalGasAvailableHeat,
  thermoName,
  total,
  writeEnergy,
} from './common.js';

const ORHAN_ARSLAN =
  'Orhan & Arslan, SME 2000 (lab aluminothermic Cr) https://www.onemine.org/document/abstract.cfm?docid=3403';

/** Reducible oxides in reduction order: [oxide, mol Al per mol oxide, products per mol]. */
const REDUCTIONS: readonly (readonly [string, number, Readonly<Record<string, number>>])[] = [
  ['Fe2O3(s)', 2, { 'Fe(s)': 2, 'Al2O3(s)': 1 }],
  ['FeO(s)', 2 / 3, { 'Fe(s)': 1, 'Al2O3(s)': 1 / 3 }],
  ['FeCr2O4(s)', 8 / 3, { 'Fe(s)': 1, 'Cr(s)': 2, 'Al2O3(s)': 4 / 3 }],
  ['MgCr2O4(s)', 2, { 'MgO(s)': 1, 'Cr(s)': 2, 'Al2O3(s)': 1 }],
  ['Na2CrO4(s)', 2, { 'Cr(s)': 1, 'Na2O(s)': 1, 'Al2O3(s)': 1 }],
  ['Cr2O3(s)', 2, { 'Cr(s)': 2, 'Al2O3(s)': 1 }],
  ['SiO2(s)', 4 / 3, { 'Si(s)': 1, 'Al2O3(s)': 2 / 3 }],
];
const METAL = ['Cr(s)', 'Fe(s)', 'Si(s)'];

const params = {
  aux_power_kWh_per_t: auxPowerParam('aluminothermic-reactor'),
  al_excess: param(
    1.05,
    '-',
    0.5,
    1.5,
    'Al charged / Al for complete reduction of the reducible oxides',
    `assumed within 1.0–1.2 × stoich (1.2 × the lab optimum of ${ORHAN_ARSLAN})`,
  ),
  cao_per_al: param(
    0.3,
    'kg/kg',
    0,
    2,
    'CaO flux per kg Al',
    `CaO/Al 0.3: ${ORHAN_ARSLAN}`,
    'verified',
  ),
  sio2_reduced: param(
    0.5,
    '-',
    0,
    1,
    'fraction of the SiO2 reduced to Si (rest to slag)',
    'assumed',
  ),
  cr_to_metal: param(
    0.9,
    '-',
    0.5,
    1,
    'fraction of the reduced Cr collected in the metal (rest: prills in slag)',
    `assumed: 90 % industrial (no published plant figure found); lab 95–98 % (${ORHAN_ARSLAN})`,
  ),
  excess_al_to_metal: param(
    0.1,
    '-',
    0,
    1,
    'fraction of the unreacted Al dissolved in the metal (rest: prills in slag)',
    'set so that the reference metal meets Al ≤ 0.3 % (Fastmarkets MB-CR-0001 chromium alumino-thermic 99 % min spec, https://www.fastmarkets.com/insights/proposal-to-amend-in-whs-rotterdam-chromium-alumino-thermic-99-min-assessment-launch-99-4-min-assessmen/); the split itself is not published',
    'calibrated',
  ),
  preheat_T_K: param(
    298.15,
    'K',
    298.15,
    1100,
    'charge preheat temperature (Al(s) data end at 1200 K)',
    'flowsheet choice',
  ),
  booster_kJ_per_kg: param(
    0,
    'kJ/kg',
    0,
    2000,
    'thermal booster as an enthalpy term per kg charge (its mass is not modelled)',
    'assumed: CrO3/nitrate/chlorate are not in the thermo database; e.g. 12 % CrO3 (Orhan & Arslan 2000) supplies ≈ 1,300 kJ per kg booster with ΔfH(CrO3) = −589.5 kJ/mol (NBS 1982, not in the stored sources)',
  ),
  criterion_kJ_per_kg: param(
    2300,
    'kJ/kg',
    0,
    5000,
    'minimum specific heat of the charge for a self-sustaining smelt',
    'assumed: ~2,300 kJ/kg, the self-sustaining criterion attributed to Shemchushny/Belitskus (no primary text found); the need for boosters or preheat is stated by Nelson (Mintek), https://docslib.org/doc/1819814',
  ),
};

/**
 * Aluminothermic (thermite) reduction of chromium oxide in a batch vessel:
 *   Cr2O3 + 2Al → 2Cr + Al2O3 (and Fe2O3, FeO, FeCr2O4, MgCr2O4, Na2CrO4, a fraction of SiO2,
 * reduced first-to-last in that order with the Al available). CaO flux to the slag. Metal =
 * Cr · cr_to_metal + Fe + Si + excess Al · excess_al_to_metal; everything else to the slag.
 *
 * Energy: specific heat of the charge q = −ΔH298(reactions)/m_charge [kJ/kg] (ΔH from the
 * species' formation enthalpies); the charge is preheated to preheat_T_K (heat_in), the booster
 * adds booster_kJ_per_kg · m_charge (heat_in); the products leave at the adiabatic temperature
 * (thermo `adiabaticTemperatureOfStreams`, partial melting on a plateau), no heat loss during
 * the reaction. Effective q_eff = q + heat_in/m_charge; the runner refuses q_eff < criterion.
 * Demands: aluminium, flux [kg/h].
 */
export const aluminothermicReactor: UnitKind<typeof params> = {
  kind: 'aluminothermic-reactor',
  title: 'Aluminothermic reduction of Cr2O3',
  inlets: ['oxide', 'aluminium', 'flux'],
  outlets: ['metal', 'slag'],
  params,
  reagents: [],
  stateSize: 0,
  references: [
    'Orhan & Arslan, SME 2000 https://www.onemine.org/document/abstract.cfm?docid=3403',
    'Nelson (Mintek), sealed cold-hearth aluminothermic Cr https://docslib.org/doc/1819814',
    'Fastmarkets MB-CR-0001 chromium alumino-thermic 99 % min (Al ≤ 0.3 %) https://www.fastmarkets.com/insights/proposal-to-amend-in-whs-rotterdam-chromium-alumino-thermic-99-min-assessment-launch-99-4-min-assessmen/',
  ],
  results: {
    aux_power_kW: AUX_POWER_RESULT,
    charge_kg_per_h: { unit: 'kg/h', description: 'charge (oxide, aluminium, flux)' },
    charge_specific_heat_kJ_per_kg: {
      unit: 'kJ/kg',
      description: 'reaction heat at 298 K per kg charge',
    },
    effective_specific_heat_kJ_per_kg: {
      unit: 'kJ/kg',
      description: 'reaction heat plus preheat and booster per kg charge',
    },
    adiabatic_T_K: { unit: 'K', description: 'adiabatic temperature of the products' },
    al2o3_molten_fraction: { unit: '1', description: 'molten share of the Al2O3 slag at T_ad' },
    cr_molten_fraction: { unit: '1', description: 'molten share of the Cr metal at T_ad' },
    H_products_at_T_ad_kW: {
      unit: 'kW',
      description: 'product enthalpy at T_ad (independent check)',
    },
    natural_gas_LHV_kW: {
      unit: 'kW',
      description: 'natural gas fired to preheat the charge (lower heating value)',
    },
    demand_aluminium_kg_per_h: { unit: 'kg/h', description: 'aluminium the reduction needs' },
    demand_flux_kg_per_h: { unit: 'kg/h', description: 'lime flux the slag needs' },
  },
  energy: true,
  design: {
    basis: designBasis('aluminothermic-reactor'),
    results: {
      charge_t_per_h: { unit: 't/h', description: 'charge reacted' },
      reactors: {
        unit: '1',
        description: 'reaction vessels for the daily charge at the design firings per day',
      },
    },
    size(u) {
      let q = 0;
      for (const s of u.inlets) q += total(s) / 1000;
      const perDay =
        (u.basis.charge_t_per_firing ?? NaN) * (u.basis.firings_per_vessel_per_day ?? NaN);
      return { charge_t_per_h: q, reactors: q > 0 ? Math.ceil((24 * q) / perDay) : 0 };
    },
  },
  solve(inlets, p, ctx, out) {
    const m = ctx.model;
    const [metal, slag] = out.outlets;
    if (!metal || !slag) return;
    for (const s of inlets)
      for (let i = 0; i < m.nComp; i++) slag.flow[i] = (slag.flow[i] ?? 0) + (s.flow[i] ?? 0);
    let need = 0;
    for (const [ox, al] of REDUCTIONS)
      need += al * mol(m, slag, ox) * (ox === 'SiO2(s)' ? p.sio2_reduced : 1);
    let alLeft = mol(m, slag, 'Al(s)');
    for (const [ox, al, prod] of REDUCTIONS) {
      const n = mol(m, slag, ox) * (ox === 'SiO2(s)' ? p.sio2_reduced : 1);
      const x = Math.min(n, alLeft / al);
      if (!(x > 0)) continue;
      addMol(m, slag, ox, -x);
      addMol(m, slag, 'Al(s)', -al * x);
      alLeft -= al * x;
      for (const [c, nu] of Object.entries(prod)) addMol(m, slag, c, nu * x);
    }
    for (const c of METAL) {
      const f = c === 'Cr(s)' ? p.cr_to_metal : 1;
      const x = f * mol(m, slag, c);
      addMol(m, metal, c, x);
      addMol(m, slag, c, -x);
    }
    const alx = p.excess_al_to_metal * mol(m, slag, 'Al(s)');
    addMol(m, metal, 'Al(s)', alx);
    addMol(m, slag, 'Al(s)', -alx);
    energy(m, inlets, metal, slag, p, out);
    const d = out.diagnostics;
    d.demand_aluminium_kg_per_h = p.al_excess * need * molarMassOf(m, 'Al(s)');
    d.demand_flux_kg_per_h = p.cao_per_al * d.demand_aluminium_kg_per_h;
    addAuxiliaryPower(out, p.aux_power_kWh_per_t, massOf(inlets));
  },
};

function energy(
  m: ComponentModel,
  inlets: readonly Stream[],
  metal: Stream,
  slag: Stream,
  p: Readonly<Record<keyof typeof params, number>>,
  out: UnitOutput,
): void {
  const d = out.diagnostics;
  let H_in = 0;
  let H_pre = 0;
  let H298_in = 0;
  let mass = 0;
  for (const s of inlets) {
    H_in += enthalpy_kW(m, s);
    H_pre += enthalpy_kW(m, s, p.preheat_T_K);
    H298_in += enthalpy_kW(m, s, 298.15);
    mass += total(s);
  }
  const H298_out = enthalpy_kW(m, metal, 298.15) + enthalpy_kW(m, slag, 298.15);
  const Q_pre = H_pre - H_in;
  const booster_kW = (p.booster_kJ_per_kg * mass) / 3600;
  const heat_in = Math.max(Q_pre, 0) + booster_kW;
  // the preheat is fired with natural gas in the kiln's burner type: flue at 500 °C, 10 % excess air
  d.natural_gas_LHV_kW = Math.max(Q_pre, 0) / naturalGasAvailableHeat(773.15, 1.1).alpha;
  d.charge_kg_per_h = mass;
  d.charge_specific_heat_kJ_per_kg = mass > 0 ? (-(H298_out - H298_in) * 3600) / mass : NaN;
  d.effective_specific_heat_kJ_per_kg =
    mass > 0 ? d.charge_specific_heat_kJ_per_kg + (heat_in * 3600) / mass : NaN;
  d.adiabatic_T_K = NaN;
  d.al2o3_molten_fraction = NaN;
  d.cr_molten_fraction = NaN;
  const H_charge = H_in + Q_pre + booster_kW;
  try {
    const amounts: Record<string, number> = {};
    const products: Record<string, number> = {};
    for (let i = 0; i < m.nComp; i++) {
      const name = m.names[i] ?? '';
      const c = thermoName(name);
      let nin = 0;
      const M = m.molarMass_kg_per_mol[i] ?? NaN;
      for (const s of inlets) nin += (s.flow[i] ?? 0) / M;
      if (nin > 0) amounts[c] = (amounts[c] ?? 0) + nin / 3600;
      const np = ((metal.flow[i] ?? 0) + (slag.flow[i] ?? 0)) / M;
      if (np > 0) products[c] = (products[c] ?? 0) + np / 3600;
    }
    const r = adiabaticTemperatureOfStreams(
      [{ amounts_mol: amounts, T_K: p.preheat_T_K }],
      products,
      {
        heat_added_J: booster_kW * 1000,
      },
    );
    d.adiabatic_T_K = r.T_ad_K;
    d.al2o3_molten_fraction = r.molten_fraction.Al2O3 ?? NaN;
    d.cr_molten_fraction = r.molten_fraction.Cr ?? NaN;
    metal.T_K = r.T_ad_K;
    slag.T_K = r.T_ad_K;
    // independent check of the product enthalpy at T_ad (differs only on a melting plateau)
    d.H_products_at_T_ad_kW = enthalpy_kW(m, metal) + enthalpy_kW(m, slag);
    writeEnergy(out, {
      H_in_kW: H_in,
      H_out_kW: r.H_J / 1000,
      electric_kW: 0,
      heat_in_kW: heat_in,
      heat_loss_kW: Math.max(-Q_pre, 0),
    });
  } catch {
    // T_ad outside the product data (e.g. an intermediate make-up pass): NaN, checked by the runner
    writeEnergy(out, {
      H_in_kW: H_in,
      H_out_kW: H_charge,
      electric_kW: 0,
      heat_in_kW: heat_in,
      heat_loss_kW: Math.max(-Q_pre, 0),
    });
    d.H_products_at_T_ad_kW = NaN;
  }
}

/**
 * Refuses a charge that is not self-sustaining: the effective specific heat (reaction heat at
 * 298 K plus preheat and booster, per kg charge) must reach the criterion.
 * @param diagnostics - The reactor's diagnostics after the final solve
 * @throws InputError naming the criterion and the value
 */
export function assertSelfSustaining(
  q: number,
  qe: number,
  criterion_kJ_per_kg: number,
  field: string,
): void {
  if (!(qe >= criterion_kJ_per_kg))
    throw new InputError(
      field,
      `charge specific heat ${q.toFixed(0)} kJ/kg (with preheat and booster ${qe.toFixed(0)} kJ/kg)`,
      `a self-sustaining charge: at least ${String(criterion_kJ_per_kg)} kJ/kg (criterion_kJ_per_kg, assumed) — raise units.<reactor>.preheat_T_K or booster_kJ_per_kg, or lower al_excess / cao_per_al`,
    );
}

/** kg Al per kg Cr in the metal at the reactor (for KPIs). */
export function alPerCr(m: ComponentModel, al_kg_per_h: number, metal: Stream): number {
  return al_kg_per_h / kg(m, metal, 'Cr(s)');
}
