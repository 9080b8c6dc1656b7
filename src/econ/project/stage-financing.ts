/**
 * The debt tranche of one stage as plain numbers: each term from the stage's own terms, else
 * the project's (`finance.financing`), else the lender preset (data/finance/lenders.json),
 * else data/finance/financing-defaults.json. Debt share, rate and tenor have no default: they
 * must come from the scenario or a lender preset.
 */
import { InputError } from '../../errors.js';
import { DATA_FILES } from '../../scenario/data-files.js';
import type { FinancingTerms } from '../../scenario/schema.js';
import type { FinancingInput } from '../cashflow/types.js';

type NumericTerm =
  | 'debt_share'
  | 'interest_rate'
  | 'dsra_months'
  | 'upfront_fee_pct'
  | 'commitment_fee_pct_per_year'
  | 'target_dscr';

function quantityTerm(
  key: NumericTerm,
  stage: FinancingTerms | undefined,
  project: FinancingTerms | undefined,
): number | undefined {
  return stage?.[key]?.value ?? project?.[key]?.value;
}

/** Values of a data file whose keys are `<group>.<term>`, by group then term. */
function byGroup(values: Readonly<Record<string, { value: number }>>): TermTable {
  const out = new Map<string, Map<string, number>>();
  for (const [key, v] of Object.entries(values)) {
    const dot = key.indexOf('.');
    if (dot < 1) throw new InputError('data/finance/lenders.json', key, 'a key <lender>.<term>');
    const terms = out.get(key.slice(0, dot)) ?? new Map<string, number>();
    terms.set(key.slice(dot + 1), v.value);
    out.set(key.slice(0, dot), terms);
  }
  return out;
}

type TermTable = ReadonlyMap<string, ReadonlyMap<string, number>>;

/**
 * The lender presets by lender then term, and the defaults by term: constants of the data files,
 * read without building a `<file>#<lender>.<term>` reference per term (a stage's economics read
 * a dozen of them, in every Monte Carlo sample that moves the stage).
 */
const LENDER_TERMS: TermTable = byGroup(DATA_FILES['finance/lenders']?.values ?? {});
const DEFAULT_TERMS: ReadonlyMap<string, number> = new Map(
  Object.entries(DATA_FILES['finance/financing-defaults']?.values ?? {}).map(([k, v]) => [
    k,
    v.value,
  ]),
);

/** A term from the lender preset, else the defaults file; undefined when neither has it. */
function presetTerm(lender: string | undefined, key: string): number | undefined {
  const fromLender = lender === undefined ? undefined : LENDER_TERMS.get(lender)?.get(key);
  return fromLender ?? DEFAULT_TERMS.get(key);
}

/** A covenant: the stage's, the project's, the preset's or the default (always present). */
function covenant(
  key: 'min_dscr' | 'lockup_dscr' | 'min_llcr',
  stage: FinancingTerms | undefined,
  project: FinancingTerms | undefined,
  lender: string | undefined,
): number {
  return (
    stage?.covenants?.[key]?.value ??
    project?.covenants?.[key]?.value ??
    presetTerm(lender, `covenant_${key}`) ??
    Number.NaN
  );
}

function required(value: number | undefined, field: string, lender: string | undefined): number {
  if (value === undefined)
    throw new InputError(
      field,
      'missing',
      lender === undefined
        ? 'a value here or a lender preset (finance.financing.lender)'
        : `a value (lender preset ${lender} has none)`,
    );
  return value;
}

/**
 * Resolves a stage's tranche.
 *
 * @param stageId - The stage (for error messages).
 * @param stage - `stages[].financing`, if written.
 * @param project - `finance.financing`, if written.
 * @returns The tranche, or undefined when neither is written (all-equity).
 * @throws InputError when the debt share, rate or tenor has no value.
 */
export function stageFinancing(
  stageId: string,
  stage: FinancingTerms | undefined,
  project: FinancingTerms | undefined,
): FinancingInput | undefined {
  if (stage === undefined && project === undefined) return undefined;
  const lender = stage?.lender ?? project?.lender;
  const where = stage === undefined ? 'finance.financing' : `stages.${stageId}.financing`;
  const pick = (key: NumericTerm): number | undefined =>
    quantityTerm(key, stage, project) ?? presetTerm(lender, key);
  const repayment = stage?.repayment ?? project?.repayment ?? 'annuity';
  const targetDscr = pick('target_dscr');
  if (repayment === 'sculpted' && targetDscr === undefined)
    throw new InputError(`${where}.target_dscr`, 'missing', 'a target DSCR for sculpted repayment');
  return {
    debt_share: required(pick('debt_share'), `${where}.debt_share`, lender),
    interest_rate: required(pick('interest_rate'), `${where}.interest_rate`, lender),
    tenor_years: required(
      stage?.tenor_years ?? project?.tenor_years ?? presetTerm(lender, 'tenor_years'),
      `${where}.tenor_years`,
      lender,
    ),
    grace_years:
      stage?.grace_years ?? project?.grace_years ?? presetTerm(lender, 'grace_years') ?? 0,
    repayment,
    ...(targetDscr !== undefined ? { target_dscr: targetDscr } : {}),
    dsra_months: pick('dsra_months') ?? 0,
    upfront_fee: (pick('upfront_fee_pct') ?? 0) / 100,
    commitment_fee: (pick('commitment_fee_pct_per_year') ?? 0) / 100,
    covenants: {
      min_dscr: covenant('min_dscr', stage, project, lender),
      lockup_dscr: covenant('lockup_dscr', stage, project, lender),
      min_llcr: covenant('min_llcr', stage, project, lender),
    },
    idc:
      stage?.interest_during_construction ?? project?.interest_during_construction ?? 'capitalised',
  };
}
