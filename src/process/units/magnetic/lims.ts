import type { UnitKind } from '../../unit.js';
import { MAGNETIC_REFERENCES, magneticParams, solveMagnetic } from './magnetic-model.js';
import { fillMagneticPartition } from './magnetic-model.js';

const params = magneticParams({
  ferro: 0.95,
  para: 0.02,
  weak: 0.01,
  dia: 0.005,
  energy: 0.5,
  src: 'assumed: LIMS (~0.1 T drums) recover magnetite almost completely and little else (Wills 2016, ch. 13)',
});

/** Low-intensity magnetic separator (drum); equations in magnetic-model.ts. */
export const lims: UnitKind<typeof params> = {
  kind: 'lims',
  title: 'Low-intensity magnetic separator',
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
