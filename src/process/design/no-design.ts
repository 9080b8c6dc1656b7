import type { UnitDesign } from '../unit.js';

/**
 * The design step of a unit that has no size of its own to cost (sumps, splitters, sinks):
 * its pumps, chutes and piping are in the installation factors of the units it serves.
 */
export const NO_DESIGN: UnitDesign = {
  basis: {},
  results: {},
  size: () => ({}),
};
