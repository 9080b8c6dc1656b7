// The flowsheet diagram's layout (web/src/flowsheet/layout.ts) with the real ELK (elkjs bundled
// build, as in the browser's worker): every unit and stream is drawn, streams are routed
// orthogonally (every segment horizontal or vertical), no two boxes overlap, no stream label
// overlaps a box or another label — i.e. nothing overprints.
import { readFileSync } from 'node:fs';
import ElkBundled from 'elkjs/lib/elk.bundled.js';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Appraisal } from '../../src/appraisal.js';
import { appraise } from '../../src/appraise.js';
import { parseScenario } from '../../src/scenario/load.js';
import {
  layoutFlowsheet,
  type ElkLike,
  type FlowsheetLayout,
} from '../../web/src/flowsheet/layout.js';

// The bundled build is CommonJS: its default import is the constructor at run time.
const ELK = ElkBundled as unknown as new () => ElkLike;

interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

function overlap(a: Box, b: Box): boolean {
  const eps = 0.5;
  return (
    a.x + a.w > b.x + eps && b.x + b.w > a.x + eps && a.y + a.h > b.y + eps && b.y + b.h > a.y + eps
  );
}

function load(file: string): Appraisal {
  const r = parseScenario(
    readFileSync(new URL(`../../scenarios/${file}`, import.meta.url), 'utf8'),
    file,
  );
  if (!r.ok) throw new Error('invalid reference scenario');
  return appraise(r.scenario, { breakEvens: false });
}

describe('flowsheet layout (ELK, orthogonal routing)', () => {
  let a: Appraisal;
  const layouts: Record<string, FlowsheetLayout> = {};
  beforeAll(async () => {
    a = load('aktobe-stage1-2.yaml');
    const elk = new ELK();
    if (!a.balance) throw new Error('no balance');
    layouts.RIGHT = await layoutFlowsheet(elk, a.balance, 'RIGHT');
    layouts.DOWN = await layoutFlowsheet(elk, a.balance, 'DOWN');
  });

  for (const dir of ['RIGHT', 'DOWN'] as const) {
    it(`${dir}: every unit and every stream is drawn`, () => {
      const l = layouts[dir]!;
      const b = a.balance!;
      for (const u of b.units)
        expect(
          l.nodes.some((n) => n.stage === u.stage && n.unit === u.id),
          u.id,
        ).toBe(true);
      for (const s of b.streams)
        expect(
          l.edges.some((e) => e.stage === s.stage && e.stream === s.id),
          s.id,
        ).toBe(true);
      // Feeds are nodes of their own.
      const feeds = b.streams.filter((s) => s.from === null);
      expect(l.nodes.filter((n) => n.kind === 'feed').length).toBe(feeds.length);
    });

    it(`${dir}: streams are orthogonal polylines`, () => {
      for (const e of layouts[dir]!.edges) {
        expect(e.points.length, e.id).toBeGreaterThanOrEqual(2);
        for (let k = 1; k < e.points.length; k++) {
          const [x0, y0] = e.points[k - 1]!;
          const [x1, y1] = e.points[k]!;
          expect(Math.abs(x0 - x1) < 1e-6 || Math.abs(y0 - y1) < 1e-6, e.id).toBe(true);
        }
      }
    });

    it(`${dir}: no box or stream label overprints another`, () => {
      const l = layouts[dir]!;
      const boxes: (Box & { id: string })[] = [
        ...l.nodes,
        ...l.edges.filter((e) => e.label).map((e) => ({ ...e.label!, id: `label ${e.id}` })),
      ];
      for (let i = 0; i < boxes.length; i++)
        for (let j = i + 1; j < boxes.length; j++)
          expect(overlap(boxes[i]!, boxes[j]!), `${boxes[i]!.id} × ${boxes[j]!.id}`).toBe(false);
      // Stages do not overlap either.
      for (let i = 0; i < l.stages.length; i++)
        for (let j = i + 1; j < l.stages.length; j++)
          expect(overlap(l.stages[i]!, l.stages[j]!)).toBe(false);
    });
  }

  it('a phone gets the top-to-bottom layout: narrower than the left-to-right one', () => {
    expect(layouts.DOWN!.width).toBeLessThan(layouts.RIGHT!.width);
  });
});
