/**
 * The smelter slag against its liquidus: the liquidus and its primary phase (slag-liquidus.ts)
 * of the tapped slag, the superheat it has at the tapping temperature `slag_T_K`, a warning
 * naming the numbers when that superheat is below the declared `slag_superheat_K`, and the
 * viscosity of the liquid slag at that temperature (slag-viscosity.ts). Computed from the stage
 * summary's slag analysis when the appraisal reads the run's report checks, not per Monte Carlo
 * sample (reporting only; the furnace solve uses the liquidus only with flux_by_liquidus = 1).
 */
import { InputError } from '../../errors.js';
import type { ReportChecks, StageRun } from '../stage-run.js';
import { slagLiquidus } from './slag-liquidus.js';
import { slagViscosity_Pa_s, type SlagOxides } from './slag-viscosity.js';
import type { Solved } from './run-fecr.js';

/** The slag oxides of the stage's slag by-product [wt%] (absent oxides: 0). */
export function slagAnalysis(run: StageRun): SlagOxides {
  const sc = run.byproducts.find((b) => b.id === 'slag')?.composition_wt_pct;
  if (!sc) throw new InputError('summary.byproducts.slag.composition', sc, 'the slag analysis');
  const w = (k: string): number => sc[k] ?? 0;
  return {
    Cr2O3: w('Cr2O3'),
    FeO: w('FeO'),
    SiO2: w('SiO2'),
    MgO: w('MgO'),
    Al2O3: w('Al2O3'),
    CaO: w('CaO'),
  };
}

/**
 * @param r - The solved template (its furnace's slag_T_K and slag_superheat_K)
 * @param run - Its stage summary (the slag analysis)
 * @returns KPIs slag_viscosity_Pa_s (of the liquid at the tapping temperature, Urbain's model),
 *   slag_liquidus_K, slag_superheat_K (T_slag − T_liq), slag_superheat_required_K,
 *   the same with the primary phase as `slag_liquidus`, and a warning when the superheat falls
 *   short
 */
export function fecrSlagCheck(r: Solved, run: StageRun): ReportChecks {
  const params = r.fs.units[r.furnace]?.params;
  const T_slag = params?.slag_T_K;
  const required = params?.slag_superheat_K;
  if (T_slag === undefined || required === undefined)
    throw new InputError('furnace', r.fs.id, 'a furnace with slag_T_K and slag_superheat_K');
  const oxides = slagAnalysis(run);
  const liq = slagLiquidus(oxides);
  const superheat = T_slag - liq.T_K;
  const warnings: string[] = [];
  if (superheat < required - 1e-6)
    warnings.push(
      `slag not liquid enough at tapping: liquidus ${liq.T_K.toFixed(0)} K (${(liq.T_K - 273.15).toFixed(0)} °C, primary phase ${liq.primary_phase}) + required superheat ${required.toFixed(0)} K = ${(liq.T_K + required).toFixed(0)} K > tapping temperature slag_T_K ${T_slag.toFixed(0)} K (superheat ${superheat.toFixed(0)} K); raise the quartzite (furnace.slag_SiO2_wt_pct, or furnace.flux_by_liquidus: 1) or the tapping temperature. The liquidus model (ideal associates, JANAF) is not validated at FeCr-slag compositions: it lies 21–175 K low on the MgO–SiO2 and MgO–Al2O3 binaries but puts typical published HC FeCr slags at 1,712–1,808 °C, so the shortfall may be an artefact of the model (docs/model.md §Slag liquidus)`,
    );
  return {
    kpis: {
      slag_viscosity_Pa_s: slagViscosity_Pa_s(oxides, T_slag),
      slag_liquidus_K: liq.T_K,
      slag_superheat_K: superheat,
      slag_superheat_required_K: required,
    },
    warnings,
    slag_liquidus: {
      T_K: liq.T_K,
      primary_phase: liq.primary_phase,
      superheat_K: superheat,
      required_superheat_K: required,
    },
  };
}
