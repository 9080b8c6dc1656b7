import { sinkKind } from './sink-kind.js';

/** Product sink: material sold (concentrate); counted in the stage's concentrate KPIs. */
export const product = sinkKind('product', 'Product (concentrate) sink');
