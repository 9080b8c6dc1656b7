// First-start seeding: admin with a one-time password that verifies and must be changed, the
// three reference scenarios shared and owned by admin, and exactly one seeding when two
// instances start on the same empty database at once.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { REFERENCE_SCENARIOS, seedIfEmpty, verifyPassword } from '../../src/server/index.js';
import type { KyselyStore } from '../../src/store/index.js';
import { ROOT } from '../helpers/run-cli.js';
import { BACKENDS } from '../helpers/store-backends.js';

describe.each(BACKENDS)('seeding on $name', (backend) => {
  let store: KyselyStore | undefined;
  afterEach(async () => {
    if (store) await backend.dispose(store);
    store = undefined;
  });

  it('creates admin (must change password) and the shared reference scenarios', async () => {
    store = await backend.open();
    const seeded = await seedIfEmpty(store, undefined, 10);
    expect(seeded?.adminPassword).toMatch(/^[\w-]{24}$/);
    const admin = await store.findUserForLogin('admin');
    expect(admin).toMatchObject({ role: 'admin', must_change_password: true });
    expect(await verifyPassword(seeded?.adminPassword ?? '', admin?.password_hash ?? '')).toBe(
      true,
    );
    expect(admin?.password_hash).not.toContain(seeded?.adminPassword);
    const scenarios = await store.listAllScenarios();
    expect(scenarios).toHaveLength(3);
    expect(scenarios.every((s) => s.visibility === 'shared' && s.owner_id === admin?.id)).toBe(
      true,
    );
    const texts = await Promise.all(scenarios.map((s) => store!.getVersion(s.id, 1)));
    const files = REFERENCE_SCENARIOS.map((f) => readFileSync(join(ROOT, 'scenarios', f), 'utf8'));
    expect(texts.map((v) => v?.text).sort()).toEqual([...files].sort());
    expect(await seedIfEmpty(store, undefined, 10)).toBeUndefined();
  });

  it('seeds once when two instances start together', async () => {
    store = await backend.open();
    const results = await Promise.all([
      seedIfEmpty(store, undefined, 10),
      seedIfEmpty(store, undefined, 10),
    ]);
    expect(results.filter((r) => r !== undefined)).toHaveLength(1);
    expect(await store.countUsers()).toBe(1);
    expect(await store.listAllScenarios()).toHaveLength(3);
  });
});
