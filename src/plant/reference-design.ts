/**
 * The design of a reference plant as the model sees it: its route's template solved at the
 * plant's capacity on the Kempirsai concentrate (or run-of-mine ore for a concentrator) — a
 * stand-in for each plant's own ore — with the plant's furnace size. Used to price reference
 * plants for the capex calibration (src/analysis/capex-calibration.ts).
 */
import concentrate from '../../data/feeds/kempirsai-concentrate.json' with { type: 'json' };
import rom from '../../data/feeds/kempirsai-rom-ore.json' with { type: 'json' };
import operating from '../../data/process/operating-defaults.json' with { type: 'json' };
import { InputError } from '../errors.js';
import { runChromiumStage } from '../process/chromium/run.js';
import { runConcentrator } from '../process/concentrator/run.js';
import type { UnitDesignRecord } from '../process/design/design-flowsheet.js';
import { designFlowsheet } from '../process/design/design-flowsheet.js';
import type { OxideAnalysis } from '../process/pyro/materials.js';
import { minorElementContents } from '../process/pyro/minor-elements.js';
import { runFerrochromeStage, FECR_TEMPLATES } from '../process/pyro/run-fecr.js';
import { runRefiningStage } from '../process/pyro/run-refining.js';
import { operatingHours } from './hours.js';

type Analysis = Record<string, number>;

/** The smelter charge analysis of a preset, each oxide the furnace model reads required. */
function chromite(oxides: Analysis): OxideAnalysis {
  const need = (k: 'Cr2O3' | 'FeO' | 'MgO' | 'Al2O3' | 'SiO2'): number => {
    const v = oxides[k];
    if (v === undefined)
      throw new InputError(`data/feeds/kempirsai-concentrate.json#${k}`, v, 'a value');
    return v;
  };
  return {
    Cr2O3: need('Cr2O3'),
    FeO: need('FeO'),
    MgO: need('MgO'),
    Al2O3: need('Al2O3'),
    SiO2: need('SiO2'),
    ...(oxides.CaO === undefined ? {} : { CaO: oxides.CaO }),
    ...(oxides.LOI === undefined ? {} : { LOI: oxides.LOI }),
  };
}

function analysis(values: Readonly<Record<string, { value: number }>>): {
  oxides: Analysis;
  moisture: number;
} {
  const oxides: Analysis = {};
  let moisture = 0;
  for (const [k, v] of Object.entries(values)) {
    if (k === 'moisture_wt_pct') moisture = v.value;
    else oxides[k] = v.value;
  }
  return { oxides, moisture };
}

/**
 * @param template - Flowsheet template of the reference's route
 * @param capacity_t_per_year - Reference capacity (product for smelters and chromium plants, feed for a concentrator)
 * @param design - The reference's design overrides (e.g. its furnace size)
 * @returns The design of every unit
 * @throws InputError for a template without unit models
 */
export function referenceDesign(
  template: string,
  capacity_t_per_year: number,
  design: Readonly<Record<string, number>>,
): UnitDesignRecord[] {
  const availability = operating.values.availability.value;
  const c = analysis(concentrate.values);
  if ((FECR_TEMPLATES as readonly string[]).includes(template)) {
    return runFerrochromeStage(template, {
      feed: {
        analysis: chromite(c.oxides),
        moisture_wt_pct: template === 'fecr-saf' || template === 'fecr-dc' ? 0 : c.moisture,
      },
      capacity_t_per_year,
      availability,
      design,
    }).design;
  }
  if (template === 'fecr-refining') {
    return runRefiningStage({
      feed: {
        analysis: chromite(c.oxides),
        moisture_wt_pct: 0,
      },
      capacity_t_per_year,
      availability,
      design,
    }).design;
  }
  if (template === 'cr-aluminothermic') {
    // S, P2O5 and TiO2 sit on top of the major oxides (the route's minor-element ledger)
    const { LOI, S, P2O5, TiO2, ...rest } = c.oxides;
    return runChromiumStage(template, {
      feed: {
        oxides_wt_pct: { ...rest, H2O: LOI ?? 0 },
        minor_wt_pct: minorElementContents({ S, P2O5, TiO2 }),
      },
      capacity_t_per_year,
      availability,
      design,
    }).design;
  }
  if (template === 'kempirsai-concentrator') {
    const r = analysis(rom.values);
    const run = runConcentrator({
      template,
      feed: {
        ore_t_per_h: capacity_t_per_year / operatingHours(availability),
        oxides_wt_pct: r.oxides,
        moisture_wt_pct: r.moisture,
      },
    });
    return designFlowsheet(run.flowsheet, run.solution, design);
  }
  if (template === 'offgas-power-plant')
    // a power plant's capacity is its electric power [MW]
    return [
      {
        unit_id: 'offgas-power-plant',
        kind: 'offgas-power-plant',
        results: { power_MW: { value: capacity_t_per_year, unit: 'MW' } },
        basis: {},
      },
    ];
  throw new InputError('reference.model.template', template, 'a template with unit models');
}
