// Financial metrics on plain cash-flow vectors (CF_0 at t = 0 unless named otherwise).
export { npv, npvUnchecked } from './npv.js';
export { excelNpv } from './excel-npv.js';
export { irr, irrAll, irrAnalysis } from './irr.js';
export type { IrrAnalysis, IrrOptions } from './irr.js';
export { IrrError, irrFailureMessage } from './irr-error.js';
export type { IrrFailure } from './irr-error.js';
export { mirr } from './mirr.js';
export { xnpv } from './xnpv.js';
export { xirr, xirrAll } from './xirr.js';
export { pmt } from './pmt.js';
export { paybackYears } from './payback.js';
export { discountedPaybackYears } from './discounted-payback.js';
export { profitabilityIndex } from './profitability-index.js';
