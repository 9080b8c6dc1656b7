// CLI contract of `chromflow thermo` (docs/cli-thermo.md): JSON shapes, tables, exit codes.
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';

describe('chromflow thermo', () => {
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
  it('reaction --json and adiabatic --json follow the contract', () => {
    const r = runCli([
      'thermo',
      'reaction',
      'Cr2O3 + 2Al = 2Cr + Al2O3',
      '--T',
      '298.15,1000',
      '--json',
    ]);
    expect(r.status).toBe(0);
    const rows = JSON.parse(r.stdout) as Record<string, number>[];
    expect(Object.keys(rows[0] ?? {}).sort()).toEqual(['K', 'T_K', 'dG_kJ', 'dH_kJ', 'dS_J_per_K']);
    const a = runCli([
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
  it('ellingham prints a table without --json and lines with --json', () => {
    const t = runCli(['thermo', 'ellingham']);
    expect(t.status).toBe(0);
    expect(t.stdout).toContain('4/3 Cr + O2 = 2/3 Cr2O3');
    const j = runCli(['thermo', 'ellingham', '--T', '1000,1500', '--json']);
    const lines = JSON.parse(j.stdout) as { reaction: string; points: { T_K: number }[] }[];
    expect(lines.length).toBeGreaterThanOrEqual(7);
    expect(lines[0]?.points.map((p) => p.T_K)).toEqual([1000, 1500]);
  });
  it('bad formula, unknown species, T out of range and unbalanced equations exit 2 naming the argument', () => {
    const cases: [string[], RegExp][] = [
      [['thermo', 'species', 'Cr2O', '--T', '300'], /formula: found "Cr2O"/],
      [['thermo', 'species', 'Qq2', '--T', '300'], /formula: found "Qq2"/],
      [['thermo', 'species', 'Al(s)', '--T', '1500'], /T_K: found 1500/],
      [['thermo', 'species', 'Al', '--T', '3OO'], /--T: found "3OO"/],
      [['thermo', 'reaction', 'Cr2O3 + Al = Cr + Al2O3'], /equation: .*unbalanced/],
      [['thermo', 'adiabatic', 'Cr2O3 + 2Al = 2Cr + Al2O3', '--T0', 'hot'], /--T0: found "hot"/],
    ];
    for (const [args, msg] of cases) {
      const r = runCli(args);
      expect(r.status, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(msg);
    }
  });
});
