export { convertUnit, isKnownUnit } from './convert.js';
export { UNIT_TABLE, type UnitDef } from './unit-table.js';
