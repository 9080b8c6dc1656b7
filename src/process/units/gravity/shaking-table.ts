import { gravityParams, GRAVITY_REFERENCES, solveGravity } from './gravity-model.js';
import { fillGravityPartition } from './gravity-model.js';
import type { UnitKind } from '../../unit.js';

const params = gravityParams({
  rho50: 3600,
  ep: 200,
  d50: 30,
  m: 1.5,
  light: 0.03,
  water: 0.25,
  wash: 1.0,
  energy: 1.0,
  kind: 'shaking tables',
});

/** Shaking table (density × size partition, sharper than spirals); equations in gravity-model.ts. */
export const shakingTable: UnitKind<typeof params> = {
  kind: 'shaking-table',
  title: 'Shaking table',
  inlets: ['feed'],
  outlets: ['concentrate', 'tailings'],
  params,
  reagents: [],
  stateSize: 0,
  prepare: (p, model) => fillGravityPartition(p, model, new Float64Array(model.nMin * model.nSize)),
  references: GRAVITY_REFERENCES,
  solve: solveGravity,
};
