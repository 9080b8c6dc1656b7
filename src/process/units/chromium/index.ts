export { sodaRoastKiln } from './soda-roast-kiln.js';
export { waterLeach } from './water-leach.js';
export { chromateCrystalliser } from './chromate-crystalliser.js';
export { sulfurCalciner } from './sulfur-calciner.js';
export { oxideWash } from './oxide-wash.js';
export { aluminothermicReactor, assertSelfSustaining } from './aluminothermic-reactor.js';
export { ferrochromeLeach } from './ferrochrome-leach.js';
export { alumPurification } from './alum-purification.js';
export { electrowinningCell } from './electrowinning-cell.js';
