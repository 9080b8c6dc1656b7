import { crusherKind, crusherParams } from './crusher-model.js';

/** Primary jaw crusher (Whiten model + Bond power); equations in crusher-model.ts. */
export const jawCrusher = crusherKind(
  'jaw-crusher',
  'Jaw crusher',
  crusherParams(
    100,
    1.0,
    2.3,
    'assumed: primary jaw setting for −300 mm ROM (chosen to give ~100 mm product, lumpy DMS feed), not in stored sources',
  ),
);
