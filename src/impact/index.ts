export {
  cbamCostUsd,
  cbamDefaultMarkup,
  cbamEmbeddedEmissions,
  cbamShare,
  type CbamInput,
} from './cbam.js';
export { CBAM_COVERAGE } from './cbam-coverage.js';
