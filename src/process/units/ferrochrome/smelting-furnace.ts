import {
  solveSmeltingFurnace,
  type FurnaceParams,
  type FurnaceResult,
  type FurnaceRoute,
} from '../../pyro/smelting-furnace.js';
import type { SpeciesStream } from '../../pyro/species.js';
import type { ParamDef } from '../../params.js';
import type { UnitKind } from '../../unit.js';
import { toSpecies, writeDemand, writeEnergyTerms, writeSpecies } from './bridge.js';
import { furnaceDesign } from './furnace-design.js';
import { FURNACE_DATA, schemaOf, type FurnaceKey } from './params.js';

const KEYS = Object.keys(FURNACE_DATA.dc) as FurnaceKey[];

/**
 * Memo of the last furnace solves by exact charge and parameters: the make-up passes and the
 * Outokumpu gas recycle solve the furnace again on a bit-identical charge; the result is a pure
 * function of (charge, parameters), so it is reused (never mutated by the unit kind).
 */
const memo = new Map<string, FurnaceResult>();
function solveMemo(charge: SpeciesStream, p: FurnaceParams): FurnaceResult {
  const key = `${charge.T_K}|${Array.from(charge.mol_per_s).join(',')}|${JSON.stringify(p)}`;
  let r = memo.get(key);
  if (!r) {
    r = solveSmeltingFurnace(charge, p);
    if (memo.size >= 16) memo.clear();
    memo.set(key, r);
  }
  return r;
}
/** Ports of the furnace additions, in the order of `FurnaceResult.inlets` after the charge. */
export const FURNACE_ADDITIONS = ['reductant', 'quartzite', 'lime', 'electrode', 'air'] as const;

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
    reactive: true,
    references: [
      'src/process/pyro/smelting-furnace.ts (balances, inner Brent solves, heat balance); docs/model.md §Ferrochrome',
      'shared/domain/facts.md §3.2 (AC SAF 3.8, DC 4.2 MWh/t: heat-loss calibration)',
    ],
    solve(inlets, p, ctx, out) {
      const charge = inlets[0];
      const [alloy, slag, gas, dust] = out.outlets;
      if (!charge || !alloy || !slag || !gas || !dust) return;
      const params: FurnaceParams = { ...p, route };
      const f = solveMemo(toSpecies(ctx.model, charge, 'charge'), params);
      writeSpecies(ctx.model, f.alloy, alloy);
      writeSpecies(ctx.model, f.slag, slag);
      writeSpecies(ctx.model, f.gas, gas);
      writeSpecies(ctx.model, f.dust, dust);
      const d = out.diagnostics;
      FURNACE_ADDITIONS.forEach((port, k) => {
        const s = f.inlets[k + 1];
        if (s) writeDemand(ctx.model, out, port, s);
      });
      d.reductant_kg_per_h = f.reductant_kg_per_s * 3600;
      d.quartzite_kg_per_h = f.quartzite_kg_per_s * 3600;
      d.lime_kg_per_h = f.lime_kg_per_s * 3600;
      d.electrode_kg_per_h = f.electrode_kg_per_s * 3600;
      d.alloy_kg_per_h = f.alloy_kg_per_s * 3600;
      d.slag_kg_per_h = f.slag_kg_per_s * 3600;
      d.thermal_loss_kW = f.heat_loss_W / 1000;
      d.electrical_loss_kW = f.electrical_loss_W / 1000;
      d.inner_iterations = f.iterations;
      d.charge_T_K = charge.T_K;
      writeEnergyTerms(out, {
        H_in_W: f.H_in_W,
        H_out_W: f.H_out_W,
        electric_W: f.electric_W,
        heat_loss_W: f.heat_loss_W + f.electrical_loss_W,
      });
      out.duties.power_kW = f.electric_W / 1000;
    },
  };
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
