import { addAuxiliaryPower, AUX_POWER_RESULT, auxPowerParam, massOf } from './auxiliary-power.js';
import { param } from '../../params.js';
import { designBasis } from '../../design/basis.js';
import { port } from '../../design/measures.js';
import type { UnitKind } from '../../unit.js';
import { addKg, kg, mol, molarMassOf, writeEnergy } from './common.js';
import {
  enthalpyWithHandbook_kW,
  REAGENT_ACTIVE_FRACTION,
  REDUCTANT_MOL_PER_MOL_CR,
  REDUCTANT_SPECIES,
  reductantOf,
  reduceChromate,
} from './cr6-reduction.js';

const params = {
  aux_power_kWh_per_t: auxPowerParam('chromate-wastewater-treatment'),
  reductant: param(
    0,
    '-',
    0,
    1,
    'reductant: 0 ferrous sulphate, 1 sodium sulphide (route key `detox_reductant`; carbon → ferrous sulphate)',
    'flowsheet choice',
  ),
  reductant_excess: param(
    1.5,
    '-',
    1,
    10,
    'reductant charged / stoichiometric reductant for the Cr(VI) reduced',
    'assumed: dissolved chromate reacts fast; a margin for the dissolved oxygen and mixing',
  ),
  discharge_cr6_mg_per_L: param(
    0.5,
    'mg/L',
    0,
    100,
    'Cr(VI) left in the treated water discharged',
    'assumed: the plant is designed to the Class-1 pollutant limit of the Chinese Integrated Wastewater Discharge Standard GB 8978-1996 (Cr(VI) 0.5 mg/L); a limit, not a measured performance; not in the stored sources',
  ),
  sludge_water_per_solids: param(
    1,
    'kg/kg',
    0,
    10,
    'water in the filtered Cr(III)/Fe(III) sludge per kg sludge solids',
    'assumed: filter-press hydroxide cakes of about 50 % solids',
  ),
  discharge_T_K: param(
    313.15,
    'K',
    283.15,
    373.15,
    'temperature of the condensate discharged, of the salt and the sludge',
    'assumed',
  ),
  steam_economy: param(
    2.5,
    'kg/kg',
    0.5,
    6,
    'kg water evaporated per kg live steam (multiple-effect)',
    'assumed (as the chromate crystalliser)',
  ),
  boiler_efficiency: param(
    0.85,
    '-',
    0.3,
    1,
    'boiler efficiency, natural gas LHV → steam',
    'assumed',
  ),
};

/** Latent heat of water at 373.15 K [kJ/kg] (IAPWS-IF97 steam tables: 2,256.4 kJ/kg). */
const LATENT_KJ_PER_KG = 2256.4;

const INLETS = ['purge', 'wash-liquor', 'ferrous-sulphate', 'sodium-sulphide'] as const;
const OUTLETS = ['sludge', 'salt', 'discharge', 'vent'] as const;

/**
 * Wastewater treatment of the chromate route's liquors (mother-liquor purge and the Cr2O3 wash
 * liquor): Cr(VI) is reduced to Cr(III) with the chosen reductant (cr6-reduction.ts) down to
 * `discharge_cr6_mg_per_L` in the water discharged; Cr(III), Fe(III), S and suspended solids
 * are filtered as sludge (hazardous waste, with `sludge_water_per_solids` of water); the
 * filtrate is evaporated: the dissolved sodium salts (Na2SO4 with the liquors' Na2CO3 and NaOH)
 * crystallise as salt cake, the condensate is discharged with the residual Cr(VI); CO2 of the
 * neutralisation is vented.
 * Energy: heat_in = evaporated water × latent heat ÷ steam economy (multiple effect);
 * natural gas = heat_in ÷ boiler efficiency; the condenser rejects the rest, so the balance
 * closes with heat_loss = H_in + heat_in − H_out.
 * Demands for the runner: ferrous sulphate and sodium sulphide [kg/h].
 */
export const chromateWastewater: UnitKind<typeof params> = {
  kind: 'chromate-wastewater-treatment',
  title: 'Wastewater treatment: Cr(VI) reduction, sludge filtration, salt evaporation',
  inlets: [...INLETS],
  outlets: [...OUTLETS],
  params,
  reagents: [],
  stateSize: 0,
  references: [
    'Chromate wastewater of chromium-oxide plants is reduced (e.g. with SO2 or NaHSO3) and the chromium precipitated as hydroxide before release: Buxbaum & Pfaff, Industrial Inorganic Pigments (kraska.biz/industrial-inorganic-pigments/environmental-protection-2)',
  ],
  results: {
    aux_power_kW: AUX_POWER_RESULT,
    cr6_in_kg_per_h: { unit: 'kg/h', description: 'Cr(VI) in the liquors received' },
    cr6_reduced_kg_per_h: { unit: 'kg/h', description: 'Cr(VI) reduced to Cr(III)' },
    cr6_discharged_kg_per_h: { unit: 'kg/h', description: 'Cr(VI) released with the discharge' },
    discharge_m3_per_h: { unit: 'm3/h', description: 'treated water discharged' },
    natural_gas_LHV_kW: { unit: 'kW', description: 'natural gas for the evaporator steam' },
    demand_ferrous_sulphate_kg_per_h: { unit: 'kg/h', description: 'FeSO4·7H2O needed' },
    demand_sodium_sulphide_kg_per_h: { unit: 'kg/h', description: 'sodium sulphide flakes needed' },
  },
  energy: true,
  design: {
    basis: designBasis('chromate-wastewater-treatment'),
    results: {
      evaporation_t_per_h: { unit: 't/h', description: 'water evaporated' },
    },
    size(u) {
      return { evaporation_t_per_h: total_t(port([...OUTLETS], u.outlets, 'discharge')) };
    },
  },

  solve(inlets, p, ctx, out) {
    const m = ctx.model;
    const [sludge, salt, dis, vent] = out.outlets;
    if (!sludge || !salt || !dis || !vent) return;
    const liq = sludge; // work in the sludge stream, then split
    for (const s of inlets)
      for (let i = 0; i < m.nComp; i++) liq.flow[i] = (liq.flow[i] ?? 0) + (s.flow[i] ?? 0);
    // reagents and solid salts dissolve (FeSO4, Na2S stay as written: their species are solids)
    for (const n of ['Na2CrO4', 'Na2CO3', 'Na2SO4', 'Na2O']) {
      const x = kg(m, liq, `${n}(s)`);
      addKg(m, liq, `${n}(s)`, -x);
      addKg(m, liq, `${n}(aq)`, x);
    }
    const r = reductantOf(Math.min(p.reductant, 1));
    const mCr = molarMassOf(m, 'Cr(s)');
    const cr6In = mol(m, liq, 'Na2CrO4(aq)');
    const water = kg(m, liq, 'H2O(aq)');
    const left = (p.discharge_cr6_mg_per_L * 1e-6 * water) / mCr; // 1 L ≈ 1 kg
    const want = Math.max(0, cr6In - left);
    const x = reduceChromate(m, liq, vent, r, want, true);
    // sludge keeps the solids and their water; the filtrate gives salt cake and condensate
    let solids = 0;
    for (let i = 0; i < m.nComp; i++) {
      const name = m.names[i] ?? '';
      if (name.endsWith('(aq)') || name.endsWith('(g)')) {
        const v = liq.flow[i] ?? 0;
        if (name.endsWith('(g)')) vent.flow[i] = (vent.flow[i] ?? 0) + v;
        else if (name === 'H2O(aq)') dis.flow[i] = v;
        else if (name === 'Na2CrO4(aq)') dis.flow[i] = v;
        else addKg(m, salt, name.replace('(aq)', '(s)'), v);
        liq.flow[i] = 0;
      } else solids += liq.flow[i] ?? 0;
    }
    const sw = Math.min(kg(m, dis, 'H2O(aq)'), p.sludge_water_per_solids * solids);
    addKg(m, dis, 'H2O(aq)', -sw);
    addKg(m, sludge, 'H2O(aq)', sw);
    // chromate left beyond the discharge water's share goes with the sludge water (same liquor)
    const cr6Dis = kg(m, dis, 'Na2CrO4(aq)');
    const share = water > 0 ? sw / water : 0;
    addKg(m, dis, 'Na2CrO4(aq)', -share * cr6Dis);
    addKg(m, sludge, 'Na2CrO4(aq)', share * cr6Dis);
    for (const s of out.outlets) s.T_K = p.discharge_T_K;
    const evaporated = kg(m, dis, 'H2O(aq)');
    const heat_in = (evaporated * LATENT_KJ_PER_KG) / 3600 / p.steam_economy;
    const H_in = inlets.reduce((h, s) => h + enthalpyWithHandbook_kW(m, s), 0);
    let H_out = 0;
    for (const s of out.outlets) H_out += enthalpyWithHandbook_kW(m, s);
    writeEnergy(out, {
      H_in_kW: H_in,
      H_out_kW: H_out,
      electric_kW: 0,
      heat_in_kW: heat_in,
      heat_loss_kW: H_in + heat_in - H_out,
    });
    const d = out.diagnostics;
    d.cr6_in_kg_per_h = cr6In * mCr;
    d.cr6_reduced_kg_per_h = x * mCr;
    d.cr6_discharged_kg_per_h = mol(m, dis, 'Na2CrO4(aq)') * mCr;
    d.discharge_m3_per_h = evaporated / 1000;
    d.natural_gas_LHV_kW = heat_in / p.boiler_efficiency;
    const need = (name: typeof r): number =>
      name === r
        ? (p.reductant_excess *
            REDUCTANT_MOL_PER_MOL_CR[r] *
            want *
            molarMassOf(m, REDUCTANT_SPECIES[r])) /
          REAGENT_ACTIVE_FRACTION[r]
        : 0;
    d.demand_ferrous_sulphate_kg_per_h = need('ferrous-sulphate');
    d.demand_sodium_sulphide_kg_per_h = need('sodium-sulphide');
    addAuxiliaryPower(out, p.aux_power_kWh_per_t, massOf(inlets.slice(0, 2)));
  },
};

function total_t(s: { readonly flow: ArrayLike<number> }): number {
  return massOf([s]) / 1000;
}
