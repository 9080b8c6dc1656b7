// No hidden state in the core (issue 19 item 3, docs/architecture.md "State"): a module-level
// binding of a core file is a constant — built from code and bundled data at load (or once, on
// first use, the same for every caller) and never written after. Caches, memos keyed by a
// call's input, pools and scratch buffers are objects the caller creates and owns (PlantSolver,
// FlowsheetCache, HeadlineWork, ScratchArrays passed in). This scan lists every module-level
// `let`/`var` and every module-level Map/Set/WeakMap/ScratchArrays of the core, and each must be
// accounted for below: a constant, or a remaining piece of state with the reason it is still
// there. A new one fails the test; so does an entry that no longer exists.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EDGE_DIRS } from '../../eslint.config.js';
import { ROOT } from '../helpers/run-cli.js';

const SRC = join(ROOT, 'src');

function coreFiles(dir = SRC): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      if (dir === SRC && EDGE_DIRS.includes(name)) continue;
      out.push(...coreFiles(path));
    } else if (/\.tsx?$/.test(name)) out.push(path);
  }
  return out;
}

const STATE_RE =
  /^(?:export\s+)?(?:let|var)\s+(\w+)|^(?:export\s+)?const\s+(\w+)\s*(?::[^=]+)?=\s*new\s+(?:Map|Set|WeakMap|WeakSet|ScratchArrays)\b/gm;

/** Module-level state of every core file, as `file:name`. */
function moduleState(): string[] {
  const out: string[] = [];
  for (const file of coreFiles()) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(STATE_RE))
      out.push(`${relative(SRC, file).replaceAll('\\', '/')}:${m[1] ?? m[2] ?? ''}`);
  }
  return out.sort();
}

/** Constants: filled at load (or once) from code and bundled data, never written after. */
const CONSTANTS: Record<string, string> = {
  'process/pyro/run-fecr.ts:MAIN_KINDS': 'a Set of three literal unit-kind names',
  'plant/run-stage.ts:SMELTER_KEYS': 'a Set of the eight literal oxide keys of a smelter charge',
  'plant/run-stage.ts:SMELTER_KEYS_MINOR':
    'the same with the three literal minor-element keys (S, P2O5, TiO2)',
  'scenario/limits.ts:MARKERS': 'a Set of three literal marker characters (never changed)',
  'scenario/semantics.ts:DESIGN_PARAMS':
    'design-basis parameter names by unit kind, from data/process/design-basis.json at load',
  'process/units/chromium/common.ts:TEMPLATE_ENTHALPY_MAPS':
    "enthalpy maps of the chromium templates' component lists (data/process/chromium), at load",
  'scenario/json-schema.ts:cached':
    "the scenario's JSON Schema, built on first use from the zod schema (code), same for every caller",
  'thermo/species-db.ts:byFormula': 'index of data/thermo/species.json, filled at load',
  'thermo/species-db.ts:byComposition': 'index of data/thermo/species.json, filled at load',
  'scenario/data-files.ts:DATA_VALUES_BY_REF':
    'index of the bundled data files by full reference (`file#key`), filled at load',
  'econ/project/stage-economics.ts:REDUCTANTS':
    'a Set of the six literal consumable ids escalated as reductants',
  'econ/project/stage-financing.ts:DEFAULT_TERMS':
    'the financing defaults by term, from data/finance/financing-defaults.json at load',
};

/**
 * State that remains, with the reason: memos of compiled thermochemistry keyed by species or
 * equation text (pure, bounded, immutable results; the thermo API would need a work object
 * threaded through every heat balance to drop them), and the IRR's non-re-entrant slot (a
 * closure per call was measurable). Listed so that they stay visible until they are removed.
 */
const REMAINING: Record<string, string> = {
  'thermo/compiled.ts:cache': 'compiled species records by formula and phase selection',
  'thermo/compiled.ts:SETS': 'cachedSpeciesSet: compiled sets by species list (bounded, 1024)',
  'thermo/reaction.ts:reactionCache': 'compiled reactions by equation text (bounded, 512)',
  'thermo/species.ts:setCache': 'convenience species(): compiled sets by formula and phase',
  'econ/metrics/rate-of-return.ts:periodicValues':
    'flows of the IRR scan, a slot read by module-level functions (synchronous, not re-entrant)',
};

describe('module-level state of the core', () => {
  it('is a listed constant or a listed remaining piece of state, nothing else', () => {
    const found = moduleState();
    const listed = [...Object.keys(CONSTANTS), ...Object.keys(REMAINING)].sort();
    expect(found).toEqual(listed);
  });

  it('the scan finds a module-level memo (the pattern the rule forbids)', () => {
    const text = 'const memo = new Map<string, number>();\nexport let last = 0;\n';
    expect([...text.matchAll(STATE_RE)].map((m) => m[1] ?? m[2])).toEqual(['memo', 'last']);
  });
});
