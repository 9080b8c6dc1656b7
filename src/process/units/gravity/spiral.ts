import { gravityParams, GRAVITY_REFERENCES, solveGravity } from './gravity-model.js';
import { fillGravityPartition } from './gravity-model.js';
import type { UnitKind } from '../../unit.js';

const params = gravityParams({
  rho50: 3500,
  ep: 350,
  d50: 45,
  m: 1.5,
  light: 0.05,
  water: 0.3,
  wash: 0.3,
  energy: 0.3,
  kind: 'spirals',
});

/** Spiral concentrator bank (density × size partition); equations in gravity-model.ts. */
export const spiral: UnitKind<typeof params> = {
  kind: 'spiral',
  title: 'Spiral concentrator',
  inlets: ['feed'],
  outlets: ['concentrate', 'tailings'],
  params,
  reagents: [],
  stateSize: 0,
  prepare: (p, model) => fillGravityPartition(p, model, new Float64Array(model.nMin * model.nSize)),
  references: GRAVITY_REFERENCES,
  solve: solveGravity,
};
