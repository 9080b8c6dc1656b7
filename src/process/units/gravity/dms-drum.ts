import { InputError } from '../../../errors.js';
import { param } from '../../params.js';
import type { UnitKind } from '../../unit.js';
import { DMS_REFERENCES, dmsParams, solveDms } from './dms-model.js';
import { fillDmsPartition } from './dms-model.js';

const params = dmsParams(
  param(
    50,
    'kg/m3',
    1,
    2000,
    'écart probable of the Tromp curve',
    'assumed: DMS drums on coarse lumps Ep ≈ 0.03–0.07 g/cm3 (Wills 2016, ch. 11)',
  ),
  1.5,
);

/** Dense-medium drum for lumpy ore (Tromp partition on density); equations in dms-model.ts. */
export const dmsDrum: UnitKind<typeof params> = {
  kind: 'dms-drum',
  title: 'Dense-medium separation drum (lumpy)',
  inlets: ['feed'],
  outlets: ['sinks', 'floats'],
  params,
  reagents: ['ferrosilicon_kg_per_h'],
  stateSize: 0,
  prepare: (p, model) => fillDmsPartition(p, model, new Float64Array(model.nMin * model.nSize)),
  references: DMS_REFERENCES,
  validate(p, field) {
    if (p.floats_to_sinks + p.sinks_to_floats > 1)
      throw new InputError(
        `${field}.floats_to_sinks`,
        p.floats_to_sinks,
        `at most 1 − sinks_to_floats (${1 - p.sinks_to_floats})`,
      );
  },
  solve: solveDms,
};
