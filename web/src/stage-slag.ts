/**
 * What the stage table shows of a FeCr stage's slag: its liquidus in °C with the primary phase
 * named in the language (`slag_liquidus`), the viscosity at the tapping temperature (KPI
 * `slag_viscosity_Pa_s`), and the superheat against the required one — explained, when short,
 * with the reminder that the liquidus is a screening estimate. Pure: tested without a browser
 * (test/web/stage-slag.test.ts).
 */
import type { Appraisal } from '../../src/appraisal.js';
import type { I18n, MessageId } from './i18n.js';
import { KELVIN_AT_0_C } from './kpi-labels.js';

type Stage = Appraisal['stages'][number];

export interface StageSlag {
  /** The liquidus, e.g. "1,755 °C". */
  liquidus: string;
  /** The first solid on cooling, in the language ("periclase MgO", "периклаз MgO"). */
  phase: string;
  /** The viscosity at tapping with its unit and temperature; null when the stage has no KPI. */
  viscosity: string | null;
  /** Why the viscosity understates (tapping below the liquidus); null otherwise. */
  viscosity_note: string | null;
  /** "−5 K (required 100 K)". */
  superheat: string;
  /** true when the superheat is below the required one. */
  short: boolean;
  /** When short: the shortfall, and that the liquidus is a screening estimate (empty otherwise). */
  reasons: string[];
}

/** The message of each primary phase `slagLiquidus` returns (PRIMARY_PHASE_NAMES, slag-liquidus.ts). */
export const PHASE_MESSAGES: Readonly<Record<string, MessageId>> = {
  'periclase MgO': 'phase_periclase',
  'corundum Al2O3': 'phase_corundum',
  'cristobalite SiO2': 'phase_cristobalite',
  'lime CaO': 'phase_lime',
  'wüstite FeO': 'phase_wustite',
  'eskolaite Cr2O3': 'phase_eskolaite',
  'spinel MgAl2O4': 'phase_spinel',
  'forsterite Mg2SiO4': 'phase_forsterite',
  'protoenstatite MgSiO3': 'phase_protoenstatite',
};

/**
 * The liquidus model's measured error against published phase-diagram points, model − published
 * [K]: −21 to −175 K on six MgO–SiO2 and MgO–Al2O3 invariant points (asserted in
 * test/process/pyro/slag-liquidus.test.ts, stated in docs/model.md §Slag liquidus).
 */
const LIQUIDUS_LOW_BY_K = { least: 21, most: 175 } as const;

/** Tolerance of the comparison with the required superheat, as fecr-slag-check.ts [K]. */
const SHORT_TOLERANCE_K = 1e-6;

/** A primary phase in the language; a name the table does not know is shown as given. */
export function phaseName(phase: string, i18n: I18n): string {
  const id = PHASE_MESSAGES[phase];
  return id === undefined ? phase : i18n.t(id);
}

const celsius = (T_K: number, i18n: I18n): string => i18n.qty(T_K - KELVIN_AT_0_C, '°C', 0);

/** The stage's slag as the table shows it; null when the stage reports no slag liquidus. */
export function stageSlag(stage: Stage, i18n: I18n): StageSlag | null {
  const s = stage.slag_liquidus;
  if (s === undefined) return null;
  // fecr-slag-check.ts: superheat = tapping temperature − liquidus.
  const tapping = celsius(s.T_K + s.superheat_K, i18n);
  const eta = stage.kpis.slag_viscosity_Pa_s;
  const short = s.superheat_K < s.required_superheat_K - SHORT_TOLERANCE_K;
  const reasons = short
    ? [
        i18n.t('slag_short', {
          short: i18n.qty(s.required_superheat_K - s.superheat_K, 'K', 0),
          tapping,
        }),
        i18n.t('slag_screening', {
          low: `${i18n.num(LIQUIDUS_LOW_BY_K.least)}–${i18n.qty(LIQUIDUS_LOW_BY_K.most, 'K', 0)}`,
        }),
      ]
    : [];
  return {
    liquidus: celsius(s.T_K, i18n),
    phase: phaseName(s.primary_phase, i18n),
    viscosity:
      eta === undefined
        ? null
        : i18n.t('slag_viscosity_at', { viscosity: i18n.qty(eta, 'Pa·s'), tapping }),
    viscosity_note: s.superheat_K < 0 ? i18n.t('slag_viscosity_solids') : null,
    superheat: i18n.t('slag_superheat_of', {
      superheat: i18n.qty(s.superheat_K, 'K', 0),
      required: i18n.qty(s.required_superheat_K, 'K', 0),
    }),
    short,
    reasons,
  };
}
