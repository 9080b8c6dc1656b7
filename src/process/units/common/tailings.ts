import { sinkKind } from './sink-kind.js';

/** Tailings sink: rejects to the tailings storage facility or waste dump. */
export const tailings = sinkKind('tailings', 'Tailings / rejects sink');
