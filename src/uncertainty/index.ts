// Uncertainty and sensitivity analysis on any pure function (params: Float64Array) → outputs.
// This file only re-exports. See docs/uncertainty.md.
export { philox4x32 } from './random/philox.js';
export { seedKey, MAX_SEED, type SeedKey } from './random/seed.js';
export { STREAM } from './random/streams.js';
export { uniformAt, uint32At, fillUniforms } from './random/counter-random.js';
export { RandomStream } from './random/random-stream.js';

export { SobolSequence, owenScramble, type SobolScramble } from './sampling/sobol.js';
export { directionNumbers, JOE_KUO_MAX_DIMENSION } from './sampling/joe-kuo.js';
export { permute } from './sampling/permutation.js';
export {
  createDesign,
  type DesignOptions,
  type SamplingMethod,
  type UnitDesign,
} from './sampling/design.js';

export type {
  Distribution,
  DistributionKind,
  DistributionSpec,
  EmpiricalMethod,
} from './distributions/distribution.js';
export { uniform } from './distributions/uniform.js';
export { triangular } from './distributions/triangular.js';
export { pert } from './distributions/pert.js';
export { normal, type Truncation } from './distributions/normal.js';
export { lognormal, lognormalFromMoments, type LogParameters } from './distributions/lognormal.js';
export { discrete } from './distributions/discrete.js';
export { empiricalFromObservations } from './distributions/empirical.js';
export { distributionFromSpec } from './distributions/from-spec.js';

export {
  compilePricePaths,
  type CompiledPricePaths,
  type PricePathGroup,
  type PricePathSeries,
} from './paths/log-ou-path.js';

export { checkedCholesky, spearmanToPearson } from './correlation/cholesky.js';
export type { CorrelationSpec } from './correlation/correlation-spec.js';
export { imanConover } from './correlation/iman-conover.js';
export { applyGaussianCopula } from './correlation/gaussian-copula.js';

export {
  compileRun,
  type CompiledRun,
  type Evaluator,
  type Factor,
  type RunSpec,
  type SampledParameter,
} from './runner/compile.js';
export {
  runChunk,
  planChunks,
  type ChunkOptions,
  type ChunkRange,
  type ChunkResult,
  type FailedSample,
} from './runner/chunk.js';
export { mergeChunks, type RunResult } from './runner/merge.js';
export { runAll } from './runner/run-all.js';
export { chunkToJSON, chunkFromJSON, type ChunkJSON } from './runner/serialize.js';
export {
  summarize,
  summarizeOutputs,
  quantileSorted,
  type OutputSummary,
  type Histogram,
  type EmpiricalCdf,
  type SummaryOptions,
} from './runner/summary.js';

export type { OneAtATimeModel } from './sensitivity/model.js';
export {
  tornado,
  tornadoForRun,
  tornadoRangesFromDistributions,
  type TornadoEntry,
  type TornadoParameter,
  type TornadoResult,
} from './sensitivity/tornado.js';
export {
  spider,
  spiderByQuantiles,
  spiderByRelativeChange,
  type SpiderLine,
  type SpiderParameter,
} from './sensitivity/spider.js';
export {
  spearman,
  averageRanks,
  rankCorrelations,
  rankCorrelationsForRun,
  type RankCorrelation,
} from './sensitivity/spearman.js';
export {
  sobolIndices,
  sobolIndicesFromResult,
  type SobolEstimationOptions,
  type OutputSobolIndices,
  type SobolIndexEstimate,
  type SobolIndicesOptions,
  type SobolIndicesResult,
} from './sensitivity/sobol-indices.js';
export {
  saltelliRun,
  type SaltelliOptions,
  type SaltelliRun,
} from './sensitivity/saltelli-design.js';
export {
  leastSquaresMonteCarlo,
  type LsmProblem,
  type LsmResult,
} from './lsm/least-squares-monte-carlo.js';
export { bermudanPut, type BermudanPutSpec, type BermudanPutValue } from './lsm/bermudan-put.js';
