import { listItemKey } from './list-item-key.js';
import type { Scenario } from './schema.js';

/** One whole-number input written as a bare integer (a year or a count of years). */
export interface IntegerLeaf {
  /** Stable path, entities in lists named by id (as `NumericLeaf.path`). */
  path: string;
  /** Path in the document (positions in lists). */
  documentPath: (string | number)[];
  value: number;
}

/**
 * Keys of the scenario's integer inputs that are plain numbers rather than quantities with
 * provenance: calendar years and counts of years (`start_year`, `construction_years`,
 * `tenor_years`, `grace_years`, `development_years`, …). `--set` accepts them with an integer
 * check; the schema validates their range again.
 */
function isIntegerKey(key: string): boolean {
  return key === 'start_year' || key === 'base_year' || key.endsWith('_years');
}

/**
 * Every bare-integer input of a parsed scenario at a year key, in document order (uncertainty
 * declarations are skipped; quantities with provenance are {@link NumericLeaf}s instead).
 *
 * @param scenario - A validated scenario.
 * @returns The integer inputs with their stable and document paths.
 */
export function integerLeaves(scenario: Scenario): IntegerLeaf[] {
  const out: IntegerLeaf[] = [];
  const walk = (node: unknown, path: string[], doc: (string | number)[]): void => {
    if (Array.isArray(node)) {
      node.forEach((item: unknown, i) => {
        walk(item, [...path, listItemKey(item, i)], [...doc, i]);
      });
      return;
    }
    if (typeof node !== 'object' || node === null) return;
    for (const [key, value] of Object.entries(node)) {
      if (path.length === 0 && key === 'uncertainty') continue;
      if (typeof value === 'number' && Number.isInteger(value) && isIntegerKey(key))
        out.push({ path: [...path, key].join('.'), documentPath: [...doc, key], value });
      else walk(value, [...path, key], [...doc, key]);
    }
  };
  walk(scenario, [], []);
  return out;
}
