import { InputError } from '../../errors.js';
import { discrete } from './discrete.js';
import type { Distribution, DistributionSpec } from './distribution.js';
import { empiricalFromObservations } from './empirical.js';
import { lognormal, lognormalFromMoments } from './lognormal.js';
import { normal, type Truncation } from './normal.js';
import { pert } from './pert.js';
import { triangular } from './triangular.js';
import { uniform } from './uniform.js';

function truncationOf(spec: { lower?: number; upper?: number }): Truncation {
  return {
    ...(spec.lower === undefined ? {} : { lower: spec.lower }),
    ...(spec.upper === undefined ? {} : { upper: spec.upper }),
  };
}

/**
 * Builds a distribution from its plain-data description, validating every field.
 *
 * @param spec - The description (see {@link DistributionSpec}).
 * @param field - Path of the parameter in the caller's input (e.g. `uncertainty.parameters.cr_price`),
 *   used in error messages.
 * @throws InputError naming the field, the value found and what was expected.
 */
export function distributionFromSpec(spec: DistributionSpec, field = 'distribution'): Distribution {
  switch (spec.kind) {
    case 'uniform':
      return uniform(spec.min, spec.max, field);
    case 'triangular':
      return triangular(spec.min, spec.mode, spec.max, field);
    case 'pert':
      return pert(spec.min, spec.mode, spec.max, spec.lambda ?? 4, field);
    case 'normal':
      return normal(spec.mean, spec.sd, truncationOf(spec), field);
    case 'lognormal': {
      const byMoments = spec.mean !== undefined || spec.sd !== undefined;
      const byLog = spec.muLog !== undefined || spec.sigmaLog !== undefined;
      if (byMoments === byLog)
        throw new InputError(field, spec, 'either mean and sd, or muLog and sigmaLog (not both)');
      const params = byMoments
        ? lognormalFromMoments(spec.mean ?? NaN, spec.sd ?? NaN, field)
        : { muLog: spec.muLog ?? NaN, sigmaLog: spec.sigmaLog ?? NaN };
      return lognormal(params, truncationOf(spec), field);
    }
    case 'discrete':
      return discrete(spec.values, spec.probabilities, field);
    case 'empirical':
      return empiricalFromObservations(spec.observations, spec.method ?? 'interpolate', field);
    default: {
      const kind = (spec as { kind: unknown }).kind;
      throw new InputError(
        `${field}.kind`,
        kind,
        'one of uniform, triangular, pert, normal, lognormal, discrete, empirical',
      );
    }
  }
}
