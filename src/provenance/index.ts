export {
  isParam,
  SCENARIO_INPUT_SOURCE,
  SOURCE_STATUSES,
  type Param,
  type SourceStatus,
} from './param.js';
export type { DataFile, DataValue } from './data-value.js';
export { checkDataFile, dataFileSchema } from './data-file-schema.js';
