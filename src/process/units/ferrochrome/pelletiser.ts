import { MATERIALS } from '../../pyro/materials.js';
import { pelletise } from '../../pyro/pretreatment.js';
import { mass_kg_per_s, molarMass, SP, type SpeciesStream } from '../../pyro/species.js';
import { param } from '../../params.js';
import type { UnitKind } from '../../unit.js';
import { throughputDesign } from '../../design/throughput-design.js';
import { toSpecies, writeDemand, writeEnergyTerms, writeSpecies } from './bridge.js';
import { PRE, schemaOf } from './params.js';

const params = {
  ...schemaOf(PRE, [
    'pellet_bentonite_kg_per_t',
    'pellet_moisture_wt_pct',
    'kiln_cr_metallisation',
    'kiln_fe_metallisation',
    'kiln_reductant_excess',
  ]),
  ore_moisture_wt_pct: param(
    0,
    'wt%',
    0,
    100,
    'free moisture of the ore as received (counts toward the pellet moisture); set by the stage runner from the feed',
    'feed description',
    'derived',
  ),
  prereduction_breeze: param(
    0,
    '0/1',
    0,
    1,
    '1 = add coke breeze for the rotary-kiln metallisation (kiln_* × excess), 0 = none',
    'template choice',
    'derived',
  ),
};

/**
 * Coke breeze for the kiln pre-reduction [kg/s dry]: carbon for x_Cr of the Cr (Cr2O3 + 3C), x_Fe
 * of the Fe (FeO + C) and Fe(III) → Fe(II), × excess, over the coke's fixed carbon.
 */
function breeze_kg_per_s(ore: SpeciesStream, xCr: number, xFe: number, excess: number): number {
  const n = ore.mol_per_s;
  const g = (k: keyof typeof SP): number => n[SP[k]] ?? 0;
  const cr = 2 * (g('FeCr2O4(s)') + g('MgCr2O4(s)') + g('Cr2O3(s)'));
  const fe2 = g('FeCr2O4(s)') + g('FeO(s)');
  const fe3 = 2 * g('Fe2O3(s)');
  const cMol = 1.5 * xCr * cr + xFe * (fe2 + fe3) + 0.5 * fe3;
  return (excess * cMol * molarMass(SP['C(s)'])) / (MATERIALS.coke.fixed_C_wt_pct / 100);
}

/**
 * Pelletising (disc/drum) of chromite fines: ore + bentonite (+ coke breeze for pre-reduction)
 * + water → green pellets at the target moisture (src/process/pyro/pretreatment.ts `pelletise`).
 * Demands `bentonite`, `reductant`, `water`.
 */
export const fecrPelletiser: UnitKind<typeof params> = {
  kind: 'fecr-pelletiser',
  title: 'Pelletising of chromite fines',
  inlets: ['ore', 'bentonite', 'reductant', 'water'],
  outlets: ['green-pellets'],
  params,
  reagents: [],
  stateSize: 0,
  references: [
    'Outokumpu Tornio (pelletised, sintered charge) https://www.outokumpu.com/sv-se/locations/tornioferrochrome ; data/pyro/fecr.json',
  ],
  energy: true,
  demandPorts: ['bentonite', 'reductant', 'water'],
  results: {},
  design: throughputDesign('fecr-pelletiser', {
    side: 'outlets',
    ports: ['green-pellets'],
    names: ['green-pellets'],
  }),
  solve(inlets, p, ctx, out) {
    const oreIn = inlets[0];
    const prod = out.outlets[0];
    if (!oreIn || !prod) return;
    const ore = toSpecies(ctx.model, oreIn, 'ore');
    // the ore stream's total water is LOI + free moisture; the free part is w × wet mass
    const r = pelletise(ore, {
      pellet_bentonite_kg_per_t: p.pellet_bentonite_kg_per_t,
      pellet_moisture_wt_pct: p.pellet_moisture_wt_pct,
      ore_moisture_kg_per_s: mass_kg_per_s(ore) * (p.ore_moisture_wt_pct / 100),
      ...(p.prereduction_breeze > 0
        ? {
            reductant_kg_per_s: breeze_kg_per_s(
              ore,
              p.kiln_cr_metallisation,
              p.kiln_fe_metallisation,
              p.kiln_reductant_excess,
            ),
          }
        : {}),
    });
    writeSpecies(ctx.model, r.product, prod);
    const [, bentonite, reductant, water] = r.inlets;
    if (bentonite) writeDemand(ctx.model, out, 'bentonite', bentonite);
    if (reductant) writeDemand(ctx.model, out, 'reductant', reductant);
    if (water) writeDemand(ctx.model, out, 'water', water);
    writeEnergyTerms(out, r);
  },
};
