// Partition curves must reproduce their defining points: Tromp P(ρ50) = ½, P(ρ50 ± Ep) = ¾, ¼
// (Ep = (ρ75 − ρ25)/2, Wills 2016 ch. 11); Whiten E(d50c) = ½ with bypass Rf + (1 − Rf)/2.
// Also checked end to end through unit solves with test minerals placed at the defining points.
import { describe, expect, it } from 'vitest';
import { fineRecovery, tromp, whiten, withBypass } from '../../src/process/partition.js';
import { compileFlowsheet } from '../../src/process/flowsheet/compile.js';
import { createSolution, solveFlowsheet } from '../../src/process/flowsheet/solve.js';
import { createStream, syncMineralTotals } from '../../src/process/stream.js';
import type { FlowsheetTemplate } from '../../src/process/flowsheet/template.js';
import type { MineralData } from '../../src/process/minerals.js';

const mineral = (id: string, rho: number): MineralData => ({
  id,
  name: id,
  formula: 'SiO2',
  role: 'test',
  density_kg_per_m3: { value: rho, unit: 'kg/m3', source: 'test', status: 'assumed' },
  magnetic_susceptibility_class: {
    value: 'diamagnetic',
    unit: 'class',
    source: 'test',
    status: 'assumed',
  },
  oxides_wt_pct: { value: { SiO2: 100 }, unit: 'wt%', source: 'test', status: 'assumed' },
});

describe('partition curves', () => {
  it('Tromp curve passes through (ρ50, ½), (ρ50 + Ep, ¾), (ρ50 − Ep, ¼)', () => {
    expect(tromp(3100, 3100, 60)).toBeCloseTo(0.5, 14);
    expect(tromp(3160, 3100, 60)).toBeCloseTo(0.75, 14);
    expect(tromp(3040, 3100, 60)).toBeCloseTo(0.25, 14);
  });
  it('Whiten curve gives ½ at d50c, is monotone, and bypass lifts it to Rf + (1 − Rf)/2', () => {
    expect(whiten(150, 150, 3)).toBeCloseTo(0.5, 14);
    expect(whiten(10, 150, 3)).toBeLessThan(whiten(100, 150, 3));
    expect(whiten(1e7, 150, 3)).toBe(1);
    expect(withBypass(whiten(150, 150, 3), 0.3)).toBeCloseTo(0.65, 14);
    expect(fineRecovery(40, 40, 2)).toBeCloseTo(0.5, 14);
  });

  it('a DMS unit sends minerals at ρ50 − Ep, ρ50, ρ50 + Ep to sinks at ¼, ½, ¾', () => {
    const t: FlowsheetTemplate = {
      id: 'dms-test',
      components: {
        minerals: ['lo', 'mid', 'hi'],
        mineralData: {
          lo: mineral('lo', 2900),
          mid: mineral('mid', 3000),
          hi: mineral('hi', 3100),
        },
        sieve: { top_um: 10000, ratio: 2, count: 3 },
      },
      feeds: { f: {} },
      units: {
        dms: {
          kind: 'dms-drum',
          in: { feed: 'f' },
          out: { sinks: 's', floats: 'l' },
          params: {
            rho50_kg_per_m3: 3000,
            ep_kg_per_m3: 100,
            sinks_to_floats: 0,
            floats_to_sinks: 0,
          },
        },
        p: { kind: 'product', in: { feed: 's' }, out: {} },
        q: { kind: 'tailings', in: { feed: 'l' }, out: {} },
      },
    };
    const fs = compileFlowsheet(t);
    const feed = createStream(fs.model);
    feed.sized.fill(10);
    syncMineralTotals(fs.model, feed);
    const sol = solveFlowsheet(fs, { f: feed }, { into: createSolution(fs) });
    const sinks = sol.streams[fs.streamIndex.get('s') ?? -1];
    expect(sinks!.flow[0]! / feed.flow[0]!).toBeCloseTo(0.25, 12);
    expect(sinks!.flow[1]! / feed.flow[1]!).toBeCloseTo(0.5, 12);
    expect(sinks!.flow[2]! / feed.flow[2]!).toBeCloseTo(0.75, 12);
  });
});
