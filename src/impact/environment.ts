/**
 * The environment section of the appraisal: hexavalent chromium generated, treated and
 * released, hazardous waste and water of every stage at nameplate and in total, and the SO2 to
 * air of the stages that keep a sulphur ledger (the off-gas S as SO2, before gas cleaning: no
 * SO2 capture is modelled). Stages whose
 * template does not model these flows report null with a note of what is known (Cr(VI) in
 * ferrochrome smelter dust and slag and the measures that keep it out of water, with sources).
 */
import type { AppraisalEnvironment, StageEnvironment } from '../appraisal.js';
import { molarMass_g_per_mol } from '../chem/formula-elements.js';
import type { StageEnvironmentPerHour } from '../process/stage-run.js';

/** A stage's environmental flows as the appraise layer hands them over. */
export interface StageEnvironmentInput {
  stage: string;
  template: string;
  /** Per hour at nameplate (null: not modelled by the template). */
  per_hour: StageEnvironmentPerHour | null;
  /** Operating hours per year [h]. */
  hours_per_year: number;
  /**
   * Sulphur leaving with the off-gas before any gas cleaning [kg S/h] (the stage's minor-element
   * ledger; null: the template keeps none).
   */
  sulphur_to_air_kg_per_h: number | null;
}

/** SO2 per S [–]: all the off-gas S counted as SO2 (IUPAC atomic weights). */
const SO2_PER_S = molarMass_g_per_mol('SO2') / molarMass_g_per_mol('S');

/** SO2 to air of a stage [t/a], before gas cleaning (no SO2 capture is modelled). */
function so2_t_per_year(s: StageEnvironmentInput): number | null {
  return s.sulphur_to_air_kg_per_h === null
    ? null
    : (s.sulphur_to_air_kg_per_h * SO2_PER_S * s.hours_per_year) / 1000;
}

const FECR_NOTE =
  'Cr(VI) of the ferrochrome smelter is not modelled: it forms in small amounts where oxygen meets the hot off-gas and dust, and the bag-filter dust carries the most of all FeCr wastes (du Preez et al., Water SA 43 (2017) 275, doi:10.4314/wsa.v43i2.13; in a closed DC furnace too, in Si-Ca-Mg micro-spherules: J. Hazard. Mater. 2021, doi:10.1016/j.jhazmat.2021.126873). The measures that keep it out of water: a closed furnace, dust kept dry in closed handling and recycled by agglomeration or sent to a lined cell, scrubber and process water treated by aqueous reduction with ferrous iron — the most common practice (Beukes et al., J. S. Afr. Inst. Min. Metall. 112 (2012) 347) — with a longer contact than today (only ~31 % of the dust Cr(VI) is water-soluble at pH 9, du Preez et al. 2017); the slag is crystallised, reducing and used as aggregate after leach tests. Most South African smelters do not affect drinking or surface water (van Zyl et al., INFACON XV, 2018).';

const KEYS = [
  'cr6_generated_kg_per_year',
  'cr6_treated_kg_per_year',
  'cr6_released_to_water_kg_per_year',
  'cr6_to_landfill_kg_per_year',
  'hazardous_waste_t_per_year',
  'water_withdrawn_m3_per_year',
  'water_discharged_m3_per_year',
] as const;

function perYear(
  e: StageEnvironmentPerHour,
  h: number,
): Omit<StageEnvironment, 'stage' | 'note' | 'so2_to_air_t_per_year'> {
  return {
    cr6_generated_kg_per_year: e.cr6_generated_kg_per_h * h,
    cr6_treated_kg_per_year: e.cr6_treated_kg_per_h * h,
    cr6_released_to_water_kg_per_year: e.cr6_released_to_water_kg_per_h * h,
    cr6_to_landfill_kg_per_year: e.cr6_to_landfill_kg_per_h * h,
    hazardous_waste_t_per_year: e.hazardous_waste_t_per_h * h,
    water_withdrawn_m3_per_year: e.water_withdrawn_m3_per_h * h,
    water_discharged_m3_per_year: e.water_discharged_m3_per_h * h,
  };
}

const NULLS = Object.fromEntries(KEYS.map((k) => [k, null])) as Omit<
  StageEnvironment,
  'stage' | 'note' | 'so2_to_air_t_per_year'
>;

/**
 * The environment section from the stages' modelled flows.
 * @returns Per stage (null figures where the template does not model them) and the total of the
 *   modelled stages (`stages_modelled` names them)
 */
export function appraisalEnvironment(
  inputs: readonly StageEnvironmentInput[],
): AppraisalEnvironment {
  const stages: StageEnvironment[] = inputs.map((s) => {
    const so2 = { so2_to_air_t_per_year: so2_t_per_year(s) };
    if (s.per_hour)
      return { stage: s.stage, ...perYear(s.per_hour, s.hours_per_year), ...so2, note: null };
    const fecr = s.template.startsWith('fecr');
    return {
      stage: s.stage,
      ...NULLS,
      ...so2,
      note: fecr ? FECR_NOTE : `not modelled by template ${s.template}`,
    };
  });
  const total = Object.fromEntries(KEYS.map((k) => [k, 0])) as Record<
    (typeof KEYS)[number],
    number
  >;
  const modelled: string[] = [];
  for (const s of stages) {
    if (s.cr6_generated_kg_per_year === null) continue;
    modelled.push(s.stage);
    for (const k of KEYS) total[k] += s[k] ?? 0;
  }
  let so2 = 0;
  const so2Stages: string[] = [];
  for (const s of stages) {
    if (s.so2_to_air_t_per_year === null) continue;
    so2Stages.push(s.stage);
    so2 += s.so2_to_air_t_per_year;
  }
  return {
    stages,
    total: {
      ...total,
      stages_modelled: modelled,
      so2_to_air_t_per_year: so2,
      so2_stages_modelled: so2Stages,
    },
  };
}
