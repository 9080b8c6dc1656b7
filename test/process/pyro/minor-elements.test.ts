// The minor-element ledger of the smelter (S, P, Ti): each element closes on random inputs, the
// alloy takes its fraction of every input, and the template ledgers respond to the chromite's
// contents by exactly the alloy fraction of what the chromite brings.
import { describe, expect, it } from 'vitest';
import { InputError } from '../../../src/errors.js';
import { MINOR_PARTITION } from '../../../src/process/pyro/minor-element-data.js';
import {
  MINOR_ELEMENTS,
  minorElementBalance,
  type MinorInput,
  type MinorPartition,
} from '../../../src/process/pyro/minor-elements.js';
import {
  FECR_TEMPLATES,
  runFerrochromeStage,
  type ChromiteFeed,
} from '../../../src/process/pyro/run-fecr.js';
import { kempirsaiFeed } from '../../helpers/kempirsai-feed.js';
import { seededUniform } from '../../helpers/seeded.js';

const feed = kempirsaiFeed;

describe('minor-element ledger: conservation', () => {
  it('S, P and Ti close to round-off on random inputs and distributions (seeded)', () => {
    const u = seededUniform(16_2026);
    for (let k = 0; k < 200; k++) {
      const inputs: MinorInput[] = Array.from({ length: 1 + Math.floor(u(0, 8)) }, (_, i) => ({
        id: `in${String(i)}`,
        dry_kg_per_h: u(0, 1e6),
        contents_wt_pct: { S: u(0, 2), P: u(0, 0.5), Ti: u(0, 1) },
      }));
      const split = () => {
        const a = u(0, 1);
        return { alloy: a, slag: u(0, 1 - a) };
      };
      const partition: MinorPartition = { S: split(), P: split(), Ti: split() };
      const b = minorElementBalance(inputs, partition);
      for (const e of MINOR_ELEMENTS) {
        // the input computed here, independently of the ledger
        const inE = inputs.reduce((s, x) => s + (x.dry_kg_per_h * x.contents_wt_pct[e]) / 100, 0);
        expect(b.in_kg_per_h[e]).toBeCloseTo(inE, 6);
        const out = b.alloy_kg_per_h[e] + b.slag_kg_per_h[e] + b.gas_kg_per_h[e];
        expect(Math.abs(out - b.in_kg_per_h[e])).toBeLessThanOrEqual(1e-12 * b.in_kg_per_h[e]);
        expect(b.alloy_kg_per_h[e]).toBeCloseTo(partition[e].alloy * inE, 6);
        expect(b.gas_kg_per_h[e]).toBeGreaterThanOrEqual(-1e-9 * inE);
      }
    }
  });

  it.each(FECR_TEMPLATES)(
    '%s: the ledger closes, and the alloy takes its fraction of the chromite’s S, P and Ti',
    (t) => {
      const run = (minor: ChromiteFeed['minor_wt_pct']) =>
        runFerrochromeStage(t, {
          feed: feed(minor),
          capacity_t_per_year: 80_000,
          availability: 0.9,
        });
      const lo = run({ S: 0.01, P: 0.002, Ti: 0.05 });
      const hi = run({ S: 0.11, P: 0.102, Ti: 0.15 });
      const ore_t_per_h = lo.kpis.ore_t_per_t! * lo.products[0]!.t_per_h;
      // the extra 0.1 wt% of each element in the chromite; the alloy gets f_alloy of it
      for (const [e, key] of [
        ['S', 'alloy_s_wt_pct'],
        ['P', 'alloy_p_wt_pct'],
        ['Ti', 'alloy_ti_wt_pct'],
      ] as const) {
        const extra_t_per_h = MINOR_PARTITION[e].alloy * ore_t_per_h * 0.001;
        // wt% is on the alloy including its minor elements: back to t/h on that mass
        const kg = (r: typeof lo) => {
          const minor = r.kpis.alloy_s_wt_pct! + r.kpis.alloy_p_wt_pct! + r.kpis.alloy_ti_wt_pct!;
          return ((r.kpis[key]! / 100) * r.products[0]!.t_per_h) / (1 - minor / 100);
        };
        expect(kg(hi) - kg(lo)).toBeCloseTo(extra_t_per_h, 9);
      }
      // the same alloy otherwise: the ledger does not feed back into the major balance
      expect(hi.kpis.alloy_cr_wt_pct).toBe(lo.kpis.alloy_cr_wt_pct);
      expect(hi.warnings ?? []).not.toContainEqual(expect.stringContaining('states no'));
    },
  );
});

describe('minor-element ledger: bad input is rejected naming the field', () => {
  const ok: MinorInput = { id: 'coke', dry_kg_per_h: 1, contents_wt_pct: { S: 0.6, P: 0, Ti: 0 } };
  it.each([
    [{ ...ok, dry_kg_per_h: -1 }, MINOR_PARTITION, 'coke.dry_kg_per_h'],
    [{ ...ok, contents_wt_pct: { S: 120, P: 0, Ti: 0 } }, MINOR_PARTITION, 'coke.S_wt_pct'],
    [ok, { ...MINOR_PARTITION, P: { alloy: 0.8, slag: 0.3 } }, 'minor_elements.partition.P'],
    [
      ok,
      { ...MINOR_PARTITION, Ti: { alloy: -0.1, slag: 0.3 } },
      'minor_elements.partition.Ti.alloy',
    ],
  ] as const)('%#', (input, partition, field) => {
    try {
      minorElementBalance([input], partition);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(InputError);
      expect((e as InputError).field).toBe(field);
    }
  });

  it('a feed without S, P2O5 or TiO2 takes the assumed default and says so', () => {
    const r = runFerrochromeStage('fecr-dc', {
      feed: feed({ P: 0.002 }),
      capacity_t_per_year: 80_000,
      availability: 0.9,
    });
    expect(r.warnings).toContainEqual(expect.stringContaining('states no S, TiO2'));
  });
});
