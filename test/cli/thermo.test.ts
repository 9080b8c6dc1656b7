// CLI contract of `chromflow thermo` (docs/cli.md): JSON shapes, tables, exit codes.
// Two cases spawn the real CLI; the others run the same commander program in-process (fast).
import { Command } from '@commander-js/extra-typings';
import { describe, expect, it, vi } from 'vitest';
import { register } from '../../src/cli/commands/thermo.js';
import { runMain } from '../../src/cli/run-main.js';
import { runCli } from '../helpers/run-cli.js';

/** process.exitCode as set by runMain (read through a function: TS narrows the property). */
function exitCodeNow(): number {
  const c = process.exitCode as number | string | null | undefined;
  return c === undefined || c === null ? 0 : Number(c);
}

async function run(args: string[]): Promise<{ status: number; stdout: string; stderr: string }> {
  const program = new Command().name('chromflow');
  program.configureOutput({ writeErr: () => undefined, writeOut: () => undefined });
  register(program);
  let stdout = '';
  let stderr = '';
  const out = vi.spyOn(process.stdout, 'write').mockImplementation((s) => {
    stdout += String(s);
    return true;
  });
  const err = vi.spyOn(process.stderr, 'write').mockImplementation((s) => {
    stderr += String(s);
    return true;
  });
  const argv = process.argv;
  process.argv = ['node', 'chromflow', ...args];
  process.exitCode = undefined;
  try {
    await runMain(program);
  } finally {
    process.argv = argv;
    out.mockRestore();
    err.mockRestore();
  }
  const status = exitCodeNow();
  process.exitCode = undefined;
  return { status, stdout, stderr };
}

describe('chromflow thermo (spawned)', () => {
  it('species --json returns one row per temperature with the documented keys', () => {
    const r = runCli(['thermo', 'species', 'Cr2O3', '--T', '298.15,1000,1500', '--json']);
    expect(r.status).toBe(0);
    const rows = JSON.parse(r.stdout) as Record<string, unknown>[];
    expect(rows).toHaveLength(3);
    expect(Object.keys(rows[0] ?? {}).sort()).toEqual(
      [
        'species',
        'phase',
        'T_K',
        'cp_J_per_mol_K',
        'h_kJ_per_mol',
        's_J_per_mol_K',
        'g_kJ_per_mol',
      ].sort(),
    );
    expect(rows[0]?.['h_kJ_per_mol']).toBeCloseTo(-1134.701, 3);
    expect(rows[0]?.['phase']).toBe('cr');
  });
  it('an unknown species exits with code 2 and names the argument', () => {
    const r = runCli(['thermo', 'species', 'Qq2', '--T', '300']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/formula: found "Qq2"/);
  });
});

describe('chromflow thermo (in-process)', () => {
  it('reaction --json and adiabatic --json follow the contract', async () => {
    const r = await run([
      'thermo',
      'reaction',
      'Cr2O3 + 2Al = 2Cr + Al2O3',
      '--T',
      '298.15,1000',
      '--json',
    ]);
    expect(r.status).toBe(0);
    const rows = JSON.parse(r.stdout) as Record<string, number>[];
    expect(rows).toHaveLength(2);
    expect(Object.keys(rows[0] ?? {}).sort()).toEqual(['K', 'T_K', 'dG_kJ', 'dH_kJ', 'dS_J_per_K']);
    const a = await run([
      'thermo',
      'adiabatic',
      'Cr2O3 + 2Al = 2Cr + Al2O3',
      '--T0',
      '298.15',
      '--json',
    ]);
    expect(a.status).toBe(0);
    const ad = JSON.parse(a.stdout) as { T_ad_K: number; molten_fraction: Record<string, number> };
    expect(Object.keys(ad).sort()).toEqual(['T_ad_K', 'molten_fraction']);
    expect(ad.molten_fraction['Cr']).toBe(1);
  });
  it('prints human-readable tables without --json', async () => {
    const s = await run(['thermo', 'species', 'Fe', '--T', '298.15,2000']);
    expect(s.stdout).toMatch(/species\s+phase\s+T \[K\]/);
    expect(s.stdout).toMatch(/Fe\s+l\s+2000\.00/);
    const t = await run(['thermo', 'ellingham']);
    expect(t.status).toBe(0);
    expect(t.stdout).toContain('4/3 Cr + O2 = 2/3 Cr2O3');
    const a = await run(['thermo', 'adiabatic', 'Cr2O3 + 2Al = 2Cr + Al2O3']);
    expect(a.stdout).toMatch(/T_ad = 2327\.0 K/);
  });
  it('ellingham --json gives lines with points at the requested temperatures', async () => {
    const j = await run(['thermo', 'ellingham', '--T', '1000,1500', '--json']);
    const lines = JSON.parse(j.stdout) as { reaction: string; points: { T_K: number }[] }[];
    expect(lines.length).toBe(11);
    expect(lines[0]?.points.map((p) => p.T_K)).toEqual([1000, 1500]);
  });
  it('bad input exits 2 naming the argument; a model failure exits 3', async () => {
    const cases: [string[], RegExp][] = [
      [['thermo', 'species', 'Cr2O', '--T', '300'], /formula: found "Cr2O"/],
      [['thermo', 'species', 'Al(s)', '--T', '1500'], /T_K: found 1500/],
      [['thermo', 'species', 'Al', '--T', '3OO'], /--T: found "3OO"/],
      [['thermo', 'reaction', 'Cr2O3 + Al = Cr + Al2O3'], /equation: .*unbalanced/],
      [['thermo', 'reaction', 'Cr2O3 + 3Mn = 2Cr + 3MnO'], /equation \(species "Mn"\)/],
      [['thermo', 'adiabatic', 'Cr2O3 + 2Al = 2Cr + Al2O3', '--T0', 'hot'], /--T0: found "hot"/],
    ];
    for (const [args, msg] of cases) {
      const r = await run(args);
      expect(r.status, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(msg);
    }
    const f = await run(['thermo', 'adiabatic', 'C + O2 = CO2']);
    expect(f.status).toBe(3);
    expect(f.stderr).toMatch(/above 6000 K/);
  });
});
