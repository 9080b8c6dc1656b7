import type { UnitKind } from '../unit.js';
import { ballMill } from './comminution/ball-mill.js';
import { coneCrusher } from './comminution/cone-crusher.js';
import { jawCrusher } from './comminution/jaw-crusher.js';
import { hydrocyclone } from './classification/hydrocyclone.js';
import { vibratingScreen } from './classification/vibrating-screen.js';
import {
  alumPurification,
  aluminothermicReactor,
  chromateCrystalliser,
  chromateWastewater,
  cr6ResidueDetox,
  electrowinningCell,
  ferrochromeLeach,
  oxideWash,
  sodaRoastKiln,
  sulfurCalciner,
  waterLeach,
} from './chromium/index.js';
import { feeder } from './common/feeder.js';
import {
  dcArcFurnace,
  fecrBriquetting,
  fecrPelletiser,
  fecrPrereductionKiln,
  fecrShaftPreheater,
  fecrSilicothermicRefining,
  fecrSinterStrand,
  submergedArcFurnace,
} from './ferrochrome/index.js';
import { mixer } from './common/mixer.js';
import { processWater } from './common/process-water.js';
import { product } from './common/product.js';
import { splitter } from './common/splitter.js';
import { tailings } from './common/tailings.js';
import { filter } from './dewatering/filter.js';
import { thickener } from './dewatering/thickener.js';
import { dmsCyclone } from './gravity/dms-cyclone.js';
import { dmsDrum } from './gravity/dms-drum.js';
import { shakingTable } from './gravity/shaking-table.js';
import { spiral } from './gravity/spiral.js';
import { lims } from './magnetic/lims.js';
import { whims } from './magnetic/whims.js';

/** Every unit kind known to the flowsheet compiler, by kind name. */
export const UNIT_KINDS: Readonly<Record<string, UnitKind>> = Object.fromEntries(
  (
    [
      feeder,
      jawCrusher,
      coneCrusher,
      ballMill,
      vibratingScreen,
      hydrocyclone,
      dmsDrum,
      dmsCyclone,
      spiral,
      shakingTable,
      lims,
      whims,
      thickener,
      filter,
      splitter,
      mixer,
      product,
      tailings,
      processWater,
      sodaRoastKiln,
      waterLeach,
      chromateCrystalliser,
      cr6ResidueDetox,
      chromateWastewater,
      sulfurCalciner,
      oxideWash,
      aluminothermicReactor,
      ferrochromeLeach,
      alumPurification,
      electrowinningCell,
      fecrBriquetting,
      fecrPelletiser,
      fecrSinterStrand,
      fecrShaftPreheater,
      fecrPrereductionKiln,
      submergedArcFurnace,
      dcArcFurnace,
      fecrSilicothermicRefining,
    ] as UnitKind[]
  ).map((k) => [k.kind, k]),
);
