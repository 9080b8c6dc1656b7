/**
 * Runs the `fecr-refining` template (MC/LC ferrochrome by silicothermic reduction, Perrin type)
 * on a chromite concentrate with purchased ferrosilicochrome, on the flowsheet engine.
 */
import { InputError } from '../../errors.js';
import type { DesignOverrides } from '../design/design-flowsheet.js';
import { unitEnergy, unitResult } from '../design/unit-result.js';
import { summariseStage } from '../flowsheet/summarise.js';
import type { StageSolveOptions } from '../stage-solve-options.js';
import type { StageRun } from '../stage-run.js';
import type { ChromiteFeed, FerrochromeStageRun, Solved } from './run-fecr.js';
import { solveTemplate } from './run-fecr.js';

export interface RefiningStageInput {
  feed: ChromiteFeed;
  /** MC/LC ferrochrome output [t/yr]. */
  capacity_t_per_year: number;
  /** Operating fraction of the year [–] (0, 1]. */
  availability: number;
  /** `{ "refining.<param>": v }` (cr_reduction, fe_reduction, si_utilisation, slag_basicity, melt_T_K, heat_loss_kWh_per_t, electrical_efficiency). */
  overrides?: Readonly<Record<string, number>>;
  /** Design-basis overrides `{ "<unit id or kind>.<param>": v }`. */
  design?: DesignOverrides;
}

/**
 * MC/LC ferrochrome stage: chromite + lime melted, reduced by FeSiCr (issue 5 item 3).
 * @param input - Feed (oxide analysis [wt%], moisture [wt%]), alloy capacity [t/yr],
 *   availability [–], overrides `{ 'refining.<param>': value }`
 * @returns StageRun (t/h, MWh/h at nameplate; KPIs per t alloy) with product `lc-ferrochrome`,
 *   consumptions fesicr, lime, electricity; by-product slag
 * @param options - Compiled flowsheets (the caller's cache; default: compile afresh)
 * @throws InputError for bad input
 */
export function runRefiningStage(
  input: RefiningStageInput,
  options: StageSolveOptions = {},
): FerrochromeStageRun {
  if (!(input.capacity_t_per_year > 0))
    throw new InputError(
      'capacity_t_per_year',
      input.capacity_t_per_year,
      'a positive alloy output [t/yr]',
    );
  if (!(input.availability > 0 && input.availability <= 1))
    throw new InputError('availability', input.availability, 'in (0, 1]');
  const alloy_t_per_h = input.capacity_t_per_year / (8760 * input.availability);
  const r = solveTemplate(
    'fecr-refining',
    input.feed,
    input.overrides ?? {},
    alloy_t_per_h,
    options.flowsheets,
  );
  const { fs, sol } = r;
  const run = summariseStage(fs, sol, r.t.summary, { design: input.design ?? {} });
  // assigned, not spread: a spread would build the on-demand balance report
  return Object.assign(run, {
    kpis: { ...run.kpis, ...refiningKpis(r, run) },
    flowsheet: fs,
    solution: sol,
    ore_dry_kg_per_s: r.ore_dry_kg_per_s,
    target_alloy_t_per_h: alloy_t_per_h,
  });
}

/** Refining KPIs per t alloy from the summary and the refining furnace's declared results. */
function refiningKpis(r: Solved, run: StageRun): Record<string, number> {
  const { fs, sol, furnace } = r;
  const alloy = run.products[0];
  if (!alloy) throw new InputError('summary.products', [], 'the refined alloy');
  const aTh = alloy.t_per_h;
  const el = alloy.composition_wt_pct;
  const wt = (k: string): number => {
    const v = el[k];
    if (v === undefined)
      throw new InputError(`products.${alloy.id}.composition.${k}`, v, 'a listed element');
    return v;
  };
  const crAlloy = (wt('Cr') / 100) * aTh;
  const crOf = (id: string): number => {
    const i = fs.streamIndex.get(id) ?? -1;
    return (sol.elementFlows[i * fs.model.nEl + fs.model.elements.indexOf('Cr')] ?? NaN) / 1000;
  };
  const crOre = crOf(r.t.feed_stream);
  const crFeSiCr = crOf('fesicr');
  const slag = run.byproducts.find((b) => b.id === 'slag');
  const sc = slag?.composition_wt_pct;
  if (!slag || !sc) throw new InputError('summary.byproducts.slag', undefined, 'the slag analysis');
  const pct = (k: string): number => sc[k] ?? 0; // the summary omits zero components
  const electric_MW = unitEnergy(fs, sol, furnace).electric_kW / 1000;
  return {
    specific_energy_MWh_per_t: electric_MW / aTh,
    furnace_MW: electric_MW,
    alloy_t_per_h: aTh,
    ore_t_per_t: (r.ore_dry_kg_per_s * 3.6) / aTh,
    fesicr_t_per_t: unitResult(fs, sol, furnace, 'fesicr_kg_per_h') / 1000 / aTh,
    lime_t_per_t: unitResult(fs, sol, furnace, 'lime_kg_per_h') / 1000 / aTh,
    slag_t_per_t: slag.t_per_h / aTh,
    alloy_cr_wt_pct: wt('Cr'),
    alloy_fe_wt_pct: wt('Fe'),
    alloy_c_wt_pct: wt('C'),
    alloy_si_wt_pct: wt('Si'),
    // Cr of the alloy over the Cr charged (ore + FeSiCr)
    cr_recovery: crAlloy / (crOre + crFeSiCr),
    cr_recovery_from_ore: (crAlloy - crFeSiCr) / crOre,
    slag_Cr2O3_wt_pct: pct('Cr2O3'),
    slag_basicity: pct('CaO') / pct('SiO2'),
    // no carbon is burnt in the process (FeSiCr's C stays in the alloy; lime is burnt lime);
    // the CO2 of making the FeSiCr and the lime is upstream and not counted here
    co2_t_per_t: 0,
  };
}
