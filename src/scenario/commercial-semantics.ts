/**
 * Cross-field rules of the commercial sections: one quotation basis per product, a deck whose
 * long-term price is in that basis, a price point consistent with the logistics given, supply
 * contracts that name a priced product, and sampled price paths that name a deck.
 */
import { DECK_LONG_TERM_KEYS } from './commercial-schema.js';
import type { Scenario } from './schema.js';
import type { SemanticIssue } from './semantics.js';

/** The quotation keys of a product; a price formula counts as one basis. */
export const PRODUCT_PRICE_KEYS = [
  'price_usd_per_t',
  'price_usd_per_lb_cr',
  'price_rmb_per_t_50pct_cr_vat_incl',
  'price_rmb_per_t_vat_incl',
  'price_formula',
] as const;

type Product = Scenario['markets']['products'][number];

/** The key the product is quoted in (the deck and premium refer to it). */
export function quoteKey(p: Product): keyof typeof DECK_LONG_TERM_KEYS | undefined {
  if (p.price_formula)
    return p.price_formula.basis_rmb_per_dmtu_vat_incl
      ? 'basis_rmb_per_dmtu_vat_incl'
      : 'basis_usd_per_dmtu';
  return PRODUCT_PRICE_KEYS.find((k) => k !== 'price_formula' && p[k] !== undefined) as
    keyof typeof DECK_LONG_TERM_KEYS | undefined;
}

function productIssues(p: Product, i: number, issues: SemanticIssue[]): void {
  const at = ['markets', 'products', i];
  const given = PRODUCT_PRICE_KEYS.filter((k) => p[k] !== undefined);
  if (given.length !== 1)
    issues.push({
      severity: 'error',
      path: at,
      message:
        given.length === 0
          ? `missing required price: give exactly one of ${PRODUCT_PRICE_KEYS.join(', ')}`
          : `give exactly one price basis, found ${given.join(' and ')}`,
    });
  const f = p.price_formula;
  if (f) {
    if (p.id !== 'chromite-concentrate')
      issues.push({
        severity: 'error',
        path: [...at, 'price_formula'],
        value: p.id,
        message: 'a dmtu price formula prices chromite-concentrate only',
      });
    if ((f.basis_rmb_per_dmtu_vat_incl === undefined) === (f.basis_usd_per_dmtu === undefined))
      issues.push({
        severity: 'error',
        path: [...at, 'price_formula'],
        message: 'give exactly one of basis_rmb_per_dmtu_vat_incl, basis_usd_per_dmtu',
      });
  }
  if (
    p.logistics_usd_per_t !== undefined &&
    p.price_point !== undefined &&
    p.price_point !== 'other'
  )
    issues.push({
      severity: 'error',
      path: [...at, 'logistics_usd_per_t'],
      value: p.price_point,
      message:
        'logistics_usd_per_t is the whole deduction of price_point "other"; a route point uses the legs of markets.logistics',
    });
  if (p.origin_premium_rmb_per_t_50pct_cr_vat_incl && !p.price_rmb_per_t_50pct_cr_vat_incl)
    issues.push({
      severity: 'error',
      path: [...at, 'origin_premium_rmb_per_t_50pct_cr_vat_incl'],
      message: 'a 50 %-Cr-basis premium needs a price_rmb_per_t_50pct_cr_vat_incl quotation',
    });
  const key = quoteKey(p);
  if (p.deck && key) {
    const wanted = DECK_LONG_TERM_KEYS[key];
    const present = Object.values(DECK_LONG_TERM_KEYS).filter((k) => p.deck?.[k] !== undefined);
    if (present.length !== 1 || present[0] !== wanted)
      issues.push({
        severity: 'error',
        path: [...at, 'deck'],
        value: present,
        message: `the deck's long-term price must be in the quotation's basis: give ${wanted} (and no other long_term_* key)`,
      });
  }
}

function feedIssues(s: Scenario, issues: SemanticIssue[]): void {
  const priced = new Set(s.markets.products.map((p) => p.id));
  s.feeds.forEach((f, i) => {
    const c = f.contract;
    if (!c) return;
    if (c.price === 'market' && !priced.has(c.product))
      issues.push({
        severity: 'error',
        path: ['feeds', i, 'contract', 'product'],
        value: c.product,
        message: `a market-priced contract needs a price for "${c.product}" in markets.products`,
      });
    if (c.price === 'fixed' && f.price_usd_per_t === undefined)
      issues.push({
        severity: 'error',
        path: ['feeds', i, 'price_usd_per_t'],
        message: 'a fixed-price contract needs the feed price_usd_per_t',
      });
    if (c.price === 'market' && f.price_usd_per_t !== undefined)
      issues.push({
        severity: 'error',
        path: ['feeds', i, 'price_usd_per_t'],
        message: 'give either price_usd_per_t (fixed) or contract.price: market, not both',
      });
    if (f.supply_t_per_year === undefined)
      issues.push({
        severity: 'error',
        path: ['feeds', i, 'supply_t_per_year'],
        message: 'a contract needs its volume: supply_t_per_year',
      });
  });
}

function pathIssues(s: Scenario, issues: SemanticIssue[]): void {
  const pp = s.uncertainty?.price_paths;
  if (!pp) return;
  const decks = new Map(s.markets.products.map((p) => [p.id, p.deck]));
  pp.series.forEach((name, k) => {
    if (name === 'electricity') return;
    const d = decks.get(name);
    if (!d?.volatility_per_sqrt_year)
      issues.push({
        severity: 'error',
        path: ['uncertainty', 'price_paths', 'series', k],
        value: name,
        message:
          'a sampled price path needs a product with a deck and its volatility_per_sqrt_year (or "electricity")',
      });
  });
  pp.shock_correlations.forEach((c, i) => {
    c.between.forEach((name, j) => {
      if (!pp.series.includes(name))
        issues.push({
          severity: 'error',
          path: ['uncertainty', 'price_paths', 'shock_correlations', i, 'between', j],
          value: name,
          message: 'correlations may only name the series of uncertainty.price_paths',
        });
    });
  });
  const sampled = new Set(s.uncertainty?.parameters.map((p) => p.path) ?? []);
  for (const name of pp.series) {
    const clash = [...sampled].find((path) =>
      name === 'electricity'
        ? path === 'markets.electricity.tariff_kzt_per_kwh'
        : // The price response (market size, elasticities) is not the price: it may be sampled.
          path.startsWith(`markets.products.${name}.`) &&
          !path.startsWith(`markets.products.${name}.market_response.`),
    );
    if (clash)
      issues.push({
        severity: 'error',
        path: ['uncertainty', 'price_paths', 'series'],
        value: clash,
        message: `"${name}" is sampled as a price path; remove its scalar distribution`,
      });
  }
}

/** Checks the commercial sections of a parsed scenario. */
export function checkCommercialSemantics(s: Scenario): SemanticIssue[] {
  const issues: SemanticIssue[] = [];
  s.markets.products.forEach((p, i) => {
    productIssues(p, i, issues);
  });
  feedIssues(s, issues);
  pathIssues(s, issues);
  return issues;
}
