import { molarMass_g_per_mol, ATOMIC_MASS_G_PER_MOL } from '../chem/formula-elements.js';
import type { ComponentModel } from './components.js';
import { passingSize_um } from './sieve.js';
import { elementFlows, solids_kg_per_h, totalMass_kg_per_h, type Stream } from './stream.js';

/** kg Cr2O3 per kg Cr: M(Cr2O3) / (2 M(Cr)) = 1.4616 (assay convention: Cr reported as Cr2O3). */
export const CR2O3_PER_CR = molarMass_g_per_mol('Cr2O3') / (2 * (ATOMIC_MASS_G_PER_MOL.Cr ?? NaN));

/** Derived assays of a stream (never stored on the stream). */
export interface Assays {
  /** Cr expressed as Cr2O3, on dry solids [wt%] (null without solids). */
  cr2o3_wt_pct: number | null;
  /** Mass ratio Cr/Fe (total Fe) [-] (null without Fe). */
  cr_fe_ratio: number | null;
  /** Solids in the pulp [wt%] (null for an empty stream). */
  solids_wt_pct: number | null;
  /** 80 % passing size of the solids [µm] (null without sized solids). */
  p80_um: number | null;
}

/**
 * Computes the assays of a stream.
 * @param scratch - Optional work array of length ≥ max(model.nEl, model.nSize) to avoid allocation
 */
export function assays(model: ComponentModel, s: Stream, scratch?: Float64Array): Assays {
  const w = scratch ?? new Float64Array(Math.max(model.nEl, model.nSize));
  const solids = solids_kg_per_h(model, s);
  const total = totalMass_kg_per_h(s);
  elementFlows(model, s, w);
  const cr = model.el.Cr >= 0 ? (w[model.el.Cr] ?? 0) : 0;
  const fe = model.el.Fe >= 0 ? (w[model.el.Fe] ?? 0) : 0;
  const out: Assays = {
    cr2o3_wt_pct: solids > 0 ? ((cr * CR2O3_PER_CR) / solids) * 100 : null,
    cr_fe_ratio: fe > 0 ? cr / fe : null,
    solids_wt_pct: total > 0 ? (solids / total) * 100 : null,
    p80_um: null,
  };
  const p80 = p80_um(model, s, w);
  out.p80_um = Number.isFinite(p80) ? p80 : null;
  return out;
}

/**
 * P80 of all sized solids of a stream [µm] (NaN if none).
 * @param scratch - Work array of length ≥ model.nSize
 */
export function p80_um(model: ComponentModel, s: Stream, scratch: Float64Array): number {
  return passingSizeAll_um(model, s.sized, 0.8, scratch);
}

/** Size passing fraction `p` of the aggregate of all minerals in a size matrix [µm]. */
export function passingSizeAll_um(
  model: ComponentModel,
  sized: Float64Array,
  p: number,
  scratch: Float64Array,
): number {
  const n = model.nSize;
  for (let k = 0; k < n; k++) scratch[k] = 0;
  for (let r = 0; r < model.nMin; r++) {
    const o = r * n;
    for (let k = 0; k < n; k++) scratch[k] = (scratch[k] ?? 0) + (sized[o + k] ?? 0);
  }
  return passingSize_um(model.sieve, scratch, p);
}
