/**
 * The cost step of the unit life cycle (BioSTEAM's `_cost`): each unit's design results priced
 * by the cost items of a reference class, escalated to the year of money, in the class currency.
 * Reads only design records (sizes with units) — never unit objects or process state.
 */
import { InputError } from '../../errors.js';
import type { UnitDesignRecord } from '../../process/design/design-flowsheet.js';
import { COST_CLASSES, type CostClass, type CostItem } from './cost-class.js';
import { escalationFactor } from './escalation.js';
import { fxPerUsd } from './fx-history.js';
import { itemCost } from './item-cost.js';

/** One priced unit. */
export interface UnitCostLine {
  unit_id: string;
  kind: string;
  item_id: string;
  /** Size per item and its unit (the design result the item keys on). */
  size: number;
  size_unit: string;
  count: number;
  /** Installed cost in the class currency of the year of money, before calibration [class currency]. */
  installed: number;
  /** The size lies inside the correlation's range. */
  in_range: boolean;
  /** `<class>` or `<fallback class> × factor` when the item came from the fallback class. */
  priced_by: string;
  status: CostItem['status'];
  source: string;
  /** Calibration family of the item when not the stage's (e.g. `power`). */
  family?: string;
}

/** Units whose design has sizes but which no cost item of the class (or its fallback) prices. */
export interface UnpricedUnit {
  unit_id: string;
  kind: string;
}

function value(d: UnitDesignRecord, name: string, itemId: string): number {
  const r = d.results[name];
  if (!r)
    throw new InputError(
      `units.${d.unit_id}.design.${name}`,
      undefined,
      `a design result of ${d.kind} that cost item ${itemId} keys on (${Object.keys(d.results).join(', ')})`,
    );
  return r.value;
}

function priceWith(
  d: UnitDesignRecord,
  item: CostItem,
  cls: CostClass,
  year: number,
  conversion: number,
  pricedBy: string,
): UnitCostLine {
  const size = value(d, item.size, item.id);
  const count = item.count === undefined ? 1 : value(d, item.count, item.id);
  const c = itemCost(item, size, count);
  const line: UnitCostLine = {
    unit_id: d.unit_id,
    kind: d.kind,
    item_id: item.id,
    size,
    size_unit: d.results[item.size]?.unit ?? '',
    count,
    installed: c.cost * escalationFactor(cls, item.cost_year, year) * conversion,
    in_range: c.in_range,
    priced_by: pricedBy,
    status: item.status,
    source: item.source,
  };
  // set after the literal (a conditional spread in it is built slowly), in the same key order
  if (item.family !== undefined) line.family = item.family;
  return line;
}

/**
 * Prices every unit of a design with class `cls`, in its currency of `year`.
 * @returns Lines for the priced units, and the units with sizes that no item prices
 */
export function costUnits(
  designs: readonly UnitDesignRecord[],
  cls: CostClass,
  year: number,
): { lines: UnitCostLine[]; unpriced: UnpricedUnit[] } {
  const lines: UnitCostLine[] = [];
  const unpriced: UnpricedUnit[] = [];
  const fb = cls.fallback === undefined ? undefined : COST_CLASSES[cls.fallback.class];
  for (const d of designs) {
    const own = cls.items.filter((i) => i.kinds.includes(d.kind));
    for (const item of own) lines.push(priceWith(d, item, cls, year, 1, cls.id));
    if (own.length > 0 || Object.keys(d.results).length === 0) continue;
    const borrowed = fb?.items.filter((i) => i.kinds.includes(d.kind)) ?? [];
    if (!fb || !cls.fallback || borrowed.length === 0) {
      unpriced.push({ unit_id: d.unit_id, kind: d.kind });
      continue;
    }
    for (const item of borrowed) {
      // the fallback item's cost in its own currency and year, moved to this class: factor ×
      // exchange rate of the item's cost year, then escalated with this class
      const fx =
        fxPerUsd(cls.currency, item.cost_year).value / fxPerUsd(fb.currency, item.cost_year).value;
      const line = priceWith(
        d,
        item,
        fb,
        item.cost_year,
        cls.fallback.factor.value * fx,
        `${fb.id} × ${cls.fallback.factor.value}`,
      );
      line.installed *= escalationFactor(cls, item.cost_year, year);
      line.status = line.status === 'verified' ? 'derived' : line.status;
      lines.push(line);
    }
  }
  return { lines, unpriced };
}
