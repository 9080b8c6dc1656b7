import { param } from '../../params.js';
import { dmsKind, dmsParams } from './dms-model.js';

/** Dense-medium cyclone for chips (Tromp partition on density); equations in dms-model.ts. */
export const dmsCyclone = dmsKind(
  'dms-cyclone',
  'Dense-medium cyclone (chips)',
  dmsParams(
    param(
      80,
      'kg/m3',
      1,
      2000,
      'écart probable of the Tromp curve',
      'assumed: DMS cyclones on −25+1 mm chips Ep ≈ 0.05–0.1 g/cm3 (Wills 2016, ch. 11)',
    ),
    2.5,
  ),
);
