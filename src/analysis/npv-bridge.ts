/**
 * The NPV bridge between two appraisals, in one stakeholder view: the change in NPV split by
 * driver so that the parts add up exactly to NPV(b) − NPV(a). The economy view (every entity in
 * Kazakhstan, the mine included, sales between them netted) is the like-for-like comparison of
 * a processing scenario with raw export; the investor view bridges the project companies.
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
import type { CashflowRow } from '../econ/cashflow/types.js';

/** Which stakeholder's cash flow is bridged. */
export type BridgeView = 'economy' | 'investor';
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

/** The rows and the nameplate opex by category of a view. */
function viewOf(
  a: Appraisal,
  view: BridgeView,
): { rows: readonly CashflowRow[]; opex: Record<string, number> } {
  if (view === 'economy' && a.views)
    return { rows: a.views.economy.cashflow, opex: a.views.economy.opex_usd_per_year_by_category };
  const opex: Record<string, number> = {};
  for (const s of a.stages)
    for (const l of s.opex?.lines ?? [])
      opex[l.category] = (opex[l.category] ?? 0) + l.cost_usd_per_year;
  return { rows: a.cashflow, opex };
}

/** NPV of a view's rows (the bridge's total). */
export function viewNpv(a: Appraisal, view: BridgeView): number {
  let v = 0;
  for (const r of viewOf(a, view).rows) v += r.discount_factor * r.free_cash_flow_usd;
  return v;
}

function pvOf(a: Appraisal, label: string, view: BridgeView): Pv {
  if (!a.metrics || a.cashflow.length === 0 || (view === 'economy' && !a.views))
    throw new InputError(
      label,
      a.scenario.name,
      'an appraisal with a cash flow (every stage computed)',
    );
  const { rows, opex } = viewOf(a, view);
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
  for (const r of rows) {
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
  for (const [category, cost] of Object.entries(opex)) {
    total += cost;
    const g = OPEX_GROUPS.findIndex(([, cats]) => (cats as readonly string[]).includes(category));
    if (g >= 0) groups[g] = (groups[g] ?? 0) + cost;
  }
  pv.opexShares = groups.map((g) => (total > 0 ? g / total : 0));
  return pv;
}

/**
 * @param a - The appraisal bridged from.
 * @param b - The appraisal bridged to.
 * @param view - The stakeholder view (default economy).
 * @returns Steps whose `delta_usd` add up to viewNpv(b) − viewNpv(a) (to round-off); in the
 *   investor view that is b.metrics.npv_usd − a.metrics.npv_usd.
 */
export function npvBridge(a: Appraisal, b: Appraisal, view: BridgeView = 'economy'): BridgeStep[] {
  const pa = pvOf(a, 'a', view);
  const pb = pvOf(b, 'b', view);
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
