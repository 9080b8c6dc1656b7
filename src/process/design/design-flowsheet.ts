/**
 * The design step of a solved flowsheet: every unit sized from its balance by its kind's
 * declared design (BioSTEAM's `_design`), with units. The cost step (src/econ/capex) reads only
 * these records, so `process` knows nothing of money.
 */
import { InputError } from '../../errors.js';
import type { CompiledFlowsheet } from '../flowsheet/compile.js';
import type { FlowsheetSolution } from '../flowsheet/solve.js';
import { resolveParams } from '../params.js';
import type { ComponentModel } from '../components.js';
import { copyStream, createStream, type Stream } from '../stream.js';
import type { EnergyTerms, ResultSpec, SolvedUnit, UnitKind } from '../unit.js';

/** A design result with its unit. */
export interface DesignValue {
  value: number;
  unit: string;
}

/** The design of one unit. */
export interface UnitDesignRecord {
  unit_id: string;
  kind: string;
  /** Declared design results (sizes) with units. */
  results: Record<string, DesignValue>;
  /** Design basis used (defaults with overrides), by parameter [in the basis' units]. */
  basis: Record<string, number>;
}

/**
 * Design-basis overrides of a stage: `{ "<unit id or unit kind>.<parameter>": value }`. A key for
 * a unit or kind the flowsheet does not have is accepted and has no effect (a stage can switch
 * templates without other edits); an unknown parameter of a present unit is an error.
 */
export type DesignOverrides = Readonly<Record<string, number>>;

function overridesFor(
  overrides: DesignOverrides,
  unitId: string,
  kind: string,
): Record<string, number> {
  const out: Record<string, number> = {};
  for (const key in overrides) {
    const v = overrides[key] as number;
    const dot = key.lastIndexOf('.');
    const head = key.slice(0, dot);
    if (dot > 0 && (head === unitId || head === kind)) out[key.slice(dot + 1)] = v;
  }
  return out;
}

/** One solved unit as its design step needs it (its streams are the solution's, read only). */
export interface DesignInput {
  readonly unit_id: string;
  readonly kind: UnitKind;
  readonly params: Readonly<Record<string, number>>;
  readonly inlets: readonly Stream[];
  readonly outlets: readonly Stream[];
  readonly duties: { readonly power_kW: number; readonly water_added_kg_per_h: number };
  readonly energy: Readonly<EnergyTerms> | null;
}

/** The solved units of a flowsheet, kept to design the plant again at another throughput. */
export interface DesignSnapshot {
  readonly model: ComponentModel;
  readonly units: readonly DesignInput[];
}

/**
 * What the design step reads from a solution. The streams are the solution's own, not copies
 * (once per Monte Carlo sample that moves the stage, a copy was ≈ 2 % of the sample and its
 * garbage): a solution that `solveFlowsheet` returns is not written again unless a caller passes
 * it back as `into` (a Monte Carlo sample's `SolutionSlot`), and such a caller must not keep a
 * snapshot of it beyond the next solve.
 */
export function designSnapshot(fs: CompiledFlowsheet, sol: FlowsheetSolution): DesignSnapshot {
  const stream = (i: number): Stream => {
    const s = sol.streams[i];
    if (!s)
      throw new InputError(`streams[${i}]`, undefined, `a stream of the solution of ${fs.id}`);
    return s;
  };
  return {
    model: fs.model,
    units: fs.units.map((u, i) => {
      const out = sol.outputs[i];
      if (!out) throw new InputError(`units.${u.id}`, undefined, 'a solved unit');
      return {
        unit_id: u.id,
        kind: u.kind,
        params: u.params,
        inlets: u.inlets.map(stream),
        outlets: u.outlets.map(stream),
        duties: {
          power_kW: out.duties.power_kW,
          water_added_kg_per_h: out.duties.water_added_kg_per_h,
        },
        // the solve's own record (each solve writes a new one; nothing writes into it)
        energy: out.energy,
      };
    }),
  };
}

function scaled(model: ComponentModel, s: Stream, r: number): Stream {
  if (r === 1) return s;
  const c = createStream(model);
  copyStream(c, s);
  for (let i = 0; i < c.flow.length; i++) c.flow[i] = (c.flow[i] ?? 0) * r;
  for (let i = 0; i < c.sized.length; i++) c.sized[i] = (c.sized[i] ?? 0) * r;
  return c;
}

function scaledEnergy(e: Readonly<EnergyTerms> | null, r: number): EnergyTerms | null {
  if (!e) return null;
  return {
    H_in_kW: e.H_in_kW * r,
    H_out_kW: e.H_out_kW * r,
    electric_kW: e.electric_kW * r,
    heat_in_kW: e.heat_in_kW * r,
    heat_loss_kW: e.heat_loss_kW * r,
  };
}

/**
 * Sizes every unit of a design snapshot.
 * @param overrides - Design-basis overrides (see {@link DesignOverrides})
 * @param throughputRatio - Designs the plant at `ratio` × the solved throughput [–]: the balance
 *   is homogeneous in the feed rate (extensive flows, duties and energy terms scale, intensive
 *   states do not), so capex can be inverted for a budget without solving the plant again
 * @returns One record per unit, in flowsheet order
 * @throws InputError for a bad override, or a design result that is missing, undeclared or not
 *   a finite number ≥ 0 (naming the unit and the result)
 */
export function designUnits(
  snapshot: DesignSnapshot,
  overrides: DesignOverrides = {},
  throughputRatio = 1,
): UnitDesignRecord[] {
  if (!(throughputRatio > 0) || !Number.isFinite(throughputRatio))
    throw new InputError('throughputRatio', throughputRatio, 'a finite ratio > 0');
  const { model } = snapshot;
  // at the solved throughput the unit's own streams and terms, read only (no copies per sample)
  const same = throughputRatio === 1;
  return snapshot.units.map((u) => {
    const basis = resolveParams(
      u.kind.design.basis,
      overridesFor(overrides, u.unit_id, u.kind.kind),
      `design.${u.unit_id}`,
    );
    const view: SolvedUnit = {
      model,
      unitId: u.unit_id,
      params: u.params,
      basis,
      inlets: same ? u.inlets : u.inlets.map((s) => scaled(model, s, throughputRatio)),
      outlets: same ? u.outlets : u.outlets.map((s) => scaled(model, s, throughputRatio)),
      duties: same
        ? u.duties
        : {
            power_kW: u.duties.power_kW * throughputRatio,
            water_added_kg_per_h: u.duties.water_added_kg_per_h * throughputRatio,
          },
      energy: same ? u.energy : scaledEnergy(u.energy, throughputRatio),
    };
    const values = u.kind.design.size(view);
    const results: Record<string, DesignValue> = {};
    const declared = u.kind.design.results;
    for (const name in declared) {
      const spec = declared[name] as ResultSpec;
      const v = values[name];
      if (v === undefined || !Number.isFinite(v) || v < 0)
        throw new InputError(
          `units.${u.unit_id}.design.${name}`,
          v,
          `a finite size ≥ 0 [${spec.unit}] from the design step of ${u.kind.kind}`,
        );
      results[name] = { value: v, unit: spec.unit };
    }
    for (const name in values)
      if (!(name in declared))
        throw new InputError(
          `units.${u.unit_id}.design.${name}`,
          name,
          `a design result declared by ${u.kind.kind} (${Object.keys(u.kind.design.results).join(', ') || 'none'})`,
        );
    return { unit_id: u.unit_id, kind: u.kind.kind, results, basis };
  });
}

/** Sizes every unit of a solved flowsheet (see {@link designUnits}). */
export function designFlowsheet(
  fs: CompiledFlowsheet,
  sol: FlowsheetSolution,
  overrides: DesignOverrides = {},
): UnitDesignRecord[] {
  return designUnits(designSnapshot(fs, sol), overrides);
}
