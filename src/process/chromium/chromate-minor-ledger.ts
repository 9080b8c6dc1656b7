/**
 * Minor elements of the chromate route — the concentrate's S, P and Ti — as a ledger beside the
 * species balance, like the smelter's (pyro/minor-elements.ts). They are below 0.2 wt% of the
 * concentrate and have no species in the route's template (no thermochemistry of sodium
 * phosphate or titanate is in the database), so they sit on top of the major-oxide analysis and
 * leave the stage by stage-wide fractions (data/process/chromium/minor-elements.json): off-gas,
 * effluent (to the wastewater plant), metal, aluminothermic slag, and the bled residue as the
 * remainder, so each element closes by construction:
 *   offgas_X + effluent_X + metal_X + slag_X + residue_X = in_X.
 */
import data from '../../../data/process/chromium/minor-elements.json' with { type: 'json' };
import { InputError } from '../../errors.js';
import { MINOR_ELEMENTS, type MinorElement, type MinorFlows } from '../pyro/minor-elements.js';

/** Destinations given as fractions; the residue takes the rest. */
export const CHROMATE_MINOR_SINKS = ['offgas', 'effluent', 'metal', 'slag'] as const;
export type ChromateMinorSink = (typeof CHROMATE_MINOR_SINKS)[number];

/** Fractions of each element's input to each destination but the residue [–]. */
export type ChromateMinorPartition = Readonly<
  Record<MinorElement, Readonly<Record<ChromateMinorSink, number>>>
>;

/** S, P and Ti in and out of a chromate stage [kg/h]. */
export interface ChromateMinorBalance {
  readonly in_kg_per_h: MinorFlows;
  readonly offgas_kg_per_h: MinorFlows;
  readonly effluent_kg_per_h: MinorFlows;
  readonly metal_kg_per_h: MinorFlows;
  readonly slag_kg_per_h: MinorFlows;
  /** Bled leach residue (detoxified, landfilled): the remainder [kg/h]. */
  readonly residue_kg_per_h: MinorFlows;
}

/**
 * Checks a distribution: each fraction in [0, 1], their sum ≤ 1 (the residue takes the rest).
 * @throws InputError naming `<field>.<element>.<sink>`
 */
export function validateChromatePartition(p: ChromateMinorPartition, field: string): void {
  for (const e of MINOR_ELEMENTS) {
    let sum = 0;
    for (const k of CHROMATE_MINOR_SINKS) {
      const v = p[e][k];
      if (!(Number.isFinite(v) && v >= 0 && v <= 1))
        throw new InputError(`${field}.${e}.${k}`, v, 'a fraction in [0, 1]');
      sum += v;
    }
    if (sum > 1 + 1e-12)
      throw new InputError(
        `${field}.${e}`,
        sum,
        'fractions summing to ≤ 1 (the residue takes the rest)',
      );
  }
}

/** The route's distribution from data/process/chromium/minor-elements.json. */
export const CHROMATE_MINOR_PARTITION: ChromateMinorPartition = (() => {
  const p = data.partition;
  const out = Object.fromEntries(
    MINOR_ELEMENTS.map((e) => [
      e,
      Object.fromEntries(CHROMATE_MINOR_SINKS.map((k) => [k, p[e][k].value])),
    ]),
  ) as unknown as ChromateMinorPartition;
  validateChromatePartition(out, 'data/process/chromium/minor-elements.json partition');
  return out;
})();

const zero = (): MinorFlows => ({ S: 0, P: 0, Ti: 0 });

/**
 * The chromate route's minor-element ledger.
 * @param dry_kg_per_h - Dry concentrate (major oxides) [kg/h]
 * @param contents_wt_pct - S, P, Ti of the dry concentrate [wt% of the element]
 * @returns Flows in and to each destination [kg/h]; exact closure up to round-off
 * @throws InputError for a negative or non-finite flow, a content outside [0, 100] wt%, or a
 *   bad fraction
 */
export function chromateMinorBalance(
  dry_kg_per_h: number,
  contents_wt_pct: Readonly<Record<MinorElement, number>>,
  partition: ChromateMinorPartition = CHROMATE_MINOR_PARTITION,
): ChromateMinorBalance {
  if (!(Number.isFinite(dry_kg_per_h) && dry_kg_per_h >= 0))
    throw new InputError('concentrate.dry_kg_per_h', dry_kg_per_h, 'a mass flow ≥ 0 kg/h');
  validateChromatePartition(partition, 'minor_elements.partition');
  const sinks: Record<ChromateMinorSink, MinorFlows> = {
    offgas: zero(),
    effluent: zero(),
    metal: zero(),
    slag: zero(),
  };
  const inFlow = zero();
  const residue = zero();
  for (const e of MINOR_ELEMENTS) {
    const w = contents_wt_pct[e];
    if (!(Number.isFinite(w) && w >= 0 && w <= 100))
      throw new InputError(`concentrate.${e}_wt_pct`, w, 'a content in [0, 100] wt%');
    inFlow[e] = (dry_kg_per_h * w) / 100;
    let rest = inFlow[e];
    for (const k of CHROMATE_MINOR_SINKS) {
      sinks[k][e] = partition[e][k] * inFlow[e];
      rest -= sinks[k][e];
    }
    residue[e] = rest;
  }
  return {
    in_kg_per_h: inFlow,
    offgas_kg_per_h: sinks.offgas,
    effluent_kg_per_h: sinks.effluent,
    metal_kg_per_h: sinks.metal,
    slag_kg_per_h: sinks.slag,
    residue_kg_per_h: residue,
  };
}
