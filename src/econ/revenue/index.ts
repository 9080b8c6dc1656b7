export {
  LB_PER_T,
  usdPerTCr,
  usdPerTFromRmb50pctCrVatIncl,
  usdPerTFromRmbVatIncl,
  usdPerTFromUsdPerLbCr,
} from './price-basis.js';
