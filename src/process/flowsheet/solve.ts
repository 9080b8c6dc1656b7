import { ConvergenceError, InputError } from '../../errors.js';
import { Float64Block } from '../../numeric/float64-block.js';
import {
  copyStream,
  createStream,
  createStreams,
  streamLength,
  syncMineralTotals,
  zeroStream,
  type Stream,
} from '../stream.js';
import type { UnitContext, UnitOutput } from '../unit.js';
import { computeElementFlows, solutionClosure, type Closure } from './closure.js';
import { defineOnDemand } from '../on-demand.js';
import type { CompiledFlowsheet } from './compile.js';
import { andersonStep, createAndersonWork, resetAnderson, type AndersonWork } from './anderson.js';

/** Settings of the sequential-modular solver. */
export interface SolverSettings {
  /** Convergence when every tear entry changes by less than this, relative to max(|x|, 1e-9 × stream total) [-]. */
  tolerance: number;
  /** Maximum passes through a recycle loop. */
  max_iterations: number;
  /** Bounds on the Wegstein factor q (x⁺ = q·x + (1 − q)·g(x)); q = 0 is direct substitution. */
  wegstein_q_min: number;
  wegstein_q_max: number;
  /** Accelerator of the tear iteration: bounded Wegstein (default) or Anderson (memory `anderson_memory`). */
  accelerator: 'wegstein' | 'anderson';
  anderson_memory: number;
}

export const DEFAULT_SOLVER_SETTINGS: Readonly<SolverSettings> = {
  tolerance: 1e-10,
  max_iterations: 300,
  wegstein_q_min: -5,
  wegstein_q_max: 0,
  accelerator: 'wegstein',
  anderson_memory: 5,
};

/** Diagnostics of one recycle loop. */
export interface TearDiagnostics {
  readonly loop_units: readonly string[];
  readonly tear_streams: readonly string[];
  iterations: number;
  worst_rel_change: number;
  worst_stream: string;
}

/** Result buffers of a solve; reused across solves (Monte Carlo) to avoid allocation. */
export interface FlowsheetSolution {
  readonly streams: readonly Stream[];
  readonly outputs: readonly UnitOutput[];
  readonly states: readonly Float64Array[];
  /** One entry per recycle loop, in solve order. */
  readonly tears: readonly TearDiagnostics[];
  /** Element flows of every stream, row-major nStreams × nEl [kg/h]. */
  readonly elementFlows: Float64Array;
  /**
   * Closure of every element, water and total mass, per unit and plant-wide: computed when read
   * (on-demand.ts) from the solution as it then is; a Monte Carlo sample never reads it.
   */
  readonly closure: Closure;
  /** Unit solves performed in the last solve. */
  unitSolves: number;
  /** @internal solver work arrays */
  readonly work: SolveWork;
}

interface LoopWork {
  readonly x: Float64Array;
  readonly g: Float64Array;
  readonly xPrev: Float64Array;
  readonly gPrev: Float64Array;
  anderson: AndersonWork | null;
}

/** Unit context as held by the solver: `prepared` follows the unit's current parameter object. */
interface SolverContext extends UnitContext {
  prepared: Float64Array;
  preparedFor: Readonly<Record<string, number>>;
}

interface SolveWork {
  readonly ctx: readonly SolverContext[];
  readonly inlets: readonly (readonly Stream[])[];
  readonly loops: readonly (LoopWork | null)[];
  /** Two balance vectors of length nEl + 2 (closure work). */
  readonly balIn: Float64Array;
  readonly balOut: Float64Array;
}

/**
 * Elements of the solution's numeric arrays, in the order {@link createSolution} takes them
 * from its one block: streams, unit scratch, unit states, reagent duties, loop work, element
 * flows, unit closures, balance vectors (the demand streams are taken with the reagent duties).
 */
function solutionLength(fs: CompiledFlowsheet): number {
  const { model } = fs;
  const per = streamLength(model);
  let n = fs.streams.length * per + unitScratchLength(fs);
  for (const u of fs.units)
    n += u.kind.stateSize + u.kind.reagents.length + (u.kind.demandPorts?.length ?? 0) * per;
  for (const b of fs.blocks) n += 4 * b.tears.length * per;
  return n + fs.streams.length * model.nEl + fs.units.length + 2 * (model.nEl + 2);
}

/** The unit scratch: the mineral units' work, or the largest any unit kind declares. */
function unitScratchLength(fs: CompiledFlowsheet): number {
  const { model } = fs;
  let n = 4 * model.nMin * model.nSize + 4 * model.nSize + model.nEl;
  for (const u of fs.units) n = Math.max(n, u.kind.scratchSize ?? 0);
  return n;
}

function demandStreams(
  ports: readonly string[],
  model: CompiledFlowsheet['model'],
  block: Float64Block,
): Map<string, Stream> {
  const streams = createStreams(model, ports.length, block);
  return new Map(ports.map((p, k) => [p, streams[k] ?? createStream(model)]));
}

/**
 * Allocates the solution buffers of a compiled flowsheet (all flows zero): its numeric arrays
 * are views of one block (float64-block.ts), one allocation per solution.
 */
export function createSolution(fs: CompiledFlowsheet): FlowsheetSolution {
  const { model } = fs;
  const block = new Float64Block(solutionLength(fs));
  const streams = createStreams(model, fs.streams.length, block);
  const scratch = block.take(unitScratchLength(fs));
  const states = fs.units.map((u) => block.take(u.kind.stateSize));
  const outputs: UnitOutput[] = fs.units.map((u) => ({
    outlets: u.outlets.map((s) => streams[s] ?? createStream(model)),
    duties: {
      power_kW: 0,
      water_added_kg_per_h: 0,
      reagents_kg_per_h: block.take(u.kind.reagents.length),
    },
    diagnostics: {},
    energy: null,
    demands: new Map<string, Stream>(),
    demandStreams: demandStreams(u.kind.demandPorts ?? [], model, block),
  }));
  const ctx: SolverContext[] = fs.units.map((u, i) => ({
    model,
    unitId: u.id,
    state: states[i] ?? new Float64Array(0),
    scratch,
    // an empty view, not `new Float64Array(0)`: a new typed array costs as much as a long view
    prepared: u.kind.prepare ? u.kind.prepare(u.params, model) : block.take(0),
    preparedFor: u.params,
  }));
  const inlets = fs.units.map((u) => u.inlets.map((s) => streams[s] ?? createStream(model)));
  const per = streamLength(model);
  const loops = fs.blocks.map((b) => {
    if (b.tears.length === 0) return null;
    const len = b.tears.length * per;
    return {
      x: block.take(len),
      g: block.take(len),
      xPrev: block.take(len),
      gPrev: block.take(len),
      anderson: null,
    };
  });
  const tears: TearDiagnostics[] = fs.blocks
    .filter((b) => b.tears.length > 0)
    .map((b) => ({
      loop_units: b.units.map((u) => fs.units[u]?.id ?? ''),
      tear_streams: b.tears.map((s) => fs.streams[s]?.id ?? ''),
      iterations: 0,
      worst_rel_change: NaN,
      worst_stream: '',
    }));
  const elementFlows = block.take(fs.streams.length * model.nEl);
  // written when read (the balance report, tests), not per solve: a sample never reads it
  const closure: Closure = { unit_max_rel: block.take(fs.units.length), plant_rel: 0, max_rel: 0 };
  const work = {
    ctx,
    inlets,
    loops,
    balIn: block.take(model.nEl + 2),
    balOut: block.take(model.nEl + 2),
  };
  block.done();
  const sol = { streams, outputs, states, tears, elementFlows, unitSolves: 0, work };
  return defineOnDemand(sol, 'closure', () => solutionClosure(fs, sol, closure));
}

/**
 * A feed that the unit it enters sizes itself (BioSTEAM's unit specification): after the unit
 * solves, `update` writes the feed streams it owns from the unit's output (typically a reagent
 * demand computed from the unit's main inlet) and returns their largest relative change; while
 * that exceeds {@link SPECIFICATION_TOLERANCE} the unit is solved again with the new feeds. So
 * a chain of units that demand reagents is made up in one pass of the flowsheet.
 */
export interface FeedSpecification {
  /** Index of the unit (`CompiledFlowsheet.units`). */
  readonly unit: number;
  /**
   * Rewrites the unit's specified feeds in `streams` (the solution's streams, by stream index)
   * from its output.
   * @returns Largest relative change of a feed [–]
   */
  update(out: UnitOutput, streams: readonly Stream[]): number;
}

/** Relative change of the specified feeds below which a unit is not solved again [–]. */
export const SPECIFICATION_TOLERANCE = 1e-12;
const MAX_SPECIFICATION_SOLVES = 20;

export interface SolveOptions {
  settings?: Partial<SolverSettings>;
  /** Feeds sized by the units they enter (make-up of reagents; at most one per unit), applied at every solve of the unit. */
  specifications?: readonly FeedSpecification[];
  /** Start the recycle loops (tear streams and unit states) from this previous solution. */
  warmStart?: FlowsheetSolution;
  /**
   * Reuse these buffers (may be the same object as warmStart: no copy, no allocation). Their
   * previous results are overwritten, and with them any design snapshot taken of them
   * (`designSnapshot` reads the solution's streams, it does not copy them). Without a warm
   * start the solve zeroes its streams and states first, as in a new solution (a Monte Carlo
   * sample's `SolutionSlot`).
   */
  into?: FlowsheetSolution;
}

/**
 * Solves a flowsheet sequentially (sequential-modular): acyclic units once in topological
 * order, recycle loops by iterating on their tear streams with bounded Wegstein acceleration.
 * Computes the element flows of every stream; the per-unit and plant-wide closure of every
 * element, water and total mass is computed when the solution's `closure` is read.
 * @param fs - Compiled flowsheet
 * @param feeds - Feed streams by feed id [kg/h]
 * @returns Solution (streams, duties, diagnostics, tear diagnostics, closure)
 * @throws InputError for missing or unknown feeds; ConvergenceError naming the loop's units and
 *   tear streams when a loop does not converge within `max_iterations`
 * @see J. H. Wegstein, "Accelerating convergence of iterative processes", Comm. ACM 1 (1958) 9;
 *   A. W. Westerberg et al., Process Flowsheeting, Cambridge (1979), ch. 3 (tearing, sequencing).
 */
export function solveFlowsheet(
  fs: CompiledFlowsheet,
  feeds: Readonly<Record<string, Stream>>,
  options: SolveOptions = {},
): FlowsheetSolution {
  // the defaults as they are (no copy per solve: a Monte Carlo sample solves the smelter once)
  const settings: Readonly<SolverSettings> = options.settings
    ? { ...DEFAULT_SOLVER_SETTINGS, ...options.settings }
    : DEFAULT_SOLVER_SETTINGS;
  validateSettings(settings);
  const sol = options.into ?? createSolution(fs);
  const warm = options.warmStart;
  if (warm && warm !== sol) {
    const w0 = warm.streams[0];
    const s0 = sol.streams[0];
    if (
      warm.streams.length !== sol.streams.length ||
      (w0 && s0 && (w0.flow.length !== s0.flow.length || w0.sized.length !== s0.sized.length))
    )
      throw new InputError(
        'warmStart',
        `${warm.streams.length} streams`,
        `a solution of flowsheet "${fs.id}" (${sol.streams.length} streams, same components and sieve)`,
      );
    warm.streams.forEach((s, i) => {
      const d = sol.streams[i];
      if (d) copyStream(d, s);
    });
    warm.states.forEach((s, i) => sol.states[i]?.set(s));
  } else if (!warm) {
    for (const s of sol.streams) zeroStream(s);
    for (const s of sol.states) s.fill(0);
  }
  for (const key of Object.keys(feeds)) {
    const i = fs.streamIndex.get(key);
    if (i === undefined || !fs.feeds.includes(i))
      throw new InputError(
        `feeds.${key}`,
        key,
        `a feed of flowsheet "${fs.id}" (${fs.feeds.map((f) => fs.streams[f]?.id ?? '').join(', ')})`,
      );
  }
  for (const f of fs.feeds) {
    const id = fs.streams[f]?.id ?? '';
    const src = feeds[id];
    if (!src)
      throw new InputError(
        `feeds.${id}`,
        undefined,
        `a stream for feed "${id}" of flowsheet "${fs.id}"`,
      );
    if (src.flow.length !== fs.model.nComp || src.sized.length !== fs.model.nMin * fs.model.nSize)
      throw new InputError(
        `feeds.${id}`,
        `${src.flow.length} components`,
        `a stream built for this flowsheet's components (${fs.model.nComp}) and sieve (${fs.model.nSize} classes)`,
      );
    const dst = sol.streams[f];
    if (dst) {
      copyStream(dst, src);
      syncMineralTotals(fs.model, dst);
    }
  }
  sol.unitSolves = 0;
  const specs = options.specifications ?? [];
  const solve = (u: number): void => {
    solveSpecified(fs, sol, u, specs);
  };
  let loopNo = 0;
  fs.blocks.forEach((block, b) => {
    if (block.tears.length === 0) {
      solve(block.units[0] ?? 0);
      return;
    }
    const diag = sol.tears[loopNo++];
    const lw = sol.work.loops[b];
    if (!diag || !lw) return;
    solveLoop(fs, sol, block.units, block.tears, lw, diag, settings, solve);
  });
  computeElementFlows(fs, sol);
  return sol;
}

function validateSettings(s: SolverSettings): void {
  if (!(s.tolerance > 0 && s.tolerance < 1))
    throw new InputError(
      'settings.tolerance',
      s.tolerance,
      'a relative tolerance between 0 and 1 (exclusive)',
    );
  if (!(Number.isInteger(s.max_iterations) && s.max_iterations >= 1))
    throw new InputError('settings.max_iterations', s.max_iterations, 'a positive integer');
  if (!(
    s.wegstein_q_min <= s.wegstein_q_max &&
    s.wegstein_q_max < 1 &&
    Number.isFinite(s.wegstein_q_min)
  ))
    throw new InputError(
      'settings.wegstein_q_min',
      s.wegstein_q_min,
      'finite bounds with q_min ≤ q_max < 1',
    );
  const accelerator: string = s.accelerator; // settings may come from untyped JSON
  if (accelerator !== 'wegstein' && accelerator !== 'anderson')
    throw new InputError('settings.accelerator', s.accelerator, '"wegstein" or "anderson"');
  if (!(Number.isInteger(s.anderson_memory) && s.anderson_memory >= 1 && s.anderson_memory <= 20))
    throw new InputError(
      'settings.anderson_memory',
      s.anderson_memory,
      'an integer between 1 and 20',
    );
}

function solveUnit(fs: CompiledFlowsheet, sol: FlowsheetSolution, u: number): void {
  const unit = fs.units[u];
  const out = sol.outputs[u];
  const ctx = sol.work.ctx[u];
  const inlets = sol.work.inlets[u];
  if (!unit || !out || !ctx || !inlets) return;
  if (ctx.preparedFor !== unit.params) {
    // parameters changed (reparameterize): refresh the parameter-only precomputation
    if (unit.kind.prepare) ctx.prepared = unit.kind.prepare(unit.params, fs.model);
    ctx.preparedFor = unit.params;
  }
  for (const o of out.outlets) zeroStream(o);
  out.duties.power_kW = 0;
  out.duties.water_added_kg_per_h = 0;
  out.duties.reagents_kg_per_h.fill(0);
  out.energy = null;
  out.demands.clear();
  unit.kind.solve(inlets, unit.params, ctx, out);
  for (const o of out.outlets) syncMineralTotals(fs.model, o);
  sol.unitSolves++;
}

/**
 * Solves unit u, then again while its feed specification (at most one per unit) changes the
 * feeds it sizes.
 */
function solveSpecified(
  fs: CompiledFlowsheet,
  sol: FlowsheetSolution,
  u: number,
  specs: readonly FeedSpecification[],
): void {
  solveUnit(fs, sol, u);
  const spec = specs.find((s) => s.unit === u);
  const out = sol.outputs[u];
  if (!spec || !out) return;
  let change = spec.update(out, sol.streams);
  for (let k = 1; change > SPECIFICATION_TOLERANCE; k++) {
    if (k > MAX_SPECIFICATION_SOLVES)
      throw new ConvergenceError(`feeds sized by unit "${fs.units[u]?.id ?? ''}"`, k, change);
    for (const f of fs.units[u]?.inlets ?? []) {
      const s = sol.streams[f];
      if (s && fs.feeds.includes(f)) syncMineralTotals(fs.model, s);
    }
    solveUnit(fs, sol, u);
    change = spec.update(out, sol.streams);
  }
}

function readTears(
  sol: FlowsheetSolution,
  tears: readonly number[],
  into: Float64Array,
  per: number,
  nComp: number,
): void {
  for (let k = 0; k < tears.length; k++) {
    const s = sol.streams[tears[k] ?? -1];
    if (!s) continue;
    into.set(s.flow, k * per);
    into.set(s.sized, k * per + nComp);
  }
}

function writeTears(
  fs: CompiledFlowsheet,
  sol: FlowsheetSolution,
  tears: readonly number[],
  from: Float64Array,
  per: number,
  nComp: number,
): void {
  for (let k = 0; k < tears.length; k++) {
    const s = sol.streams[tears[k] ?? -1];
    if (!s) continue;
    for (let c = 0; c < nComp; c++) s.flow[c] = from[k * per + c] ?? 0;
    const o = k * per + nComp;
    for (let i = 0; i < s.sized.length; i++) s.sized[i] = from[o + i] ?? 0;
    syncMineralTotals(fs.model, s);
  }
}

function solveLoop(
  fs: CompiledFlowsheet,
  sol: FlowsheetSolution,
  units: readonly number[],
  tears: readonly number[],
  lw: LoopWork,
  diag: TearDiagnostics,
  st: SolverSettings,
  solve: (u: number) => void,
): void {
  const { nComp } = fs.model;
  const per = nComp + fs.model.nMin * fs.model.nSize;
  const { x, g, xPrev, gPrev } = lw;
  readTears(sol, tears, x, per, nComp);
  let worst = Infinity;
  let worstTear = 0;
  for (let it = 1; it <= st.max_iterations; it++) {
    writeTears(fs, sol, tears, x, per, nComp);
    for (const u of units) solve(u);
    readTears(sol, tears, g, per, nComp);
    worst = 0;
    for (let k = 0; k < tears.length; k++) {
      let total = 0;
      for (let i = k * per; i < k * per + nComp; i++) total += Math.abs(g[i] ?? 0);
      const floor = 1e-9 * total + 1e-300;
      for (let i = k * per; i < (k + 1) * per; i++) {
        const gi = g[i] ?? 0;
        const r = Math.abs(gi - (x[i] ?? 0)) / Math.max(Math.abs(gi), floor);
        if (r > worst) {
          worst = r;
          worstTear = k;
        }
      }
    }
    diag.iterations = it;
    diag.worst_rel_change = worst;
    diag.worst_stream = fs.streams[tears[worstTear] ?? 0]?.id ?? '';
    if (worst < st.tolerance) return;
    if (st.accelerator === 'anderson') {
      if (it === 1) {
        if (lw.anderson?.m !== st.anderson_memory)
          lw.anderson = createAndersonWork(x.length, st.anderson_memory);
        resetAnderson(lw.anderson);
      }
      if (lw.anderson) andersonStep(lw.anderson, x, g);
      continue;
    }
    if (it === 1) {
      xPrev.set(x);
      gPrev.set(g);
      x.set(g);
      continue;
    }
    for (let i = 0; i < x.length; i++) {
      const xi = x[i] ?? 0;
      const gi = g[i] ?? 0;
      const dx = xi - (xPrev[i] ?? 0);
      let q = 0;
      if (dx !== 0) {
        const s = (gi - (gPrev[i] ?? 0)) / dx;
        q = s === 1 ? st.wegstein_q_min : s / (s - 1);
        if (!(q >= st.wegstein_q_min)) q = st.wegstein_q_min;
        if (q > st.wegstein_q_max) q = st.wegstein_q_max;
      }
      let xn = q * xi + (1 - q) * gi;
      if (xn < 0) xn = gi;
      xPrev[i] = xi;
      gPrev[i] = gi;
      x[i] = xn;
    }
  }
  throw new ConvergenceError(
    `recycle loop through units ${diag.loop_units.map((u) => `"${u}"`).join(', ')} (tear streams ${diag.tear_streams.map((s) => `"${s}"`).join(', ')})`,
    st.max_iterations,
    worst,
    `recycle loop through units ${diag.loop_units.map((u) => `"${u}"`).join(', ')} did not converge after ${st.max_iterations} iterations: worst relative change ${worst.toExponential(3)} in tear stream "${diag.worst_stream}" (tolerance ${st.tolerance})`,
  );
}
