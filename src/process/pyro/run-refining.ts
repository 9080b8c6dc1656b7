/**
 * Runs the `fecr-refining` template (MC/LC ferrochrome by silicothermic reduction, Perrin type)
 * on a chromite concentrate with purchased ferrosilicochrome, on the flowsheet engine.
 */
import { InputError } from '../../errors.js';
import type { StageSolveOptions } from '../stage-solve-options.js';
import { balanceReport } from '../flowsheet/report.js';
import type { StageRun } from '../stage-run.js';
import { toSpecies } from '../units/ferrochrome/bridge.js';
import type { ChromiteFeed, FerrochromeStageRun } from './run-fecr.js';
import { energyBalances, solveTemplate } from './run-fecr.js';
import { elementMasses_kg_per_s, mass_kg_per_s, molarMass, SP } from './species.js';

export interface RefiningStageInput {
  feed: ChromiteFeed;
  /** MC/LC ferrochrome output [t/yr]. */
  capacity_t_per_year: number;
  /** Operating fraction of the year [–] (0, 1]. */
  availability: number;
  /** `{ "refining.<param>": v }` (cr_reduction, fe_reduction, si_utilisation, slag_basicity, melt_T_K, heat_loss_kWh_per_t, electrical_efficiency). */
  overrides?: Readonly<Record<string, number>>;
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
  const u = fs.units[r.furnace];
  const d = sol.outputs[r.furnace]?.diagnostics ?? {};
  const sp = (k: number) => {
    const s = sol.streams[u?.outlets[k] ?? -1];
    if (!s) throw new InputError('template', fs.id, 'the refining unit streams');
    return toSpecies(fs.model, s, String(k));
  };
  const inlet = (k: number) => {
    const s = sol.streams[u?.inlets[k] ?? -1];
    if (!s) throw new InputError('template', fs.id, 'the refining unit inlets');
    return toSpecies(fs.model, s, String(k));
  };
  const alloy = sp(0);
  const slag = sp(1);
  const aKg = mass_kg_per_s(alloy);
  const aTh = aKg * 3.6;
  const el = elementMasses_kg_per_s(alloy);
  const wt = (e: string): number => ((el[e] ?? 0) / aKg) * 100;
  const ore = inlet(0);
  const fesicr = inlet(1);
  const crOre = elementMasses_kg_per_s(ore).Cr ?? 0;
  const crFeSiCr = elementMasses_kg_per_s(fesicr).Cr ?? 0;
  // dry ore: the ore stream less its water (moisture and LOI)
  const oreDry = mass_kg_per_s(ore) - (ore.mol_per_s[SP['H2O(l)']] ?? 0) * molarMass(SP['H2O(l)']);
  const fesicrKg = (d.fesicr_kg_per_h ?? 0) / 3600;
  const limeKg = (d.lime_kg_per_h ?? 0) / 3600;
  const slagKg = mass_kg_per_s(slag);
  const electric_MW = (d.electric_kW ?? NaN) / 1000;
  const slagComp: Record<string, number> = {};
  for (const k of ['Cr2O3(l)', 'FeO(l)', 'SiO2(l)', 'MgO(l)', 'Al2O3(l)', 'CaO(l)'] as const)
    slagComp[k.replace('(l)', '')] =
      (((slag.mol_per_s[SP[k]] ?? 0) * molarMass(SP[k])) / slagKg) * 100;
  const kpis: Record<string, number> = {
    specific_energy_MWh_per_t: electric_MW / aTh,
    furnace_MW: electric_MW,
    alloy_t_per_h: aTh,
    ore_t_per_t: oreDry / aKg,
    fesicr_t_per_t: fesicrKg / aKg,
    lime_t_per_t: limeKg / aKg,
    slag_t_per_t: slagKg / aKg,
    alloy_cr_wt_pct: wt('Cr'),
    alloy_fe_wt_pct: wt('Fe'),
    alloy_c_wt_pct: wt('C'),
    alloy_si_wt_pct: wt('Si'),
    // Cr of the alloy over the Cr charged (ore + FeSiCr)
    cr_recovery: (el.Cr ?? 0) / (crOre + crFeSiCr),
    cr_recovery_from_ore: ((el.Cr ?? 0) - crFeSiCr) / crOre,
    slag_Cr2O3_wt_pct: slagComp.Cr2O3 ?? 0,
    slag_basicity: (slagComp.CaO ?? 0) / (slagComp.SiO2 ?? NaN),
    // no carbon is burnt in the process (FeSiCr's C stays in the alloy; lime is burnt lime);
    // the CO2 of making the FeSiCr and the lime is upstream and not counted here
    co2_t_per_t: 0,
  };
  const consumptions: StageRun['consumptions'] = [
    { id: 'fesicr', per_h: fesicrKg * 3.6, unit: 't/h' },
    { id: 'lime', per_h: limeKg * 3.6, unit: 't/h' },
    { id: 'electricity', per_h: electric_MW, unit: 'MWh/h' },
  ];
  return {
    balance: balanceReport(fs, sol),
    kpis,
    products: [
      {
        id: 'lc-ferrochrome',
        t_per_h: aTh,
        composition_wt_pct: { Cr: wt('Cr'), Fe: wt('Fe'), C: wt('C'), Si: wt('Si') },
      },
    ],
    consumptions,
    byproducts: [{ id: 'slag', t_per_h: slagKg * 3.6, composition_wt_pct: slagComp }],
    energy: energyBalances(fs, sol),
    flowsheet: fs,
    solution: sol,
  };
}
