/**
 * The economics of stages a sampling loop's samples cannot move, kept between samples: an
 * explicit object the loop owns (no state in the core). A moisture sample of the stage 1 + 2
 * scenario re-solves the smelter; the chromium stage's economics (opex lines, staffing, cash-flow
 * input, and its cash-flow columns) are then the same in every sample, and were about a third
 * of a moisture sample's economics.
 *
 * `stageEconomics(scenario, stage, i, result, frame, basis)` is a pure function of its arguments.
 * A kept entry is returned only when every one of them equals the one it was computed from:
 * - the scenario's fields it reads (its stage's section, markets, finance, site, impact) are
 *   fixed for the whole run: the caller lists only stages no sampled input under `stages.<id>.`
 *   or `impact.` can move, in a run whose commercial basis is kept (no market, finance or site
 *   input sampled: `commercialBasisReads`);
 * - the stage result is the same object (the run's kept stage result);
 * - the basis is the same object (the run's kept basis);
 * - the frame's entries for the stage (extra feed, take-or-pay, internal use of its products,
 *   transfer price of its input) are equal number by number — they follow the other stages'
 *   feed use, which a sample may move.
 */
import type { StageResult } from '../../appraisal.js';
import type { CommercialBasis } from '../commercial/types.js';
import { internalUse, type ProjectFrame, type StageEconomics } from './stage-economics.js';
import { StaffingMemo } from '../opex/staffing-memo.js';
import { mapNumbers } from '../../numeric/number-array.js';

/** What a stage's economics read of the project frame. */
interface FrameSlice {
  extraFeed: number;
  takeOrPay: readonly number[] | undefined;
  internal: number[];
  /** Transfer prices of the stage's `stage:` inputs, in the order of its inputs. */
  transfers: (ArrayLike<number> | undefined)[];
}

interface Kept {
  result: StageResult;
  basis: CommercialBasis;
  frame: FrameSlice;
  economics: StageEconomics;
}

function sameNumbers(a: ArrayLike<number> | undefined, b: ArrayLike<number> | undefined): boolean {
  if (a === b) return true;
  if (a === undefined || b === undefined || a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!Object.is(a[i], b[i])) return false;
  return true;
}

/**
 * Whether the frame's entries for the stage equal the kept slice's, read in place (no slice is
 * built for a sample whose kept economics are reused).
 */
function sameSlice(
  a: FrameSlice,
  stageId: string,
  inputs: Readonly<Record<string, string>>,
  result: StageResult,
  frame: ProjectFrame,
): boolean {
  if (!Object.is(a.extraFeed, frame.extra_feed_t_per_year.get(stageId) ?? 0)) return false;
  if (!sameNumbers(a.takeOrPay, frame.take_or_pay_usd_by_row.get(stageId))) return false;
  if (a.internal.length !== result.products.length) return false;
  for (let i = 0; i < a.internal.length; i++) {
    const id = result.products[i]?.id ?? '';
    const t = internalUse(frame, stageId, id);
    if (!Object.is(a.internal[i], t)) return false;
  }
  let k = 0;
  for (const port in inputs) {
    const ref = inputs[port] ?? '';
    if (!ref.startsWith('stage:')) continue;
    const transfer = frame.transfer_price_usd_per_t_by_row.get(ref.slice('stage:'.length));
    if (k >= a.transfers.length || !sameNumbers(a.transfers[k], transfer)) return false;
    k++;
  }
  return k === a.transfers.length;
}

/** The stage's entries of the frame (`inputs`: its flowsheet's input references by port). */
function frameSlice(
  stageId: string,
  inputs: Readonly<Record<string, string>>,
  result: StageResult,
  frame: ProjectFrame,
): FrameSlice {
  const transfers: (ArrayLike<number> | undefined)[] = [];
  for (const ref of Object.values(inputs))
    if (ref.startsWith('stage:'))
      transfers.push(frame.transfer_price_usd_per_t_by_row.get(ref.slice('stage:'.length)));
  return {
    extraFeed: frame.extra_feed_t_per_year.get(stageId) ?? 0,
    takeOrPay: frame.take_or_pay_usd_by_row.get(stageId),
    internal: mapNumbers(result.products, (p) => internalUse(frame, stageId, p.id)),
    transfers,
  };
}

/** Stage economics kept between the samples of one run (owned by the run, one per thread). */
export class KeptStageEconomics {
  private readonly kept = new Map<string, Kept>();
  /** The staffing of every stage, kept while its design's furnaces do not change. */
  readonly staffing = new StaffingMemo();

  /**
   * @param stages - Ids of the stages whose scenario fields no sample moves (see the module
   *   comment); the others are never kept.
   */
  constructor(private readonly stages: ReadonlySet<string>) {}

  /** Whether the stage's economics may be kept. */
  keeps(stageId: string): boolean {
    return this.stages.has(stageId);
  }

  /**
   * The stage's economics: the kept ones when every input equals theirs, else `compute()`'s
   * (kept for the next sample when the stage may be kept).
   *
   * @param stageId - The stage.
   * @param inputs - Its flowsheet's input references by port.
   * @param result - Its stage result.
   * @param frame - The sample's project frame.
   * @param basis - The sample's commercial basis.
   * @param compute - `stageEconomics` of the sample.
   */
  economics(
    stageId: string,
    inputs: Readonly<Record<string, string>>,
    result: StageResult,
    frame: ProjectFrame,
    basis: CommercialBasis,
    compute: () => StageEconomics,
  ): StageEconomics {
    if (!this.stages.has(stageId)) return compute();
    const k = this.kept.get(stageId);
    if (
      k &&
      k.result === result &&
      k.basis === basis &&
      sameSlice(k.frame, stageId, inputs, result, frame)
    )
      return k.economics;
    const economics = compute();
    const slice = frameSlice(stageId, inputs, result, frame);
    this.kept.set(stageId, { result, basis, frame: slice, economics });
    return economics;
  }
}
