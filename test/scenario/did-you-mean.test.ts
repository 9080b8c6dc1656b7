import { describe, expect, it } from 'vitest';
import { didYouMean, editDistance } from '../../src/scenario/did-you-mean.js';

describe('did you mean', () => {
  it('edit distance is the Levenshtein distance', () => {
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('same', 'same')).toBe(0);
  });
  it('suggests close candidates and nothing for far ones', () => {
    expect(didYouMean('capacity_t_per_yr', ['capacity_t_per_year', 'construction_years'])).toBe(
      'capacity_t_per_year',
    );
    expect(didYouMean('fecr-dcc', ['fecr-dc', 'fecr-saf'])).toBe('fecr-dc');
    expect(didYouMean('zzzzzz', ['fecr-dc', 'fecr-saf'])).toBeUndefined();
  });
});
