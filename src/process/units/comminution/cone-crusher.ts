import { crusherKind, crusherParams } from './crusher-model.js';

/** Secondary cone crusher (Whiten model + Bond power); equations in crusher-model.ts. */
export const coneCrusher = crusherKind(
  'cone-crusher',
  'Cone crusher',
  crusherParams(
    30,
    0.8,
    2.0,
    'assumed: secondary cone setting chosen for −75 mm lumpy DMS feed, not in stored sources',
  ),
);
