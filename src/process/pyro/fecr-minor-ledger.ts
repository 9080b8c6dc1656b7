/**
 * The minor-element ledger (minor-elements.ts) of a solved ferrochrome template: its inputs are
 * the dry chromite and every make-up feed that carries S, P or Ti (reductant and coke breeze,
 * kiln coal, quartzite, lime, binder, electrode), each at its dry mass in the solution.
 *
 * The ledger is stage-wide: the S a sinter strand or kiln burns off is not split from the
 * furnace's (the furnace distribution is applied to every input), so the alloy S of the
 * pre-treatment routes is an upper bound.
 */
import { InputError } from '../../errors.js';
import type { Solved } from './run-fecr.js';
import {
  minorElementBalance,
  type MinorBalance,
  type MinorContents,
  type MinorInput,
} from './minor-elements.js';
import {
  MINOR_MATERIAL_CONTENTS,
  MINOR_PARTITION,
  type MinorMaterial,
} from './minor-element-data.js';

/** Material of each make-up feed of the templates; null: carries no minor element. */
const MAKEUP_MATERIAL: Readonly<Record<string, MinorMaterial | 'electrode' | null>> = {
  reductant: 'coke',
  coke: 'coke',
  'pellet-breeze': 'coke',
  'sinter-fuel': 'coke',
  'kiln-coal': 'coal',
  quartzite: 'quartzite',
  lime: 'lime',
  bentonite: 'bentonite',
  binder: 'bentonite',
  electrode: 'electrode',
  'pelletising-water': null,
  'sinter-air': null,
  'preheater-air': null,
  'kiln-air': null,
  'air-ingress': null,
};

/** Dry mass of a make-up feed of the solution [kg/h] (its liquid water removed). */
function dryMass_kg_per_h(r: Solved, id: string): number {
  const s = r.sol.streams[r.fs.streamIndex.get(id) ?? -1];
  if (!s) throw new InputError('template.makeup', id, `a stream of ${r.fs.id}`);
  const water = r.fs.model.names.indexOf('H2O(l)');
  let m = 0;
  for (let c = 0; c < s.flow.length; c++) if (c !== water) m += s.flow[c] ?? 0;
  return m;
}

/**
 * @param r - The solved template
 * @param chromite - Minor contents of the dry chromite [wt%]
 * @returns The ledger [kg/h]
 * @throws InputError for a make-up feed whose material the ledger does not know
 */
export function fecrMinorLedger(r: Solved, chromite: MinorContents): MinorBalance {
  const furnaceKind = r.fs.units[r.furnace]?.kind.kind;
  const inputs: MinorInput[] = [
    { id: 'chromite', dry_kg_per_h: r.ore_dry_kg_per_s * 3600, contents_wt_pct: chromite },
  ];
  for (const id of Object.keys(r.t.makeup)) {
    if (!(id in MAKEUP_MATERIAL))
      throw new InputError(
        'template.makeup',
        id,
        'a make-up feed with a known minor-element material',
      );
    const m = MAKEUP_MATERIAL[id];
    if (m === null || m === undefined) continue;
    // DC furnaces burn a prebaked graphite electrode, AC furnaces Söderberg paste
    const material: MinorMaterial =
      m === 'electrode'
        ? furnaceKind === 'dc-arc-furnace'
          ? 'graphite-electrode'
          : 'electrode-paste'
        : m;
    inputs.push({
      id,
      dry_kg_per_h: dryMass_kg_per_h(r, id),
      contents_wt_pct: MINOR_MATERIAL_CONTENTS[material],
    });
  }
  return minorElementBalance(inputs, MINOR_PARTITION);
}
