import { gravityKind, gravityParams } from './gravity-model.js';

/** Spiral concentrator bank (density × size partition); equations in gravity-model.ts. */
export const spiral = gravityKind(
  'spiral',
  'Spiral concentrator',
  gravityParams({
    rho50: 3500,
    ep: 350,
    d50: 45,
    m: 1.5,
    light: 0.05,
    water: 0.3,
    wash: 0.3,
    energy: 0.3,
    kind: 'spirals',
  }),
  { name: 'starts', description: 'spiral starts of the design capacity' },
);
