import { sinkKind } from './sink-kind.js';

/** Recovered process water (thickener overflow, filtrate) returned to the water tank; it offsets make-up water. */
export const processWater = sinkKind('process-water', 'Recovered process water sink');
