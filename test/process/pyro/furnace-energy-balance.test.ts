// furnaceEnergyBalance against a hand calculation from the NIST-JANAF tables (M. W. Chase, Jr.,
// NIST-JANAF Thermochemical Tables, 4th ed., J. Phys. Chem. Ref. Data Monograph 9, 1998; rows as
// in test/validation/reference/thermo/janaf_selected_rows.json): carbothermic reduction
// Cr2O3 + 3 C → 2 Cr + 3 CO, reactants at 298.15 K, liquid Cr tapped at 2000 K, CO at 1000 K.
import { describe, expect, it } from 'vitest';
import { furnaceEnergyBalance } from '../../../src/process/pyro/smelting-furnace.js';
import {
  emptySpeciesStream,
  enthalpy_W,
  molarEnthalpyTable,
  N_SPECIES,
  SP,
} from '../../../src/process/pyro/species.js';
import { InputError } from '../../../src/errors.js';

/*
 * Hand calculation, absolute enthalpies H = ΔfH°(298.15) + [H(T) − H(298.15)], kJ/mol (JANAF):
 *   Cr2O3(cr), 298.15 K:  −1134.701 + 0                = −1134.701   (table Cr-014)
 *   C(graphite), 298.15 K:        0 + 0                 =     0       (table C-002)
 *   Cr(l), 2000 K:           26.068 + 57.377            =    83.445   (table Cr-003)
 *   CO(g), 1000 K:         −110.527 + 21.690            =   −88.837   (table C-093)
 * Flows: 1 mol/s Cr2O3 + 3 mol/s C in; 2 mol/s Cr + 3 mol/s CO out. kJ/s = kW.
 *   ΣH_in  = −1134.701 kW
 *   ΣH_out = 2 × 83.445 + 3 × (−88.837) = 166.890 − 266.511 = −99.621 kW
 * Alloy 2 mol/s × 51.9961 g/mol = 0.1039922 kg/s; heat loss q = 100 kWh/t:
 *   Q_loss = 100 kWh/t × 0.1039922 kg/s × 3600 J/kg per kWh/t = 37.437 kW
 * Delivered η·P = ΣH_out + Q_loss − ΣH_in = −99.621 + 37.437 + 1134.701 = 1072.517 kW
 * With η = 0.9: P_el = 1072.517 / 0.9 = 1191.686 kW; electrical loss = 0.1 × P = 119.169 kW.
 */
const HAND = {
  H_in_W: -1134.701e3,
  H_out_W: -99.621e3,
  heat_loss_W: 37.437e3,
  electric_W: 1191.686e3,
  electrical_loss_W: 119.169e3,
};
const ALLOY_KG_PER_S = (2 * 51.9961) / 1000;
const P = { heat_loss_kWh_per_t: 100, electrical_efficiency: 0.9 };

function streams() {
  const oxide = emptySpeciesStream('oxide', 298.15);
  oxide.mol_per_s[SP['Cr2O3(s)']] = 1;
  const carbon = emptySpeciesStream('carbon', 298.15);
  carbon.mol_per_s[SP['C(s)']] = 3;
  const metal = emptySpeciesStream('alloy', 2000);
  metal.mol_per_s[SP['Cr(l)']] = 2;
  const gas = emptySpeciesStream('gas', 1000);
  gas.mol_per_s[SP['CO(g)']] = 3;
  return { inlets: [oxide, carbon], outlets: [metal, gas] };
}

describe('furnaceEnergyBalance', () => {
  it('reproduces the hand calculation from the JANAF tables (within the database fits)', () => {
    const { inlets, outlets } = streams();
    const e = furnaceEnergyBalance(inlets, outlets, ALLOY_KG_PER_S, P);
    // JANAF vs the database's fits: ΔfH within 0.5 kJ/mol per species row, H − H298 within 0.3 %
    expect(e.H_in_W).toBeCloseTo(HAND.H_in_W, -3); // ±0.5 kW (one Cr2O3 row)
    expect(Math.abs(e.H_out_W - HAND.H_out_W)).toBeLessThan(2.5e3); // 5 rows × 0.5 kJ/mol
    // the heat loss is pure arithmetic: exact
    expect(e.heat_loss_W).toBeCloseTo(HAND.heat_loss_W, -1);
    expect(e.electric_W / HAND.electric_W).toBeCloseTo(1, 3);
    expect(e.electrical_loss_W / HAND.electrical_loss_W).toBeCloseTo(1, 3);
    // and the balance closes to round-off
    const residual = e.H_in_W + e.electric_W - e.H_out_W - e.heat_loss_W - e.electrical_loss_W;
    expect(Math.abs(residual) / e.electric_W).toBeLessThan(1e-14);
  });

  it('refuses a charge that needs no electrical energy, naming the furnace', () => {
    const { inlets, outlets } = streams();
    // reversed: the products as the charge would release heat
    expect(() => furnaceEnergyBalance(outlets, inlets, ALLOY_KG_PER_S, P)).toThrow(InputError);
  });

  it('gives the same bits with a table of molar enthalpies at some of the temperatures', () => {
    const { inlets, outlets } = streams();
    // 298.15 K and 2000 K tabled, 1000 K (the gas) computed
    const table = molarEnthalpyTable([298.15, 2000]);
    expect(furnaceEnergyBalance(inlets, outlets, ALLOY_KG_PER_S, P, table)).toEqual(
      furnaceEnergyBalance(inlets, outlets, ALLOY_KG_PER_S, P),
    );
  });
});

describe('molarEnthalpyTable', () => {
  it('holds the temperatures, then H_i(T) of every species; NaN where a species has no data', () => {
    const table = molarEnthalpyTable([298.15, 2000]);
    expect(table.length).toBe(2 * (1 + N_SPECIES));
    expect([table[0], table[1]]).toEqual([298.15, 2000]);
    const crAt2000 = table[2 + N_SPECIES + SP['Cr(l)']];
    // Cr(l) at 2000 K: 83.445 kJ/mol in the JANAF hand calculation above (within the fit)
    expect(crAt2000).toBeCloseTo(83.445e3, -3);
    expect(enthalpy_W({ id: 'x', T_K: 2000, mol_per_s: unit(SP['Cr(l)']) }, table)).toBe(crAt2000);
    // liquid water has no data at 2000 K: NaN in the table, and a stream holding it still throws
    const water = SP['H2O(l)'];
    expect(table[2 + N_SPECIES + water]).toBeNaN();
    const wet = { id: 'x', T_K: 2000, mol_per_s: unit(water) };
    expect(() => enthalpy_W(wet, table)).toThrow();
    expect(() => enthalpy_W(wet)).toThrow();
  });
});

function unit(i: number): Float64Array {
  const a = new Float64Array(N_SPECIES);
  a[i] = 1;
  return a;
}
