import type { Appraisal } from '../appraisal.js';

/**
 * The numeric outputs of an appraisal that a Monte Carlo run can track, by stable name:
 * `stages.<id>.capex_usd`, `stages.<id>.kpis.<name>`, and (once economics are computed)
 * `metrics.<name>`, `impact.<name>`, `emissions.<name>`. Non-numbers are skipped.
 */
export function appraisalOutputs(a: Appraisal): Map<string, number> {
  const out = new Map<string, number>();
  for (const st of a.stages) {
    if (st.capex_usd !== null) out.set(`stages.${st.id}.capex_usd`, st.capex_usd);
    for (const [k, v] of Object.entries(st.kpis)) out.set(`stages.${st.id}.kpis.${k}`, v);
    st.products.forEach((p) =>
      out.set(`stages.${st.id}.products.${p.id}.t_per_year`, p.t_per_year),
    );
    if (st.opex_usd_per_year !== null)
      out.set(`stages.${st.id}.opex_usd_per_year`, st.opex_usd_per_year);
    if (st.revenue_usd_per_year !== null)
      out.set(`stages.${st.id}.revenue_usd_per_year`, st.revenue_usd_per_year);
    if (st.metrics) {
      out.set(`stages.${st.id}.metrics.npv_usd`, st.metrics.npv_usd);
      if (st.metrics.irr !== null) out.set(`stages.${st.id}.metrics.irr`, st.metrics.irr);
    }
  }
  const sections: [string, unknown][] = [
    ['metrics', a.metrics],
    ['impact', a.impact],
    ['emissions', a.emissions],
  ];
  for (const [section, value] of sections) {
    if (typeof value !== 'object' || value === null) continue;
    for (const [k, v] of Object.entries(value)) {
      if (typeof v === 'number') out.set(`${section}.${k}`, v);
    }
  }
  return out;
}
