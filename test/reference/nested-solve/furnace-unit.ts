/**
 * REFERENCE IMPLEMENTATION (tests and benchmarks only): the furnace unit kinds as they were before
 * issue 19 — the nested-search furnace (./smelting-furnace.ts) behind a module-level memo of the
 * last 16 solves keyed by the exact charge and parameters (the make-up passes solved the furnace
 * again on a bit-identical charge). Same ports, parameters and diagnostics as the shipped kinds.
 */
import type { UnitKind } from '../../../src/process/unit.js';
import type { FurnaceParams, FurnaceResult } from '../../../src/process/pyro/smelting-furnace.js';
import type { SpeciesStream } from '../../../src/process/pyro/species.js';
import { toSpecies } from '../../../src/process/units/ferrochrome/bridge.js';
import {
  dcArcFurnace,
  submergedArcFurnace,
  writeFurnaceOutput,
} from '../../../src/process/units/ferrochrome/smelting-furnace.js';
import { solveSmeltingFurnaceNested } from './smelting-furnace.js';

const memo = new Map<string, FurnaceResult>();

/** The nested solve, its inlets (by position) given roles, memoised as before issue 19. */
function solveMemo(charge: SpeciesStream, p: FurnaceParams): FurnaceResult {
  const key = `${charge.T_K}|${Array.from(charge.mol_per_s).join(',')}|${JSON.stringify(p)}`;
  let r = memo.get(key);
  if (!r) {
    const f = solveSmeltingFurnaceNested(charge, p);
    const [c, reductant, quartzite, lime, electrode, air] = f.inlets;
    if (!c || !reductant || !quartzite || !lime || !electrode || !air)
      throw new Error('nested furnace: six inlets expected');
    r = { ...f, charge: c, additions: { reductant, quartzite, lime, electrode, air } };
    if (memo.size >= 16) memo.clear();
    memo.set(key, r);
  }
  return r;
}

function nested(kind: UnitKind, route: FurnaceParams['route']): UnitKind {
  return {
    ...kind,
    solve(inlets, p, ctx, out) {
      const charge = inlets[0];
      if (!charge) return;
      const params = { ...p, route } as unknown as FurnaceParams;
      writeFurnaceOutput(ctx.model, solveMemo(toSpecies(ctx.model, charge, 'charge'), params), out);
    },
  };
}

/** The pre-issue-19 furnace kinds by kind name. */
export const NESTED_FURNACE_KINDS: Readonly<Record<string, UnitKind>> = {
  'submerged-arc-furnace': nested(submergedArcFurnace, 'ac-saf'),
  'dc-arc-furnace': nested(dcArcFurnace, 'dc'),
};
