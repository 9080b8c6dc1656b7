import { InputError } from '../../../errors.js';
import type { UnitKind } from '../../unit.js';
import { CRUSHER_REFERENCES, crusherParams, solveCrusher } from './crusher-model.js';

const params = crusherParams(
  100,
  1.0,
  2.3,
  'assumed: primary jaw setting for −300 mm ROM (chosen to give ~100 mm product, lumpy DMS feed), not in stored sources',
);

/** Primary jaw crusher (Whiten model + Bond power), see crusher-model.ts for the equations. */
export const jawCrusher: UnitKind<typeof params> = {
  kind: 'jaw-crusher',
  title: 'Jaw crusher',
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
