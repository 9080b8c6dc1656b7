import { shaftPreheater } from '../../pyro/pretreatment.js';
import { emptySpeciesStream, SP, type SpeciesStream } from '../../pyro/species.js';
import type { UnitKind } from '../../unit.js';
import { designBasis } from '../../design/basis.js';
import { port, solids_t_per_h } from '../../design/measures.js';
import { toSpecies, writeDemand, writeEnergyTerms, writeSpecies } from './bridge.js';
import { PRE, schemaOf } from './params.js';

const params = schemaOf(PRE, [
  'preheat_T_K',
  'preheater_flue_T_K',
  'preheater_air_excess',
  'preheater_heat_loss_fraction',
]);

/** A cold charge stream dried and heated to T [K] (its liquid water leaves with the flue gas). */
function heated(s: SpeciesStream, id: string, T_K: number): SpeciesStream {
  const h = emptySpeciesStream(id, T_K);
  h.mol_per_s.set(s.mol_per_s);
  h.mol_per_s[SP['H2O(l)']] = 0;
  return h;
}

/**
 * Shaft-kiln preheater (Outokumpu): sinter pellets, reductant and quartzite heated to the preheat
 * temperature by burning the fraction φ of the cleaned furnace gas that the heat balance needs
 * (src/process/pyro/pretreatment.ts `shaftPreheater`); the rest of the gas leaves as export gas.
 * The furnace gas reaches it through a recycle (furnace → gas → preheater → hot charge →
 * furnace); the gas is taken at 298.15 K after the wet scrubber (its sensible heat is lost there).
 * Demands `air`. Diagnostic `gas_shortfall` = 1 when the gas is not enough (the stage runner
 * rejects a converged solution with a shortfall).
 */
export const fecrShaftPreheater: UnitKind<typeof params> = {
  kind: 'fecr-shaft-preheater',
  title: 'Shaft-kiln charge preheater fired with furnace CO gas',
  inlets: ['pellets', 'reductant', 'quartzite', 'furnace-gas', 'air'],
  outlets: ['hot-pellets', 'hot-reductant', 'hot-quartzite', 'flue', 'export-gas'],
  params,
  reagents: [],
  stateSize: 0,
  reactive: true,
  references: [
    'Outokumpu Tornio (shaft-kiln preheating with furnace CO gas) https://www.outokumpu.com/sv-se/locations/tornioferrochrome ; 600–700 °C assumed',
  ],
  energy: true,
  demandPorts: ['air'],
  results: {
    gas_fraction: { unit: '1', description: 'share of the furnace gas burnt in the preheater' },
    gas_shortfall: { unit: '0/1', description: '1 when the furnace gas cannot supply the preheat' },
    fuel_kg_per_h: { unit: 'kg/h', description: 'furnace gas burnt' },
    fuel_LHV_kW: { unit: 'kW', description: 'lower heating value of the gas burnt' },
  },
  design: {
    basis: designBasis('fecr-shaft-preheater'),
    results: {
      charge_t_per_h: {
        unit: 't/h',
        description: 'pellets, reductant and quartzite preheated (dry)',
      },
      shaft_volume_m3: { unit: 'm3', description: 'shaft volume for the design residence time' },
    },
    size(u) {
      const names = ['pellets', 'reductant', 'quartzite', 'furnace-gas', 'air'];
      const q = solids_t_per_h(
        u.model,
        ['pellets', 'reductant', 'quartzite'].map((p) => port(names, u.inlets, p)),
      );
      const b = u.basis;
      return {
        charge_t_per_h: q,
        shaft_volume_m3: (q * (b.residence_h ?? NaN)) / (b.bulk_density_t_per_m3 ?? NaN),
      };
    },
  },
  solve(inlets, p, ctx, out) {
    const [pIn, rIn, qIn, gIn] = inlets;
    const [hp, hr, hq, flue, exp] = out.outlets;
    if (!pIn || !rIn || !qIn || !gIn || !hp || !hr || !hq || !flue || !exp) return;
    const m = ctx.model;
    const pellets = toSpecies(m, pIn, 'sinter-pellets');
    const red = toSpecies(m, rIn, 'coke');
    const qz = toSpecies(m, qIn, 'quartzite');
    const gas = toSpecies(m, gIn, 'furnace-gas');
    const r = shaftPreheater([pellets, red, qz], gas, { ...p, allow_shortfall: true });
    writeSpecies(m, heated(pellets, 'hot-pellets', p.preheat_T_K), hp);
    writeSpecies(m, heated(red, 'hot-reductant', p.preheat_T_K), hr);
    writeSpecies(m, heated(qz, 'hot-quartzite', p.preheat_T_K), hq);
    if (r.gas) writeSpecies(m, r.gas, flue);
    const rest = emptySpeciesStream('export-gas', 298.15);
    for (let j = 0; j < rest.mol_per_s.length; j++)
      rest.mol_per_s[j] = (1 - r.gas_fraction) * (gas.mol_per_s[j] ?? 0);
    writeSpecies(m, rest, exp);
    const d = out.diagnostics;
    if (r.air) writeDemand(m, out, 'air', r.air);
    d.gas_fraction = r.gas_fraction;
    d.gas_shortfall = r.shortfall ? 1 : 0;
    d.fuel_kg_per_h = r.fuel_kg_per_s * 3600;
    d.fuel_LHV_kW = r.fuel_LHV_W / 1000;
    writeEnergyTerms(out, r);
  },
};
