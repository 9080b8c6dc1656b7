import { magneticKind, magneticParams } from './magnetic-model.js';

/** Wet high-intensity magnetic separator; equations in magnetic-model.ts. */
export const whims = magneticKind(
  'whims',
  'Wet high-intensity magnetic separator',
  magneticParams({
    ferro: 0.99,
    para: 0.9,
    weak: 0.15,
    dia: 0.03,
    energy: 2.0,
    src: 'assumed: WHIMS (~1 T) recover paramagnetic chromite and reject weakly magnetic silicates (Wills 2016, ch. 13; Tripathy et al. 2019)',
  }),
);
