/**
 * The units chromflow understands at its edges (scenario files, API, reports), each as a
 * factor to the canonical unit of its dimension. Inside the model every number is in the unit
 * named by its key (`capacity_t_per_year`, `T_K`, …); this table only serves conversion of
 * values a user wrote with an explicit `unit`.
 *
 * Currencies are dimensions of their own: converting USD to KZT needs an exchange rate, which
 * is dated scenario data (markets.fx), never a constant here.
 *
 * Sources: SI Brochure, 9th ed. (BIPM 2019) for SI prefixes and the hour/day; the tonne and
 * the year (365 d, "a" in ISO 80000-3) are accepted non-SI units; 1 lb = 0.45359237 kg exactly
 * (International yard and pound agreement, 1959); 1 short ton = 2000 lb = 907.18474 kg.
 */

export interface UnitDef {
  /** Dimension label; units convert only within one dimension. */
  dim: string;
  /** Multiply a value in this unit by `factor` to get the canonical unit of `dim`. */
  factor: number;
  /** Additive offset after scaling (temperature only): canonical = value·factor + offset. */
  offset?: number;
}

const LB_kg = 0.45359237;

export const UNIT_TABLE: Readonly<Record<string, UnitDef>> = {
  // dimensionless
  '1': { dim: 'ratio', factor: 1 },
  fraction: { dim: 'ratio', factor: 1 },
  '%': { dim: 'ratio', factor: 0.01 },
  ppm: { dim: 'ratio', factor: 1e-6 },
  // mass [kg]
  kg: { dim: 'mass', factor: 1 },
  g: { dim: 'mass', factor: 1e-3 },
  t: { dim: 'mass', factor: 1e3 },
  kt: { dim: 'mass', factor: 1e6 },
  Mt: { dim: 'mass', factor: 1e9 },
  lb: { dim: 'mass', factor: LB_kg },
  'short-ton': { dim: 'mass', factor: 2000 * LB_kg },
  // time [s]
  s: { dim: 'time', factor: 1 },
  min: { dim: 'time', factor: 60 },
  h: { dim: 'time', factor: 3600 },
  d: { dim: 'time', factor: 86400 },
  year: { dim: 'time', factor: 365 * 86400 },
  // A month as one twelfth of the 365-day year (wages are quoted per month).
  month: { dim: 'time', factor: (365 * 86400) / 12 },
  a: { dim: 'time', factor: 365 * 86400 },
  // energy [J]
  J: { dim: 'energy', factor: 1 },
  kJ: { dim: 'energy', factor: 1e3 },
  MJ: { dim: 'energy', factor: 1e6 },
  GJ: { dim: 'energy', factor: 1e9 },
  Wh: { dim: 'energy', factor: 3600 },
  kWh: { dim: 'energy', factor: 3.6e6 },
  MWh: { dim: 'energy', factor: 3.6e9 },
  GWh: { dim: 'energy', factor: 3.6e12 },
  // power [W]
  W: { dim: 'power', factor: 1 },
  kW: { dim: 'power', factor: 1e3 },
  MW: { dim: 'power', factor: 1e6 },
  MVA: { dim: 'apparent-power', factor: 1e6 },
  // temperature [K]
  K: { dim: 'temperature', factor: 1 },
  degC: { dim: 'temperature', factor: 1, offset: 273.15 },
  '°C': { dim: 'temperature', factor: 1, offset: 273.15 },
  // length, area, volume
  m: { dim: 'length', factor: 1 },
  mm: { dim: 'length', factor: 1e-3 },
  um: { dim: 'length', factor: 1e-6 },
  µm: { dim: 'length', factor: 1e-6 },
  km: { dim: 'length', factor: 1e3 },
  ha: { dim: 'area', factor: 1e4 },
  m3: { dim: 'volume', factor: 1 },
  L: { dim: 'volume', factor: 1e-3 },
  Nm3: { dim: 'normal-volume', factor: 1 },
  // amount
  mol: { dim: 'amount', factor: 1 },
  kmol: { dim: 'amount', factor: 1e3 },
  // pressure [Pa]
  Pa: { dim: 'pressure', factor: 1 },
  kPa: { dim: 'pressure', factor: 1e3 },
  bar: { dim: 'pressure', factor: 1e5 },
  // counts and currencies (no conversion between currencies here)
  person: { dim: 'count', factor: 1 },
  jobs: { dim: 'count', factor: 1 },
  USD: { dim: 'USD', factor: 1 },
  MUSD: { dim: 'USD', factor: 1e6 },
  KZT: { dim: 'KZT', factor: 1 },
  RMB: { dim: 'RMB', factor: 1 },
  EUR: { dim: 'EUR', factor: 1 },
  ZAR: { dim: 'ZAR', factor: 1 },
  'CO2-t': { dim: 'mass', factor: 1e3 },
  // Metric tonne unit: 1 % of a tonne of the priced oxide (10 kg), the unit of chrome-ore quotes.
  dmtu: { dim: 'mass', factor: 10 },
};
