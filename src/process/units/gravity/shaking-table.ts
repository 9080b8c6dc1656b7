import { gravityKind, gravityParams } from './gravity-model.js';

/** Shaking table (density × size partition, sharper than spirals); equations in gravity-model.ts. */
export const shakingTable = gravityKind(
  'shaking-table',
  'Shaking table',
  gravityParams({
    rho50: 3600,
    ep: 200,
    d50: 30,
    m: 1.5,
    light: 0.03,
    water: 0.25,
    wash: 1.0,
    energy: 1.0,
    kind: 'shaking tables',
  }),
  { name: 'tables', description: 'shaking-table decks of the design capacity' },
);
