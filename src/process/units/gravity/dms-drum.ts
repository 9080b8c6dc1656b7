import { param } from '../../params.js';
import { dmsKind, dmsParams } from './dms-model.js';

/** Dense-medium drum for lumpy ore (Tromp partition on density); equations in dms-model.ts. */
export const dmsDrum = dmsKind(
  'dms-drum',
  'Dense-medium separation drum (lumpy)',
  dmsParams(
    param(
      50,
      'kg/m3',
      1,
      2000,
      'écart probable of the Tromp curve',
      'assumed: DMS drums on coarse lumps Ep ≈ 0.03–0.07 g/cm3 (Wills 2016, ch. 11)',
    ),
    1.5,
  ),
);
