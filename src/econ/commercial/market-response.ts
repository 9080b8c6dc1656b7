/**
 * Price response of a market to a new producer's volume (inverse demand with incumbent supply).
 *
 * With constant elasticities, demand D(x) = Q0·x^ε_d and incumbent supply S(x) = Q0·x^ε_s, x
 * the price relative to the pre-entry price P0 (where D = S = Q0). An entrant selling q clears
 * the market where D(x) = S(x) + q, i.e.
 *
 *   x^ε_d − x^ε_s = q / Q0          (ε_d < 0 ≤ ε_s)
 *
 * The left side falls strictly from +∞ (x → 0) to 0 (x = 1), so the root x ∈ (0, 1] is unique;
 * it is found by bisection on ln x in a bounded number of steps. For small shares
 * x ≈ 1 − s / (ε_s − ε_d), the textbook entrant price effect.
 */

export interface MarketResponseInput {
  /** World output (= demand) before entry [t/yr]. */
  world_market_t_per_year: number;
  /** The project's sales into the market [t/yr]. */
  project_t_per_year: number;
  /** Price elasticity of demand [-] (< 0). */
  demand_elasticity: number;
  /** Supply elasticity of the incumbents [-] (≥ 0). */
  incumbent_supply_elasticity: number;
}

export interface MarketResponse extends MarketResponseInput {
  /** Project sales ÷ world market after entry (demand at the new price) [-]. */
  market_share: number;
  /** Post-entry price ÷ pre-entry price [-]. */
  price_factor: number;
}

/** Bisection steps on ln x over [−40, 0]: 60 halvings leave < 1e-16 of the interval. */
const STEPS = 60;
const LN_X_MIN = -40;

/** The post-entry price factor and the project's market share. */
export function marketResponse(input: MarketResponseInput): MarketResponse {
  const { world_market_t_per_year: q0, project_t_per_year: q } = input;
  const ed = input.demand_elasticity;
  const es = input.incumbent_supply_elasticity;
  if (!(q0 > 0)) throw new RangeError(`world market must be > 0 t/yr, got ${q0}`);
  if (!(q >= 0)) throw new RangeError(`project volume must be ≥ 0 t/yr, got ${q}`);
  if (!(ed < 0)) throw new RangeError(`demand elasticity must be < 0, got ${ed}`);
  if (!(es >= 0)) throw new RangeError(`incumbent supply elasticity must be ≥ 0, got ${es}`);
  const s = q / q0;
  const excess = (lnX: number) => Math.exp(ed * lnX) - Math.exp(es * lnX) - s;
  let lo = LN_X_MIN;
  let hi = 0;
  for (let k = 0; k < STEPS && s > 0; k++) {
    const mid = 0.5 * (lo + hi);
    if (excess(mid) > 0) lo = mid;
    else hi = mid;
  }
  const x = s > 0 ? Math.exp(0.5 * (lo + hi)) : 1;
  const demand = q0 * Math.pow(x, ed);
  return { ...input, market_share: q / demand, price_factor: x };
}
