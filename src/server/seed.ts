/**
 * First start: when the users table is empty, create an `admin` account with a one-time random
 * password (must be changed at first login) and the three reference Aktobe scenarios, shared
 * and owned by admin.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { parseScenario } from '../scenario/index.js';
import { ConflictError, type Store } from '../store/index.js';
import { hashPassword, randomPassword } from './password.js';

export const REFERENCE_SCENARIOS = [
  'aktobe-raw-export.yaml',
  'aktobe-stage1.yaml',
  'aktobe-stage1-2.yaml',
] as const;

/** `scenarios/` of the package (same relative place from src/server and dist/server). */
export const DEFAULT_SCENARIO_DIR = fileURLToPath(new URL('../../scenarios', import.meta.url));

export interface SeedResult {
  /** The admin's one-time password; print it once, it is stored only hashed. */
  adminPassword: string;
  scenarios: string[];
}

/**
 * Seeds an empty store; does nothing (returns undefined) when any user exists, or when another
 * process created `admin` between the check and the insert (the unique name decides).
 *
 * @param scenarioDir - Folder with the reference scenario files.
 * @param log2N - scrypt cost of the admin password hash [-].
 */
export async function seedIfEmpty(
  store: Store,
  scenarioDir: string = DEFAULT_SCENARIO_DIR,
  log2N?: number,
): Promise<SeedResult | undefined> {
  if ((await store.countUsers()) > 0) return undefined;
  const adminPassword = randomPassword();
  let admin;
  try {
    admin = await store.createUser({
      name: 'admin',
      role: 'admin',
      password_hash: await hashPassword(adminPassword, log2N),
      must_change_password: true,
    });
  } catch (error) {
    // Another instance starting at the same moment seeded first: it owns the seeding.
    if (error instanceof ConflictError) return undefined;
    throw error;
  }
  const names: string[] = [];
  for (const file of REFERENCE_SCENARIOS) {
    const text = readFileSync(join(scenarioDir, file), 'utf8');
    const parsed = parseScenario(text, file);
    if (!parsed.ok) throw new Error(`reference scenario ${file} does not validate`);
    await store.createScenario({
      owner_id: admin.id,
      name: parsed.scenario.name,
      visibility: 'shared',
      text,
      message: `reference scenario scenarios/${file}`,
    });
    names.push(parsed.scenario.name);
  }
  return { adminPassword, scenarios: names };
}
