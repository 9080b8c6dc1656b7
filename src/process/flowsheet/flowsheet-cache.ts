/**
 * Where a stage runner gets its compiled flowsheets. Compiling a template (component model,
 * graph, tear streams, solve order) costs far more than solving it; a new parameter value only
 * re-parameterises the compiled template. A run that solves the same templates many times (a
 * Monte Carlo worker, an optimiser) owns a {@link FlowsheetCache} and passes it down; a one-off
 * run compiles afresh ({@link COMPILE_EACH_TIME}). The core keeps no cache of its own.
 */
import { compileFlowsheet, reparameterize, type CompiledFlowsheet } from './compile.js';
import type { FlowsheetOverrides, FlowsheetTemplate } from './template.js';

export interface FlowsheetSource {
  /**
   * The compiled flowsheet of a template with unit-parameter overrides (same result as
   * `compileFlowsheet(template, overrides)`).
   * @throws InputError as `compileFlowsheet` for a bad template or override
   */
  flowsheet(template: FlowsheetTemplate, overrides: FlowsheetOverrides): CompiledFlowsheet;
}

/** Compiles on every call: keeps nothing. */
export const COMPILE_EACH_TIME: FlowsheetSource = {
  flowsheet: (template, overrides) => compileFlowsheet(template, overrides),
};

/** Key of an overrides object: its entries in order (values as their exact decimal text). */
function overridesKey(overrides: FlowsheetOverrides): string {
  let key = '';
  for (const k in overrides) {
    const v = overrides[k];
    key += `${k}=${typeof v === 'number' ? String(v) : JSON.stringify(v)}\n`;
  }
  return key;
}

/**
 * Compiled flowsheets by template (object identity) and overrides, owned by the caller. Each
 * template is compiled once; each distinct set of overrides re-parameterises it once. Bounded:
 * the overrides of a template are forgotten when more than `capacity` are held.
 */
export class FlowsheetCache implements FlowsheetSource {
  private readonly byTemplate = new Map<
    FlowsheetTemplate,
    { base: CompiledFlowsheet; byOverrides: Map<string, CompiledFlowsheet> }
  >();

  /** @param capacity - Override sets kept per template [–] */
  constructor(private readonly capacity = 64) {}

  flowsheet(template: FlowsheetTemplate, overrides: FlowsheetOverrides): CompiledFlowsheet {
    let entry = this.byTemplate.get(template);
    if (!entry) {
      entry = { base: this.compile(template), byOverrides: new Map() };
      this.byTemplate.set(template, entry);
    }
    const key = overridesKey(overrides);
    let fs = entry.byOverrides.get(key);
    if (!fs) {
      fs = reparameterize(entry.base, overrides);
      if (entry.byOverrides.size >= this.capacity) entry.byOverrides.clear();
      entry.byOverrides.set(key, fs);
    }
    return fs;
  }

  /** Compiles a template without overrides (a subclass may substitute unit kinds). */
  protected compile(template: FlowsheetTemplate): CompiledFlowsheet {
    return compileFlowsheet(template);
  }
}
