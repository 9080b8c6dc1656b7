/**
 * The buffers of one stage's flowsheet solution, reused by every solve given the slot: a Monte
 * Carlo run's samples then allocate no solution (one off-heap block and ~100 small objects per
 * solve otherwise). Owned by the caller (`PlantSolver`, one slot per stage) and only for runs of
 * which nothing outlives the next run with the same slot: each solve overwrites the previous
 * one's streams, and with them its design snapshot, balance report and report checks, which
 * read the solution (docs/architecture.md, "State"). For flowsheets whose units write the same
 * diagnostics in every solve (the ferrochrome templates' units do): the solve resets outlets,
 * duties, demands and energy terms, not the diagnostics record, so a diagnostic written only in
 * some solves would keep an earlier solve's value.
 */
import type { ComponentModel } from '../components.js';
import { createStreams, zeroStream, type Stream } from '../stream.js';
import type { CompiledFlowsheet } from './compile.js';
import { createSolution, type FlowsheetSolution } from './solve.js';

/**
 * What a runner builds streams for around a solve: the feeds it gives the solve (which copies
 * them), the make-up a solve asks for (compared with the make-up it was given).
 */
export type SlotStreamUse = 'feeds' | 'makeup';

export class SolutionSlot {
  private flowsheet: CompiledFlowsheet | undefined;
  private solution: FlowsheetSolution | undefined;
  private readonly streamSets = new Map<SlotStreamUse, { model: ComponentModel; set: Stream[] }>();
  private scratch: Float64Array | undefined;

  /**
   * A work array of at least `n` doubles for a runner's temporaries around a solve (e.g. a feed's
   * species before it is written into the feed stream): the same array on every call that fits,
   * its content whatever the last user left.
   */
  work(n: number): Float64Array {
    if (!this.scratch || this.scratch.length < n) this.scratch = new Float64Array(n);
    return this.scratch;
  }

  /**
   * `n` streams of `model` for one use, zeroed (no flows, ambient T and P, as new streams): the
   * same objects on every call with the same use, model and count, so a runner that builds them
   * per solve allocates none. What they held before is gone: streams from an earlier call with
   * the same use must no longer be needed.
   */
  streams(use: SlotStreamUse, model: ComponentModel, n: number): Stream[] {
    const kept = this.streamSets.get(use);
    if (!kept || kept.model !== model || kept.set.length !== n) {
      const set = createStreams(model, n);
      this.streamSets.set(use, { model, set });
      return set;
    }
    for (const s of kept.set) zeroStream(s);
    return kept.set;
  }

  /**
   * The slot's solution for `fs`: the previous one when it is of the same compiled flowsheet or
   * of one that differs only in unit parameters (`reparameterize`, e.g. a sampled furnace
   * setting: the solve prepares a unit again when its parameters are other objects), else a new
   * one that replaces it. `solveFlowsheet` with `into` (and no warm start) starts it from zero
   * flows and states, as a new one; what else it holds each solve writes before reading.
   */
  take(fs: CompiledFlowsheet): FlowsheetSolution {
    const prev = this.flowsheet;
    if (!this.solution || !prev || (prev !== fs && !sameLayout(prev, fs))) {
      this.solution = createSolution(fs);
    }
    this.flowsheet = fs;
    return this.solution;
  }

  /** Whether `sol` is this slot's solution (then the next solve with the slot overwrites it). */
  holds(sol: unknown): boolean {
    return sol !== undefined && sol === this.solution;
  }
}

/**
 * Whether two compiled flowsheets have one solution layout: the same component model, streams
 * and solve blocks, and unit by unit the same kind and ports (what `createSolution` reads
 * besides the parameters).
 */
function sameLayout(a: CompiledFlowsheet, b: CompiledFlowsheet): boolean {
  if (a.model !== b.model || a.streams !== b.streams || a.blocks !== b.blocks) return false;
  if (a.units.length !== b.units.length) return false;
  for (let i = 0; i < a.units.length; i++) {
    const u = a.units[i];
    const v = b.units[i];
    if (!u || !v || u.kind !== v.kind || u.inlets !== v.inlets || u.outlets !== v.outlets)
      return false;
  }
  return true;
}
