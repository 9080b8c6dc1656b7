/**
 * REFERENCE IMPLEMENTATION (tests and benchmarks only): the plant solved as before issue 19 —
 * the nested-search furnace behind its memo (./furnace-unit.ts), the Wegstein reagent make-up of
 * the chromium stages (./chromium-makeup.ts) and every stage solved again in every sample (no
 * stage kept). The ferrochrome make-up passes and the engine are the shipped ones: before issue
 * 19 the smelter flowsheet was solved once more without additions at the nameplate rate (its
 * furnace solve then hit the memo), so this reference is, if anything, slightly faster than the
 * old code was.
 */
import { PlantSolver } from '../../../src/plant/plant-solver.js';
import type { CompiledFlowsheet } from '../../../src/process/flowsheet/compile.js';
import { FlowsheetCache } from '../../../src/process/flowsheet/flowsheet-cache.js';
import { compileFlowsheet } from '../../../src/process/flowsheet/compile.js';
import type { FlowsheetTemplate } from '../../../src/process/flowsheet/template.js';
import type { StageRun } from '../../../src/process/stage-run.js';
import type { Scenario } from '../../../src/scenario/schema.js';
import { wegsteinMakeup } from './chromium-makeup.js';
import { NESTED_FURNACE_KINDS } from './furnace-unit.js';

/** A flowsheet cache whose furnaces are the nested-search kinds. */
class NestedFlowsheetCache extends FlowsheetCache {
  protected override compile(template: FlowsheetTemplate): CompiledFlowsheet {
    const fs = compileFlowsheet(template);
    return {
      ...fs,
      units: fs.units.map((u) => {
        const kind = NESTED_FURNACE_KINDS[u.kind.kind];
        return kind ? { ...u, kind } : u;
      }),
    };
  }
}

export class NestedPlantSolver extends PlantSolver {
  constructor() {
    super({ flowsheets: new NestedFlowsheetCache(), chromiumMakeup: wegsteinMakeup });
  }

  /** Solves every stage (keeps none, as before issue 19). */
  override runPlant(
    scenario: Scenario,
    _keep?: ReadonlyMap<string, StageRun>,
  ): Map<string, StageRun> {
    return super.runPlant(scenario);
  }

  /** A sample solves every stage afresh too (no kept runs, no warm start, no reused solution). */
  override runSample(
    scenario: Scenario,
    _keep?: ReadonlyMap<string, StageRun>,
  ): Map<string, StageRun> {
    return super.runPlant(scenario);
  }
}
