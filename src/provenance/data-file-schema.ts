import { z } from 'zod';
import type { DataFile } from './data-value.js';

const dataValueSchema = z.strictObject({
  value: z.number().refine(Number.isFinite, 'expected a finite number'),
  unit: z.string().min(1),
  source: z.string().min(10, 'expected a full citation or "assumed: <reason>"'),
  status: z.enum(['verified', 'derived', 'assumed']),
  range: z.tuple([z.number(), z.number()]).optional(),
  date: z
    .string()
    .regex(/^\d{4}(-\d{2})?$/)
    .optional(),
  note: z.string().optional(),
});

export const dataFileSchema = z.strictObject({
  description: z.string().min(20),
  values: z.record(z.string(), dataValueSchema),
});

/**
 * Checks a reference-data file when it is loaded, so a malformed value (missing source or unit,
 * status not one of verified/derived/assumed) fails loudly instead of leaking into results.
 *
 * @param name - Data file id for the error message, e.g. `markets/fx`.
 * @param json - The imported JSON.
 */
export function checkDataFile(name: string, json: unknown): DataFile {
  const result = dataFileSchema.safeParse(json);
  if (!result.success) {
    const first = result.error.issues[0];
    throw new Error(
      `data/${name}.json: ${first?.path.join('.') ?? ''}: ${first?.message ?? 'invalid'}`,
    );
  }
  const file: DataFile = { description: result.data.description, values: {} };
  for (const [key, v] of Object.entries(result.data.values)) {
    file.values[key] = {
      value: v.value,
      unit: v.unit,
      source: v.source,
      status: v.status,
      ...(v.range ? { range: v.range } : {}),
      ...(v.date !== undefined ? { date: v.date } : {}),
      ...(v.note !== undefined ? { note: v.note } : {}),
    };
  }
  return file;
}
