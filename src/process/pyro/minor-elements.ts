/**
 * Minor elements of the ferrochrome smelter — S, P and Ti — as a ledger beside the furnace's
 * species balance. They are below 1 wt% of every input, carry no weight in the heat and major-
 * element balances, and are not in the species list (their thermochemistry and the sulphide and
 * phosphide equilibria are not modelled); what a buyer prices is how much of each ends in the
 * alloy. Every input brings m_in,X = Σ m_dry,i · w_X,i; the alloy takes f_alloy,X of it, the slag
 * f_slag,X, and the off-gas with the dust the rest, so each element closes by construction:
 *   alloy_X + slag_X + gas_X = in_X.
 * The distribution fractions are data (data/pyro/minor-elements.json, with their status).
 */
import { molarMass_g_per_mol } from '../../chem/formula-elements.js';
import { InputError } from '../../errors.js';

export const MINOR_ELEMENTS = ['S', 'P', 'Ti'] as const;
export type MinorElement = (typeof MINOR_ELEMENTS)[number];

/** Element contents of a material, dry basis [wt%]. */
export type MinorContents = Readonly<Record<MinorElement, number>>;

/** One input of the ledger: its dry mass flow [kg/h] and its minor-element contents [wt%]. */
export interface MinorInput {
  /** Name for errors and reports (the stream or material). */
  readonly id: string;
  readonly dry_kg_per_h: number;
  readonly contents_wt_pct: MinorContents;
}

/** Fractions of an element's input reporting to the alloy and the slag [–]; the rest to gas. */
export interface MinorSplit {
  readonly alloy: number;
  readonly slag: number;
}
export type MinorPartition = Readonly<Record<MinorElement, MinorSplit>>;

/** Flows of each minor element [kg/h]. */
export type MinorFlows = Record<MinorElement, number>;

export interface MinorBalance {
  readonly in_kg_per_h: MinorFlows;
  readonly alloy_kg_per_h: MinorFlows;
  readonly slag_kg_per_h: MinorFlows;
  /** Off-gas and dust together (the gas-cleaning plant separates them) [kg/h]. */
  readonly gas_kg_per_h: MinorFlows;
}

const zero = (): MinorFlows => ({ S: 0, P: 0, Ti: 0 });

/**
 * Checks a distribution: each fraction in [0, 1], alloy + slag ≤ 1.
 * @throws InputError naming `<field>.<element>.<phase>` for a bad fraction
 */
export function validateMinorPartition(p: MinorPartition, field: string): void {
  for (const e of MINOR_ELEMENTS) {
    const s = p[e];
    for (const phase of ['alloy', 'slag'] as const) {
      const v = s[phase];
      if (!(Number.isFinite(v) && v >= 0 && v <= 1))
        throw new InputError(`${field}.${e}.${phase}`, v, 'a fraction in [0, 1]');
    }
    if (s.alloy + s.slag > 1 + 1e-12)
      throw new InputError(`${field}.${e}`, s, 'alloy + slag fractions ≤ 1 (the rest is gas)');
  }
}

function checkInput(x: MinorInput): void {
  if (!(Number.isFinite(x.dry_kg_per_h) && x.dry_kg_per_h >= 0))
    throw new InputError(`${x.id}.dry_kg_per_h`, x.dry_kg_per_h, 'a mass flow ≥ 0 kg/h');
  for (const e of MINOR_ELEMENTS) {
    const w = x.contents_wt_pct[e];
    if (!(Number.isFinite(w) && w >= 0 && w <= 100))
      throw new InputError(`${x.id}.${e}_wt_pct`, w, 'a content in [0, 100] wt%');
  }
}

/**
 * The minor-element ledger of a smelter.
 * @param inputs - Every input that carries S, P or Ti (chromite and additions), dry [kg/h]
 * @param partition - Fractions to alloy and slag [–]
 * @returns Flows in, to the alloy, the slag and the gas [kg/h]; each element closes exactly
 *   up to round-off (the gas is the remainder)
 * @throws InputError for a negative or non-finite flow, a content outside [0, 100] wt%, or a
 *   bad fraction
 */
export function minorElementBalance(
  inputs: readonly MinorInput[],
  partition: MinorPartition,
): MinorBalance {
  validateMinorPartition(partition, 'minor_elements.partition');
  const inFlow = zero();
  for (const x of inputs) {
    checkInput(x);
    for (const e of MINOR_ELEMENTS) inFlow[e] += (x.dry_kg_per_h * x.contents_wt_pct[e]) / 100;
  }
  const alloy = zero();
  const slag = zero();
  const gas = zero();
  for (const e of MINOR_ELEMENTS) {
    alloy[e] = partition[e].alloy * inFlow[e];
    slag[e] = partition[e].slag * inFlow[e];
    gas[e] = inFlow[e] - alloy[e] - slag[e];
  }
  return { in_kg_per_h: inFlow, alloy_kg_per_h: alloy, slag_kg_per_h: slag, gas_kg_per_h: gas };
}

/** Feed-analysis keys that state the minor elements, and the element each gives. */
export const MINOR_ANALYSIS_KEYS = { S: 'S', P2O5: 'P', TiO2: 'Ti' } as const;
export type MinorAnalysisKey = keyof typeof MINOR_ANALYSIS_KEYS;

/** Mass of the element per mass of its analysis key [–] (P in P2O5, Ti in TiO2). */
const ELEMENT_PER_KEY: Readonly<Record<MinorAnalysisKey, number>> = {
  S: 1,
  P2O5: (2 * molarMass_g_per_mol('P')) / molarMass_g_per_mol('P2O5'),
  TiO2: molarMass_g_per_mol('Ti') / molarMass_g_per_mol('TiO2'),
};

/**
 * S, P and Ti [wt% of the element] of the analysis keys S, P2O5, TiO2 an analysis states.
 * @param analysis - Any analysis [wt%]; keys other than the three are ignored
 */
export function minorElementContents(
  analysis: Readonly<Partial<Record<string, number>>>,
): Partial<MinorContents> {
  const out: Partial<Record<MinorElement, number>> = {};
  for (const [key, e] of Object.entries(MINOR_ANALYSIS_KEYS) as [
    MinorAnalysisKey,
    MinorElement,
  ][]) {
    const v = analysis[key];
    if (v !== undefined) out[e] = v * ELEMENT_PER_KEY[key];
  }
  return out;
}
