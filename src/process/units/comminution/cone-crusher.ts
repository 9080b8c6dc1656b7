import { InputError } from '../../../errors.js';
import type { UnitKind } from '../../unit.js';
import { CRUSHER_REFERENCES, crusherParams, solveCrusher } from './crusher-model.js';

const params = crusherParams(
  30,
  0.8,
  2.0,
  'assumed: secondary cone setting chosen for −75 mm lumpy DMS feed, not in stored sources',
);

/** Secondary cone crusher (Whiten model + Bond power), see crusher-model.ts for the equations. */
export const coneCrusher: UnitKind<typeof params> = {
  kind: 'cone-crusher',
  title: 'Cone crusher',
  inlets: ['feed'],
  outlets: ['product'],
  params,
  reagents: [],
  stateSize: 0,
  references: CRUSHER_REFERENCES,
  validate(p, field) {
    if (p.k2_ratio <= p.k1_ratio)
      throw new InputError(
        `${field}.k2_ratio`,
        p.k2_ratio,
        `a value above k1_ratio (${p.k1_ratio})`,
      );
  },
  solve: solveCrusher,
};
