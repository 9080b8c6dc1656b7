/**
 * REFERENCE IMPLEMENTATION (tests and benchmarks only): the reagent make-up of the chromium
 * stages as it was before issue 19 — whole-flowsheet passes with a bounded Wegstein step on each
 * reagent until every reagent changes by less than 1e-9 (about seven passes for
 * cr-aluminothermic), then a scale to the nameplate rate and passes again.
 */
import { ConvergenceError, InputError } from '../../../src/errors.js';
import { writeReagent, type ReagentMakeup } from '../../../src/process/chromium/run.js';
import type { ChromiumTemplate } from '../../../src/process/chromium/templates.js';
import type { CompiledFlowsheet } from '../../../src/process/flowsheet/compile.js';
import { solveFlowsheet, type FlowsheetSolution } from '../../../src/process/flowsheet/solve.js';
import { createStream, type Stream } from '../../../src/process/stream.js';

const NOMINAL_FEED_KG_PER_H = 1000;
// 60 passes sufficed before the chromate route had recycles (issue 16: residue and mother liquor back
// to the kiln, whose soda make-up is net of the recycled soda); the coupled loops converge slower.
const MAX_PASSES = 400;
const REAGENT_TOLERANCE = 1e-9;

function solveOnce(
  fs: CompiledFlowsheet,
  t: ChromiumTemplate,
  feed: Stream,
  reagentKg: Readonly<Record<string, number>>,
  previous?: FlowsheetSolution,
): FlowsheetSolution {
  const feeds: Record<string, Stream> = { [t.feed_stream]: feed };
  for (const [id, r] of Object.entries(t.reagents)) {
    const s = createStream(fs.model);
    writeReagent(fs, r, Math.max(0, reagentKg[id] ?? 0), s);
    feeds[id] = s;
  }
  return solveFlowsheet(fs, feeds, previous ? { warmStart: previous } : {});
}

function diag(fs: CompiledFlowsheet, sol: FlowsheetSolution, unit: string, name: string): number {
  const i = fs.unitIndex.get(unit);
  const v = i === undefined ? undefined : sol.outputs[i]?.diagnostics[name];
  if (v === undefined || !Number.isFinite(v))
    throw new InputError(`units.${unit}`, v, `a finite diagnostic ${name}`);
  return v;
}

function productKg(fs: CompiledFlowsheet, sol: FlowsheetSolution, id: string): number {
  let kg = 0;
  for (const v of sol.streams[fs.streamIndex.get(id) ?? -1]?.flow ?? []) kg += v;
  return kg;
}

/** The pre-issue-19 make-up (see the file comment). */
export const wegsteinMakeup: ReagentMakeup = ({ fs, t, feedAt, target_kg_per_h }) => {
  const reagentKg: Record<string, number> = Object.fromEntries(
    Object.keys(t.reagents).map((k) => [k, 0]),
  );
  let feedKg = NOMINAL_FEED_KG_PER_H;
  const setSupplies = (): void => {
    for (const [id, r] of Object.entries(t.reagents))
      if (r.supply_kg_per_kg_feed !== undefined) reagentKg[id] = r.supply_kg_per_kg_feed * feedKg;
  };
  setSupplies();
  let sol = solveOnce(fs, t, feedAt(feedKg), reagentKg);
  let passes = 1;
  let scaled = false;
  const prevX: Record<string, number | undefined> = {};
  const prevG: Record<string, number | undefined> = {};
  for (;;) {
    let worst = 0;
    for (const [id, r] of Object.entries(t.reagents)) {
      if (r.supply_kg_per_kg_feed !== undefined) continue;
      const g = diag(fs, sol, r.unit ?? '', r.demand ?? '');
      const x = reagentKg[id] ?? 0;
      worst = Math.max(worst, Math.abs(g - x) / Math.max(Math.abs(g), Math.abs(x), 1e-9 * feedKg));
      let next = g;
      const px = prevX[id];
      const pg = prevG[id];
      if (px !== undefined && pg !== undefined && x !== px) {
        const slope = (g - pg) / (x - px);
        const q = Math.min(0.9, Math.max(-5, slope / (slope - 1)));
        if (Number.isFinite(q)) next = q * x + (1 - q) * g;
      }
      prevX[id] = x;
      prevG[id] = g;
      reagentKg[id] = next;
    }
    if (worst <= REAGENT_TOLERANCE) {
      if (scaled) break;
      const product = productKg(fs, sol, t.product_stream);
      if (!(product > 0))
        throw new InputError('feed', feedKg, 'a feed that yields chromium metal (none produced)');
      const f = target_kg_per_h / product;
      feedKg *= f;
      for (const k of Object.keys(reagentKg)) {
        reagentKg[k] = (prevG[k] ?? 0) * f;
        prevX[k] = undefined;
        prevG[k] = undefined;
      }
      setSupplies();
      scaled = true;
    }
    if (++passes > MAX_PASSES)
      throw new ConvergenceError(`reagent make-up of ${fs.id}`, passes, worst);
    sol = solveOnce(fs, t, feedAt(feedKg), reagentKg, sol);
  }
  for (const k of Object.keys(reagentKg)) reagentKg[k] = Math.max(0, reagentKg[k] ?? 0);
  return { sol, feed_kg_per_h: feedKg, reagents_kg_per_h: reagentKg, passes };
};
