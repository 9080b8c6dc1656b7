import { magneticKind, magneticParams } from './magnetic-model.js';

/** Low-intensity magnetic separator (drum); equations in magnetic-model.ts. */
export const lims = magneticKind(
  'lims',
  'Low-intensity magnetic separator',
  magneticParams({
    ferro: 0.95,
    para: 0.02,
    weak: 0.01,
    dia: 0.005,
    energy: 0.5,
    src: 'assumed: LIMS (~0.1 T drums) recover magnetite almost completely and little else (Wills 2016, ch. 13)',
  }),
);
