import { InputError } from '../../errors.js';
import type { CompiledRun } from '../runner/compile.js';
import type { RunResult } from '../runner/merge.js';

/**
 * Ranks 1 … n with ties given their average rank.
 *
 * @param x - Values [any unit]
 * @returns Ranks [-]
 */
export function averageRanks(x: ArrayLike<number>): Float64Array {
  const n = x.length;
  const order = Array.from({ length: n }, (_, i) => i).sort(
    (a, b) => (x[a] ?? 0) - (x[b] ?? 0) || a - b,
  );
  const ranks = new Float64Array(n);
  for (let s = 0; s < n;) {
    let e = s + 1;
    while (e < n && x[order[e] ?? 0] === x[order[s] ?? 0]) e++;
    const r = (s + e + 1) / 2; // average of ranks s+1 … e
    for (let k = s; k < e; k++) ranks[order[k] ?? 0] = r;
    s = e;
  }
  return ranks;
}

function pearson(a: Float64Array, b: Float64Array): number {
  const n = a.length;
  let ma = 0;
  let mb = 0;
  for (let i = 0; i < n; i++) {
    ma += a[i] ?? 0;
    mb += b[i] ?? 0;
  }
  ma /= n;
  mb /= n;
  let sab = 0;
  let saa = 0;
  let sbb = 0;
  for (let i = 0; i < n; i++) {
    const da = (a[i] ?? 0) - ma;
    const db = (b[i] ?? 0) - mb;
    sab += da * db;
    saa += da * da;
    sbb += db * db;
  }
  return sab / Math.sqrt(saa * sbb);
}

/**
 * Spearman rank correlation: Pearson correlation of the average ranks. Pairs with a
 * non-finite value (failed samples) are left out; the number used is returned.
 *
 * @param x - First variable
 * @param y - Second variable, same length
 * @returns rho [-] (NaN when a variable is constant) and n, the pairs used [-]
 */
export function spearman(x: ArrayLike<number>, y: ArrayLike<number>): { rho: number; n: number } {
  if (x.length !== y.length) throw new InputError('y', y.length, `${x.length} values, as x`);
  const xs: number[] = [];
  const ys: number[] = [];
  for (let i = 0; i < x.length; i++) {
    const a = x[i] ?? NaN;
    const b = y[i] ?? NaN;
    if (Number.isFinite(a) && Number.isFinite(b)) {
      xs.push(a);
      ys.push(b);
    }
  }
  if (xs.length < 3) return { rho: NaN, n: xs.length };
  return { rho: pearson(averageRanks(xs), averageRanks(ys)), n: xs.length };
}

/** Rank correlation of one sampled input with one output. */
export interface RankCorrelation {
  readonly input: string;
  readonly rho: number;
  readonly n: number;
}

/**
 * Spearman correlations of every sampled input with one output of a run, largest |ρ| first.
 *
 * @param inputNames - Names of the sampled inputs
 * @param inputs - Row-major N × inputNames.length sampled values
 * @param output - The output values, length N
 */
export function rankCorrelations(
  inputNames: readonly string[],
  inputs: Float64Array,
  output: ArrayLike<number>,
): RankCorrelation[] {
  const m = inputNames.length;
  const n = output.length;
  if (inputs.length !== n * m)
    throw new InputError('inputs', inputs.length, `${n} × ${m} values (samples × inputs)`);
  const column = new Float64Array(n);
  const result = inputNames.map((input, k) => {
    for (let i = 0; i < n; i++) column[i] = inputs[i * m + k] ?? NaN;
    return { input, ...spearman(column, output) };
  });
  const key = (r: number) => (Number.isNaN(r) ? -1 : Math.abs(r));
  return result.sort((a, b) => key(b.rho) - key(a.rho));
}

/**
 * Spearman correlations of every sampled input with output `outputIndex` of a run. Uses the
 * kept inputs when the run was made with `keepInputs`; otherwise regenerates them from the
 * compiled run (sample i's inputs are a pure function of the spec and i), so a large run need
 * not hold N × inputs numbers in memory while it is evaluated.
 *
 * @param run - The compiled run that produced `result`
 * @param result - Its merged results
 * @param outputIndex - Output to correlate with [integer]; default 0
 */
export function rankCorrelationsForRun(
  run: CompiledRun,
  result: RunResult,
  outputIndex = 0,
): RankCorrelation[] {
  const output = result.outputs[outputIndex];
  if (!output)
    throw new InputError(
      'outputIndex',
      outputIndex,
      `an output index 0 … ${result.outputs.length - 1}`,
    );
  let inputs = result.inputs;
  if (!inputs) {
    const m = run.inputIndices.length;
    inputs = new Float64Array(run.samples * m);
    const params = Float64Array.from(run.base);
    const u = new Float64Array(run.dimension);
    for (let i = 0; i < run.samples; i++) {
      run.setSample(i, params, u);
      for (let k = 0; k < m; k++) inputs[i * m + k] = params[run.inputIndices[k] ?? 0] ?? NaN;
    }
  }
  return rankCorrelations(run.inputNames, inputs, output);
}
