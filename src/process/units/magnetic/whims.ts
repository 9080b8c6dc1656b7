import type { UnitKind } from '../../unit.js';
import { MAGNETIC_REFERENCES, magneticParams, solveMagnetic } from './magnetic-model.js';
import { fillMagneticPartition } from './magnetic-model.js';

const params = magneticParams({
  ferro: 0.99,
  para: 0.9,
  weak: 0.15,
  dia: 0.03,
  energy: 2.0,
  src: 'assumed: WHIMS (~1 T) recover paramagnetic chromite and reject weakly magnetic silicates (Wills 2016, ch. 13; Tripathy et al. 2019)',
});

/** Wet high-intensity magnetic separator; equations in magnetic-model.ts. */
export const whims: UnitKind<typeof params> = {
  kind: 'whims',
  title: 'Wet high-intensity magnetic separator',
  inlets: ['feed'],
  outlets: ['magnetics', 'non-magnetics'],
  params,
  reagents: [],
  stateSize: 0,
  prepare: (p, model) =>
    fillMagneticPartition(p, model, new Float64Array(model.nMin * model.nSize)),
  references: MAGNETIC_REFERENCES,
  solve: solveMagnetic,
};
