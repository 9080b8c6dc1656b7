import { isParam, type Param } from '../provenance/param.js';
import { listItemKey } from './list-item-key.js';
import type { Scenario } from './schema.js';

/** One numeric input of a scenario with its provenance. */
export interface NumericLeaf {
  /**
   * Stable path of the input, with entities in lists named by their id rather than their
   * position: `stages.smelter.capacity_t_per_year`, `feeds.kempirsai.composition_wt_pct.Cr2O3`.
   * Uncertainty declarations and Monte Carlo overrides use these paths.
   */
  path: string;
  /** Path in the document (positions in lists), for locating the field in the file. */
  documentPath: (string | number)[];
  param: Param;
}

/**
 * Every numeric input of a parsed scenario (written or defaulted), in document order.
 * Uncertainty declarations themselves are not inputs and are skipped.
 */
export function numericLeaves(scenario: Scenario): NumericLeaf[] {
  const out: NumericLeaf[] = [];
  const walk = (node: unknown, path: string[], doc: (string | number)[]): void => {
    if (isParam(node)) {
      out.push({ path: path.join('.'), documentPath: doc, param: node });
      return;
    }
    if (Array.isArray(node)) {
      node.forEach((item: unknown, i) => {
        walk(item, [...path, listItemKey(item, i)], [...doc, i]);
      });
      return;
    }
    if (typeof node === 'object' && node !== null) {
      for (const [key, value] of Object.entries(node)) {
        if (path.length === 0 && key === 'uncertainty') continue;
        walk(value, [...path, key], [...doc, key]);
      }
    }
  };
  walk(scenario, [], []);
  return out;
}

/** The stable paths of every numeric input (see {@link NumericLeaf.path}). */
export function numericPaths(scenario: Scenario): string[] {
  return numericLeaves(scenario).map((l) => l.path);
}
