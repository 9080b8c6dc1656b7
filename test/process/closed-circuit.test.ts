// Closed-circuit grinding (reverse circuit: new feed → sump → cyclone; underflow → mill → sump)
// on a two-class sieve (+1 mm, −1 mm) where the steady state can be solved by hand:
//   mill (perfect mixing, all breakage to the pan): coarse out = U_c/(1 + s), s = κ·(d_c/1 mm)
//   cyclone: fraction a of coarse and b of fines to underflow
//   U_c = a·F_c / (1 − a/(1 + s)),  U_f = b·(F_f + U_c·s/(1 + s)) / (1 − b)
//   circulating load CL = (U_c + U_f) / (F_c + F_f)
import { describe, expect, it } from 'vitest';
import { compileFlowsheet } from '../../src/process/flowsheet/compile.js';
import { solveFlowsheet } from '../../src/process/flowsheet/solve.js';
import { createStream, syncMineralTotals } from '../../src/process/stream.js';
import type { FlowsheetTemplate } from '../../src/process/flowsheet/template.js';

const template = (kappa: number): FlowsheetTemplate => ({
  id: 'closed-circuit',
  components: { minerals: ['serpentine'], sieve: { top_um: 1000, ratio: 2, count: 1 } },
  feeds: { new: {} },
  units: {
    sump: { kind: 'mixer', in: { feed: 'new', mill: 'mill-out' }, out: { product: 'cyc-feed' } },
    cyclone: {
      kind: 'hydrocyclone',
      in: { feed: 'cyc-feed' },
      out: { underflow: 'mill-in', overflow: 'product' },
      params: {
        d50c_um: 1000,
        reference_density_kg_per_m3: 2570,
        sharpness_alpha: 2,
        bypass_fraction: 0.2,
        water_to_underflow: 0.3,
      },
    },
    mill: {
      kind: 'ball-mill',
      in: { feed: 'mill-in' },
      out: { product: 'mill-out' },
      params: { product_p80_um: 0, s_tau_at_1mm: kappa, selection_exponent: 1 },
    },
    out: { kind: 'product', in: { feed: 'product' }, out: {} },
  },
});

describe('closed-circuit grinding', () => {
  it.each([0.5, 1, 3])('converges to the hand-calculated circulating load (κ = %s)', (kappa) => {
    const fs = compileFlowsheet(template(kappa));
    expect(fs.blocks.some((b) => b.tears.length === 1)).toBe(true);
    const feed = createStream(fs.model);
    const Fc = 60_000;
    const Ff = 40_000;
    feed.sized[0] = Fc;
    feed.sized[1] = Ff;
    feed.flow[fs.model.water] = 50_000;
    syncMineralTotals(fs.model, feed);
    const sol = solveFlowsheet(fs, { new: feed });
    // hand calculation
    const dc = Math.sqrt(2000 * 1000); // class representative sizes [µm]
    const df = 1000 / Math.SQRT2;
    const E = (d: number): number =>
      (Math.exp((2 * d) / 1000) - 1) / (Math.exp((2 * d) / 1000) + Math.exp(2) - 2);
    const a = 0.2 + 0.8 * E(dc);
    const b = 0.2 + 0.8 * E(df);
    const s = kappa * (dc / 1000);
    const Uc = (a * Fc) / (1 - a / (1 + s));
    const Uf = (b * (Ff + (Uc * s) / (1 + s))) / (1 - b);
    const handCL = (Uc + Uf) / (Fc + Ff);
    const millIn = sol.streams[fs.streamIndex.get('mill-in') ?? -1];
    const modelCL = (millIn!.sized[0]! + millIn!.sized[1]!) / (Fc + Ff);
    expect(modelCL / handCL - 1).toBeLessThan(1e-8);
    expect(Math.abs(modelCL / handCL - 1)).toBeLessThan(1e-8);
    expect(sol.closure.max_rel).toBeLessThanOrEqual(1e-9);
    expect(sol.tears[0]?.iterations).toBeGreaterThan(1);
  });
});
