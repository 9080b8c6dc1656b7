/**
 * The NPV bridge between two appraisals: the change in NPV split by driver so that the parts
 * add up exactly to NPV(b) − NPV(a).
 *
 * Each appraisal's NPV is Σ DF_t·(revenue − opex − capex − ΔWC − tax − closure)_t, so
 * ΔNPV = ΔPV(revenue) − ΔPV(opex) − ΔPV(capex) − ΔPV(ΔWC) − ΔPV(tax) − ΔPV(closure).
 * Revenue is split into a price and a volume effect on contained chromium (the common measure
 * of concentrate, ferrochrome and metal): with V = PV(t Cr sold) and p = PV(revenue)/V,
 * price = (p_b − p_a)·V_a and volume = p_b·(V_b − V_a). Opex is split by cost category in
 * proportion to each appraisal's nameplate opex lines (exact in total; in ramp-up years fixed
 * and variable costs scale differently, so the split between categories is approximate).
 */
import type { Appraisal, OpexLine } from '../appraisal.js';
import { InputError } from '../errors.js';

export interface BridgeStep {
  driver: string;
  /** Contribution to NPV(b) − NPV(a) [USD]. */
  delta_usd: number;
}

const OPEX_GROUPS: readonly [string, readonly OpexLine['category'][]][] = [
  ['opex: feed', ['feed']],
  ['opex: consumables', ['consumable']],
  ['opex: energy', ['energy']],
  ['opex: labour', ['labour']],
  ['opex: maintenance, insurance, overheads', ['maintenance', 'insurance', 'overhead']],
  ['opex: logistics', ['logistics']],
];

interface Pv {
  revenue: number;
  opex: number;
  capex: number;
  wc: number;
  tax: number;
  closure: number;
  crT: number;
  opexShares: number[];
}

function pvOf(a: Appraisal, label: string): Pv {
  if (!a.metrics || a.cashflow.length === 0)
    throw new InputError(
      label,
      a.scenario.name,
      'an appraisal with a cash flow (every stage computed)',
    );
  const pv: Pv = {
    revenue: 0,
    opex: 0,
    capex: 0,
    wc: 0,
    tax: 0,
    closure: 0,
    crT: 0,
    opexShares: [],
  };
  for (const r of a.cashflow) {
    const df = r.discount_factor;
    pv.revenue += df * r.revenue_usd;
    pv.opex += df * r.opex_usd;
    pv.capex += df * r.capex_usd;
    pv.wc += df * r.working_capital_change_usd;
    pv.tax += df * r.tax_usd;
    pv.closure += df * r.closure_cost_usd;
    pv.crT += df * r.production_cr_t;
  }
  let total = 0;
  const groups = OPEX_GROUPS.map(() => 0);
  for (const s of a.stages)
    for (const l of s.opex?.lines ?? []) {
      total += l.cost_usd_per_year;
      const g = OPEX_GROUPS.findIndex(([, cats]) => cats.includes(l.category));
      if (g >= 0) groups[g] = (groups[g] ?? 0) + l.cost_usd_per_year;
    }
  pv.opexShares = groups.map((g) => (total > 0 ? g / total : 0));
  return pv;
}

/**
 * @param a - The appraisal bridged from.
 * @param b - The appraisal bridged to.
 * @returns Steps whose `delta_usd` add up to b.metrics.npv_usd − a.metrics.npv_usd (to round-off).
 */
export function npvBridge(a: Appraisal, b: Appraisal): BridgeStep[] {
  const pa = pvOf(a, 'a');
  const pb = pvOf(b, 'b');
  const priceA = pa.crT > 0 ? pa.revenue / pa.crT : 0;
  const priceB = pb.crT > 0 ? pb.revenue / pb.crT : 0;
  const steps: BridgeStep[] = [];
  if (pa.crT > 0 && pb.crT > 0) {
    steps.push({ driver: 'price (per t contained Cr)', delta_usd: (priceB - priceA) * pa.crT });
    steps.push({ driver: 'volume (t contained Cr)', delta_usd: priceB * (pb.crT - pa.crT) });
  } else {
    steps.push({ driver: 'revenue', delta_usd: pb.revenue - pa.revenue });
  }
  OPEX_GROUPS.forEach(([name], g) => {
    const d = -((pb.opexShares[g] ?? 0) * pb.opex - (pa.opexShares[g] ?? 0) * pa.opex);
    steps.push({ driver: name, delta_usd: d });
  });
  steps.push({ driver: 'capex', delta_usd: -(pb.capex - pa.capex) });
  steps.push({ driver: 'working capital', delta_usd: -(pb.wc - pa.wc) });
  steps.push({ driver: 'tax', delta_usd: -(pb.tax - pa.tax) });
  steps.push({ driver: 'closure', delta_usd: -(pb.closure - pa.closure) });
  return steps;
}
