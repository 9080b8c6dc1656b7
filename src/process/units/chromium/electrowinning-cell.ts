import { param } from '../../params.js';
import { designBasis } from '../../design/basis.js';
import type { UnitKind } from '../../unit.js';
import { FARADAY_C_PER_MOL, addMol, mol, molarMassOf, writeEnergy } from './common.js';
import {
  DH_CR_DEPOSITION_KJ,
  DH_FE_DEPOSITION_KJ,
  DH_WATER_SPLIT_KJ,
} from './hydromet-enthalpies.js';

const TRECCANI =
  'Treccani, Enciclopedia Italiana, “Cromo” (chrome-alum electrolysis, current efficiency 40–50 %) http://156.54.191.164/enciclopedia/cromo_res-5c4cf8a8-87e9-11dc-8e9d-0016357eee51_%28Enciclopedia-Italiana%29';
const params = {
  cell_voltage_V: param(
    4.2,
    'V',
    2,
    10,
    'cell voltage',
    'assumed: 4.2 V, the low end of 4.2–4.5 V taken for chrome-alum diaphragm cells (no plant figure found); with 45 % CE it gives ~14 kWh/kg Cr',
    'assumed',
  ),
  current_efficiency: param(
    0.45,
    '-',
    0.05,
    1,
    'cathode current efficiency for Cr',
    `${TRECCANI}; 45 % taken inside 40–50 %`,
    'verified',
  ),
  cr_deposited: param(
    0.5,
    '-',
    0.01,
    1,
    'fraction of the electrolyte Cr deposited per pass (rest in the spent electrolyte)',
    'assumed',
  ),
  fe_codeposition: param(
    1,
    '-',
    0,
    5,
    'fraction of the electrolyte Fe deposited relative to the Cr fraction deposited',
    'assumed',
  ),
};

/**
 * Diaphragm electrowinning cell, chrome-alum electrolyte:
 *   cathode Cr3+ + 3e → Cr; anode 2H2O → O2 + 4H+ + 4e; overall
 *   2NH4Cr(SO4)2 + 3H2O → 2Cr + (NH4)2SO4 + 3H2SO4 + 3/2 O2
 *   side: FeSO4 + H2O → Fe + H2SO4 + ½O2 (co-deposition), H2O → H2 + ½O2 (rest of the current)
 * Current I = 3F·ṅ_Cr / CE [A]; power P = U·I; specific energy = P / Cr [kWh/kg]
 * (4.2 V, 45 % CE → 14.4 kWh/kg Cr from 3F per mol Cr). Energy (isothermal reaction basis):
 * electric = Σ ξ ΔH_r + heat removed by the electrolyte cooling.
 */
export const electrowinningCell: UnitKind<typeof params> = {
  kind: 'chromium-electrowinning',
  title: 'Chromium electrowinning from chrome-alum electrolyte',
  inlets: ['electrolyte'],
  outlets: ['cathode', 'spent', 'gas'],
  params,
  reagents: [],
  stateSize: 0,
  references: [
    TRECCANI,
    'USBM RI 5322, “Electrowinning chromium metal” https://www.onetunnel.org/documents/ri-5322-electrowinning-chromium-metal-summary',
    'National Research Council 1995, “High-Purity Chromium Metal: Supply Issues for Gas-Turbine Superalloys”, ch. 3 (electrolytic route)',
  ],
  results: {
    current_kA: { unit: 'kA', description: 'cell-house current' },
    cell_kWh_per_kg_cr: { unit: 'kWh/kg', description: 'cell energy per kg of Cr deposited' },
  },
  energy: true,
  design: {
    basis: designBasis('chromium-electrowinning'),
    results: {
      rectifier_MW: { unit: 'MW', description: 'DC power of the cell house' },
      current_kA: { unit: 'kA', description: 'cell-house current' },
      cells: { unit: '1', description: 'cells at the design current per cell' },
    },
    size(u) {
      const P_kW = u.duties.power_kW;
      const I_kA = P_kW / (u.params.cell_voltage_V ?? NaN);
      return {
        rectifier_MW: P_kW / 1000,
        current_kA: I_kA,
        cells: I_kA > 0 ? Math.ceil(I_kA / (u.basis.current_kA_per_cell ?? NaN)) : 0,
      };
    },
  },
  solve(inlets, p, ctx, out) {
    const m = ctx.model;
    const [cat, spent, gas] = out.outlets;
    const el = inlets[0];
    if (!cat || !spent || !gas || !el) return;
    for (let i = 0; i < m.nComp; i++) spent.flow[i] = el.flow[i] ?? 0;
    const ncr = p.cr_deposited * mol(m, spent, 'NH4Cr(SO4)2(aq)');
    const nfe = Math.min(1, p.fe_codeposition * p.cr_deposited) * mol(m, spent, 'FeSO4(aq)');
    const I_A = (3 * FARADAY_C_PER_MOL * ncr) / 3600 / p.current_efficiency;
    const nH2 = Math.max(0, (I_A * 3600) / FARADAY_C_PER_MOL - 3 * ncr - 2 * nfe) / 2;
    addMol(m, spent, 'NH4Cr(SO4)2(aq)', -ncr);
    addMol(m, spent, 'H2O(aq)', -1.5 * ncr - nfe - nH2);
    addMol(m, spent, '(NH4)2SO4(aq)', ncr / 2);
    addMol(m, spent, 'H2SO4(aq)', 1.5 * ncr + nfe);
    addMol(m, cat, 'Cr(s)', ncr);
    addMol(m, spent, 'FeSO4(aq)', -nfe);
    addMol(m, cat, 'Fe(s)', nfe);
    addMol(m, gas, 'O2(g)', 0.75 * ncr + 0.5 * nfe + 0.5 * nH2);
    addMol(m, gas, 'H2(g)', nH2);
    const power_kW = (p.cell_voltage_V * I_A) / 1000;
    const H_out =
      (ncr * DH_CR_DEPOSITION_KJ + nfe * DH_FE_DEPOSITION_KJ + nH2 * DH_WATER_SPLIT_KJ) / 3600;
    writeEnergy(out, {
      H_in_kW: 0,
      H_out_kW: H_out,
      electric_kW: power_kW,
      heat_in_kW: 0,
      heat_loss_kW: power_kW - H_out,
    });
    out.duties.power_kW = power_kW;
    const d = out.diagnostics;
    d.current_kA = I_A / 1000;
    const crKg = ncr * molarMassOf(m, 'Cr(s)');
    d.cell_kWh_per_kg_cr = crKg > 0 ? power_kW / crKg : NaN;
  },
};
