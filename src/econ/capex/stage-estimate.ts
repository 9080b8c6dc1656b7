/**
 * A stage's capital cost from its priced units (bottom-up, AACE class 4–5): the installed unit
 * costs (inside battery limits) × the class calibration, plus off-sites, indirects, the location
 * factor to Kazakhstan, owner's cost and contingency — each added once, never on top of a figure
 * that already holds it.
 *
 *   ISBL = Σ k_i · installed_i          (k: calibration of the class and plant family of the item)
 *   OSBL = o · ISBL  (greenfield sites)  D = ISBL + OSBL, I = i · D
 *   C    = L · (D + I)                   (L: location factor of the class to Kazakhstan)
 *   O    = w · C,  X = x · (C + O),      total = f · (C + O + X) / fx
 *
 * with f the stage's capex factor (1 unless sampled) and fx the class currency per USD.
 */
import type { CostClass } from './cost-class.js';
import type { UnitCostLine } from './unit-costs.js';

export interface EstimateSettings {
  cls: CostClass;
  /** Calibration factor of the class and plant family, k [–]. */
  calibration_factor: number;
  /** Calibration of items of another family (`UnitCostLine.family`, e.g. `power`) [–]. */
  calibration_by_family?: Readonly<Record<string, number>>;
  site: 'greenfield' | 'brownfield';
  /** Location factor to the site, L [–]. */
  location_factor: number;
  /** Off-sites as % of ISBL (greenfield), o [%]. */
  osbl_pct: number;
  /** Indirects as % of ISBL + OSBL, i [%]. */
  indirect_pct: number;
  owners_cost_pct: number;
  contingency_pct: number;
  aace_class: 3 | 4 | 5;
  accuracy_low_pct: number;
  accuracy_high_pct: number;
  /** Stage capex factor f [–] (the uncertainty handle; 1 by default). */
  capex_factor: number;
  /** Class currency per USD in the year of money [currency/USD]. */
  currency_per_usd: number;
}

/** A unit's share of the capital cost (the item's source is in the stage's sources). */
export interface UnitCapex extends Omit<UnitCostLine, 'installed' | 'source'> {
  /** Installed cost at the site after calibration, location and capex factor [USD]. */
  installed_usd: number;
}

export interface StageCapexEstimate {
  reference_class: string;
  currency: string;
  units: UnitCapex[];
  /** Σ unit installed costs (inside battery limits) [USD]. */
  isbl_usd: number;
  /** Off-sites: utilities, storage, infrastructure, buildings outside the process areas [USD]. */
  osbl_usd: number;
  /** Design, engineering and construction management [USD]. */
  indirect_usd: number;
  owners_cost_usd: number;
  contingency_usd: number;
  total_usd: number;
  accuracy_usd: { low: number; high: number; aace_class: 3 | 4 | 5 };
  calibration_factor: number;
  location_factor: number;
  capex_factor: number;
  currency_per_usd: number;
  warnings: string[];
}

/**
 * A unit's share of the capex: its cost line with the installed cost at the site in place of the
 * class-currency cost, without the item's source (the estimate's sources list it). Written out,
 * not as a rest copy of the line: V8 builds a rest copy key by key, ≈ 2 % of a Monte Carlo
 * sample that re-costs the stage.
 */
function unitCapex(l: UnitCostLine, installed_usd: number): UnitCapex {
  const { unit_id, kind, item_id, size, size_unit, count, in_range, priced_by, status } = l;
  const u: UnitCapex = {
    unit_id,
    kind,
    item_id,
    size,
    size_unit,
    count,
    in_range,
    priced_by,
    status,
    installed_usd,
  };
  // a borrowed item's calibration family (stored by name after the literal: one shape each)
  if (l.family !== undefined) u.family = l.family;
  return u;
}

/**
 * @param lines - Priced units in the class currency of the year of money (src/econ/capex/unit-costs.ts)
 * @returns The estimate in USD of the year of money, with its breakdown adding up to the total
 */
export function estimateStage(
  lines: readonly UnitCostLine[],
  s: EstimateSettings,
): StageCapexEstimate {
  const kOf = (l: UnitCostLine): number =>
    l.family === undefined ? s.calibration_factor : (s.calibration_by_family?.[l.family] ?? 1);
  const site = (s.location_factor * s.capex_factor) / s.currency_per_usd; // class currency → USD at the site
  let isbl = 0;
  for (const l of lines) isbl += kOf(l) * l.installed;
  const osbl = s.site === 'greenfield' ? isbl * (s.osbl_pct / 100) : 0;
  const indirect = (isbl + osbl) * (s.indirect_pct / 100);
  const constructed = s.location_factor * (isbl + osbl + indirect);
  const owners = constructed * (s.owners_cost_pct / 100);
  const contingency = (constructed + owners) * (s.contingency_pct / 100);
  const toUsd = s.capex_factor / s.currency_per_usd;
  const total = (constructed + owners + contingency) * toUsd;
  const warnings = lines
    .filter((l) => !l.in_range)
    .map(
      (l) =>
        `unit ${l.unit_id}: ${l.item_id} size ${l.size.toPrecision(4)} ${l.size_unit} is outside the correlation's range (data/capex/classes/${s.cls.id}.json)`,
    );
  return {
    reference_class: s.cls.id,
    currency: s.cls.currency,
    units: lines.map((l) => unitCapex(l, kOf(l) * l.installed * site)),
    isbl_usd: isbl * site,
    osbl_usd: osbl * site,
    indirect_usd: indirect * site,
    owners_cost_usd: owners * toUsd,
    contingency_usd: contingency * toUsd,
    total_usd: total,
    accuracy_usd: {
      low: total * (1 + s.accuracy_low_pct / 100),
      high: total * (1 + s.accuracy_high_pct / 100),
      aace_class: s.aace_class,
    },
    calibration_factor: s.calibration_factor,
    location_factor: s.location_factor,
    capex_factor: s.capex_factor,
    currency_per_usd: s.currency_per_usd,
    warnings,
  };
}
