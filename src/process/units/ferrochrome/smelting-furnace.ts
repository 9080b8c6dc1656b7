import { N_SPECIES } from '../../pyro/species.js';
import {
  FURNACE_ADDITIONS,
  FURNACE_WORK_LENGTH,
  furnaceEnthalpyTable,
  solveSmeltingFurnace,
  type FurnaceParams,
  type FurnaceResult,
  type FurnaceRoute,
} from '../../pyro/smelting-furnace.js';
import type { ComponentModel } from '../../components.js';
import type { ParamDef } from '../../params.js';
import type { UnitKind, UnitOutput } from '../../unit.js';
import { toSpecies, writeDemand, writeEnergyTerms, writeSpecies } from './bridge.js';
import { furnaceDesign } from './furnace-design.js';
import { FURNACE_DATA, schemaOf, type FurnaceKey } from './params.js';

export { FURNACE_ADDITIONS };

const KEYS = Object.keys(FURNACE_DATA.dc) as FurnaceKey[];

const INLETS = ['charge', ...FURNACE_ADDITIONS] as const;
const OUTLETS = ['alloy', 'slag', 'off-gas', 'dust'] as const;

function furnaceKind(
  route: FurnaceRoute,
  kind: string,
  title: string,
): UnitKind<Record<FurnaceKey, ParamDef>> {
  return {
    kind,
    title,
    inlets: INLETS,
    outlets: OUTLETS,
    energy: true,
    demandPorts: FURNACE_ADDITIONS,
    results: {
      reductant_kg_per_h: { unit: 'kg/h', description: 'reductant charged (coke, as charged)' },
      quartzite_kg_per_h: { unit: 'kg/h', description: 'quartzite flux charged' },
      lime_kg_per_h: { unit: 'kg/h', description: 'lime flux charged' },
      electrode_kg_per_h: { unit: 'kg/h', description: 'electrode consumed' },
      alloy_kg_per_h: { unit: 'kg/h', description: 'alloy tapped' },
      slag_kg_per_h: { unit: 'kg/h', description: 'slag tapped' },
      thermal_loss_kW: { unit: 'kW', description: 'heat lost through the shell and cooling' },
      electrical_loss_kW: {
        unit: 'kW',
        description: 'electrical losses (transformer, bus, electrodes)',
      },
      charge_T_K: { unit: 'K', description: 'temperature of the main charge' },
    },
    design: furnaceDesign(kind, INLETS, OUTLETS),
    params: schemaOf(FURNACE_DATA[route], KEYS),
    reagents: [],
    stateSize: 0,
    // the charge's species, then the furnace solve's work (its streams are written out at once)
    scratchSize: N_SPECIES + FURNACE_WORK_LENGTH,
    reactive: true,
    references: [
      'src/process/pyro/smelting-furnace.ts (element balance, additions as one linear system, heat balance); docs/model.md §Ferrochrome',
      'heat-loss calibration to AC SAF 3.8 and DC 4.2 MWh/t inside the published ranges (Xstrata 2012: AC 4.0, DC 4.75; Barcza, Mining Weekly 2017: DC 3.4–3.6; kfferroalloy.com: 3.0–4.0); sources in data/pyro/fecr.json',
    ],
    // the molar enthalpies at the temperatures the parameters fix, once per parameter set
    prepare: (p) => furnaceEnthalpyTable({ ...p, route }),
    solve(inlets, p, ctx, out) {
      const charge = inlets[0];
      if (!charge) return;
      const params: FurnaceParams = { ...p, route };
      const species = toSpecies(ctx.model, charge, 'charge', ctx.scratch.subarray(0, N_SPECIES));
      const work = ctx.scratch.subarray(N_SPECIES, N_SPECIES + FURNACE_WORK_LENGTH);
      const f = solveSmeltingFurnace(species, params, undefined, {
        work,
        enthalpies: ctx.prepared,
      });
      writeFurnaceOutput(ctx.model, f, out);
    },
  };
}

/**
 * Writes a furnace solution into the unit's outputs: the four outlets, the additions it needs
 * (`UnitOutput.demands`, made up by the stage runner), masses [kg/h], losses and energy terms [kW].
 */
export function writeFurnaceOutput(model: ComponentModel, f: FurnaceResult, out: UnitOutput): void {
  const [alloy, slag, gas, dust] = out.outlets;
  if (!alloy || !slag || !gas || !dust) return;
  writeSpecies(model, f.alloy, alloy);
  writeSpecies(model, f.slag, slag);
  writeSpecies(model, f.gas, gas);
  writeSpecies(model, f.dust, dust);
  const d = out.diagnostics;
  for (const port of FURNACE_ADDITIONS) writeDemand(model, out, port, f.additions[port]);
  d.reductant_kg_per_h = f.reductant_kg_per_s * 3600;
  d.quartzite_kg_per_h = f.quartzite_kg_per_s * 3600;
  d.lime_kg_per_h = f.lime_kg_per_s * 3600;
  d.electrode_kg_per_h = f.electrode_kg_per_s * 3600;
  d.alloy_kg_per_h = f.alloy_kg_per_s * 3600;
  d.slag_kg_per_h = f.slag_kg_per_s * 3600;
  d.thermal_loss_kW = f.heat_loss_W / 1000;
  d.electrical_loss_kW = f.electrical_loss_W / 1000;
  d.inner_iterations = f.iterations;
  d.charge_T_K = f.charge.T_K;
  writeEnergyTerms(out, {
    H_in_W: f.H_in_W,
    H_out_W: f.H_out_W,
    electric_W: f.electric_W,
    heat_loss_W: f.heat_loss_W + f.electrical_loss_W,
  });
  out.duties.power_kW = f.electric_W / 1000;
}

/** AC submerged-arc furnace (route 'ac-saf' defaults from data/pyro/fecr.json). */
export const submergedArcFurnace = furnaceKind(
  'ac-saf',
  'submerged-arc-furnace',
  'AC submerged-arc furnace for HC ferrochrome',
);
/** DC open-arc furnace (route 'dc' defaults from data/pyro/fecr.json). */
export const dcArcFurnace = furnaceKind(
  'dc',
  'dc-arc-furnace',
  'DC open-arc furnace for HC ferrochrome',
);
