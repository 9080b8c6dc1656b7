/**
 * Staffing model: direct jobs and wages of a stage from positions per processing unit and per
 * plant (data/econ/staffing.json). The number of units (furnaces) follows from capacity; plant
 * and day positions scale with (capacity / reference)^exponent because shared services grow
 * sub-linearly. Checked against published headcounts in test/econ/opex/staffing.test.ts.
 */
import { z } from 'zod';
import data from '../../../data/econ/staffing.json' with { type: 'json' };
import type { StaffingPosition, StageStaffing } from '../../appraisal.js';
import { InputError } from '../../errors.js';

const shiftPosition = z.strictObject({
  role: z.string(),
  per_shift: z.number().positive(),
  wage_factor: z.number().positive(),
});
const family = z.strictObject({
  templates: z.array(z.string()),
  units: z
    .strictObject({
      name: z.string(),
      capacity_t_per_year_per_unit: z.number().positive(),
      source: z.string(),
    })
    .nullable(),
  reference_capacity_t_per_year: z.number().positive(),
  scale_exponent: z.number().min(0).max(1),
  scale_source: z.string(),
  per_unit_shift: z.array(shiftPosition),
  plant_shift: z.array(shiftPosition),
  day: z.array(
    z.strictObject({ role: z.string(), count: z.number().positive(), wage_factor: z.number() }),
  ),
});
const schema = z.strictObject({
  description: z.string(),
  unit_crews: z.strictObject({
    description: z.string(),
    status: z.enum(['verified', 'derived', 'assumed']),
    kinds: z.record(z.string(), z.array(shiftPosition)),
  }),
  crews_continuous: z.strictObject({
    value: z.int().positive(),
    unit: z.literal('1'),
    source: z.string(),
    status: z.enum(['verified', 'derived', 'assumed']),
  }),
  families: z.record(z.string(), family),
});

/** The parsed staffing data (exported for reports and tests). */
export const STAFFING_DATA = schema.parse(data);

/** A unit of the stage's design as staffing sees it. */
export interface DesignedUnit {
  kind: string;
  /** Identical items (furnaces of a furnace line; 1 otherwise). */
  count: number;
}

const SOURCE_NOTE = 'data/econ/staffing.json (positions assumed; see its description)';

/** The staffing family of a template, or undefined when the model has none for it. */
export function staffingFamily(template: string): string | undefined {
  for (const id in STAFFING_DATA.families)
    if (STAFFING_DATA.families[id]?.templates.includes(template)) return id;
  return undefined;
}

/**
 * Positions and direct jobs of a stage.
 *
 * headcount = Σ_unit-positions n_units·per_shift·crews
 *           + s·(Σ_plant-positions per_shift·crews + Σ_day count),  s = (Q/Q_ref)^k
 * with n_units = ceil(Q / Q_unit) and crews from the continuous rota.
 *
 * @param template - Template id of the stage.
 * @param capacity_t_per_year - Nameplate capacity on the family's basis [t/a].
 * @param wage_kzt_per_month - National average gross wage [KZT/month].
 * @param kzt_per_usd - Exchange rate [KZT/USD].
 * @param design - The stage's designed units (kind, count of furnaces): their furnaces and the
 *   crews of their pre-treatment units (data/econ/staffing.json unit_crews).
 * @returns Positions, direct jobs and gross wages [USD/a]; undefined when no family covers the template.
 */
export function stageStaffing(
  template: string,
  capacity_t_per_year: number,
  wage_kzt_per_month: number,
  kzt_per_usd: number,
  design?: readonly DesignedUnit[],
): StageStaffing | undefined {
  const id = staffingFamily(template);
  if (id === undefined) return undefined;
  const f = STAFFING_DATA.families[id];
  if (f === undefined) return undefined;
  if (!(capacity_t_per_year > 0))
    throw new InputError('capacity_t_per_year', capacity_t_per_year, 'a positive capacity');
  if (!(kzt_per_usd > 0)) throw new InputError('markets.fx.kzt_per_usd', kzt_per_usd, '> 0');
  const crews = STAFFING_DATA.crews_continuous.value;
  // the furnaces of the stage's design when it has them, else capacity ÷ capacity per unit
  const designed = design?.filter((u) => u.kind.endsWith('furnace')) ?? [];
  const units =
    designed.length > 0
      ? designed.reduce((n, u) => n + u.count, 0)
      : f.units
        ? Math.ceil(capacity_t_per_year / f.units.capacity_t_per_year_per_unit)
        : 1;
  const scale = Math.pow(capacity_t_per_year / f.reference_capacity_t_per_year, f.scale_exponent);
  const positions: StaffingPosition[] = [];
  // People come in whole numbers: a scaled position is rounded, and never below one person.
  const people = (n: number) => Math.max(1, Math.round(n));
  const push = (role: string, perShift: number, crewCount: number, factor: number) => {
    positions.push({
      role,
      per_shift: perShift,
      crews: crewCount,
      headcount: perShift * crewCount,
      wage_kzt_per_month: wage_kzt_per_month * factor,
      source: SOURCE_NOTE,
    });
  };
  for (const p of f.per_unit_shift)
    push(
      `${p.role} (${units} ${f.units?.name ?? 'unit'}${units > 1 ? 's' : ''})`,
      p.per_shift * units,
      crews,
      p.wage_factor,
    );
  for (const kind of new Set(design?.map((u) => u.kind)))
    for (const p of STAFFING_DATA.unit_crews.kinds[kind] ?? [])
      push(p.role, p.per_shift, crews, p.wage_factor);
  for (const p of f.plant_shift) push(p.role, people(p.per_shift * scale), crews, p.wage_factor);
  for (const p of f.day) push(p.role, people(p.count * scale), 1, p.wage_factor);
  let jobs = 0;
  let wagesKzt = 0;
  for (const p of positions) {
    jobs += p.headcount;
    wagesKzt += p.headcount * p.wage_kzt_per_month * 12;
  }
  return { positions, direct_jobs: jobs, wages_usd_per_year: wagesKzt / kzt_per_usd };
}
