/**
 * Process-flow-diagram layout of the plant balance with ELK (elkjs: the Eclipse Layout Kernel's
 * layered algorithm, orthogonal edge routing). One layered graph per stage — feeds on the left,
 * units in layers by flow, outlets on the right — stacked from top to bottom. Stream labels are
 * ELK edge labels, so ELK reserves room for them and nothing overprints. Pure: the ELK instance
 * is passed in (a Web Worker in the browser, the bundled build in Node tests).
 */
import type { ElkExtendedEdge, ElkNode } from 'elkjs/lib/elk-api.js';
import type { PlantBalance } from '../../../src/plant/merge-balances.js';
import { kindFamily } from '../labels.js';

export interface ElkLike {
  layout(graph: ElkNode): Promise<ElkNode>;
}

export type NodeKind = 'unit' | 'feed' | 'outlet' | 'junction';

export interface LaidNode {
  id: string;
  stage: string;
  kind: NodeKind;
  /** Unit family (furnace, kiln, mill, …) for the symbol; '' for feeds and outlets. */
  family: string;
  /** Unit id or stream id shown as the label. */
  label: string;
  /** The unit's id in the balance (units and outlets), for its table. */
  unit?: string;
  /** The stream's id (feeds). */
  stream?: string;
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface LaidEdge {
  id: string;
  stage: string;
  /** Stream id in the balance. */
  stream: string;
  /** Orthogonal polyline from source to target (absolute coordinates). */
  points: [number, number][];
  label: { text: string; x: number; y: number; w: number; h: number } | undefined;
  t_per_h: number;
}

export interface LaidStage {
  id: string;
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface FlowsheetLayout {
  width: number;
  height: number;
  stages: LaidStage[];
  nodes: LaidNode[];
  edges: LaidEdge[];
}

/** Approximate text width at the diagram's 11 px font [px]. */
export function textWidth(s: string, px = 11): number {
  return Math.ceil(s.length * px * 0.58) + 4;
}

const UNIT_H = 64;
const SYMBOL_H = 34;
const PILL_H = 22;
const STAGE_TITLE = 24;
const STAGE_GAP = 24;

function shortStream(id: string): string {
  return id.replace(/^[^:]*:/, '');
}

/** The ELK graph of one stage. */
export function stageGraph(b: PlantBalance, stage: string, direction: 'RIGHT' | 'DOWN'): ElkNode {
  const units = b.units.filter((u) => u.stage === stage);
  const unitIds = new Set(units.map((u) => u.id));
  const children: ElkNode[] = [];
  for (const u of units) {
    const family = kindFamily(u.kind);
    if (family === 'outlet')
      children.push({ id: `u:${u.id}`, width: textWidth(u.id) + 24, height: PILL_H });
    else if (family === 'node')
      children.push({ id: `u:${u.id}`, width: Math.max(24, textWidth(u.id)), height: 40 });
    else
      children.push({ id: `u:${u.id}`, width: Math.max(84, textWidth(u.id) + 12), height: UNIT_H });
  }
  const edges: ElkExtendedEdge[] = [];
  for (const s of b.streams.filter((x) => x.stage === stage)) {
    let source = s.from !== null && unitIds.has(s.from) ? `u:${s.from}` : undefined;
    if (source === undefined) {
      source = `f:${s.id}`;
      children.push({ id: source, width: textWidth(shortStream(s.id)) + 24, height: PILL_H });
    }
    const target = unitIds.has(s.to) ? `u:${s.to}` : undefined;
    if (target === undefined) continue;
    const text = shortStream(s.id);
    // A feed's name is on its own node; other streams carry their name on the edge.
    const labelled = !source.startsWith('f:');
    edges.push({
      id: `e:${s.id}`,
      sources: [source],
      targets: [target],
      ...(labelled ? { labels: [{ text, width: textWidth(text, 10), height: 14 }] } : {}),
    });
  }
  return {
    id: stage,
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': direction,
      'elk.edgeRouting': 'ORTHOGONAL',
      'elk.layered.nodePlacement.strategy': 'NETWORK_SIMPLEX',
      'elk.layered.spacing.nodeNodeBetweenLayers': '56',
      'elk.spacing.nodeNode': '28',
      'elk.spacing.edgeNode': '14',
      'elk.spacing.edgeEdge': '10',
      'elk.spacing.edgeLabel': '3',
      'elk.edgeLabels.placement': 'CENTER',
      'elk.layered.edgeLabels.sideSelection': 'ALWAYS_UP',
      'elk.layered.cycleBreaking.strategy': 'DEPTH_FIRST',
      'elk.padding': '[top=12,left=12,bottom=12,right=12]',
    },
    children,
    edges,
  };
}

/** Lays out every stage with ELK and stacks them vertically. */
export async function layoutFlowsheet(
  elk: ElkLike,
  b: PlantBalance,
  direction: 'RIGHT' | 'DOWN' = 'RIGHT',
): Promise<FlowsheetLayout> {
  const stageIds = [...new Set([...b.units.map((u) => u.stage), ...b.streams.map((s) => s.stage)])];
  const laid = await Promise.all(stageIds.map((st) => elk.layout(stageGraph(b, st, direction))));
  const units = new Map(b.units.map((u) => [`${u.stage}/${u.id}`, u]));
  const streams = new Map(b.streams.map((s) => [`${s.stage}/${s.id}`, s]));
  const out: FlowsheetLayout = { width: 0, height: 0, stages: [], nodes: [], edges: [] };
  let y0 = 0;
  laid.forEach((g, k) => {
    const stage = stageIds[k] ?? '';
    const oy = y0 + STAGE_TITLE;
    const w = g.width ?? 0;
    const h = g.height ?? 0;
    out.stages.push({ id: stage, x: 0, y: y0, w, h: h + STAGE_TITLE });
    for (const n of g.children ?? []) {
      const isUnit = n.id.startsWith('u:');
      const id = n.id.slice(2);
      const unit = isUnit ? units.get(`${stage}/${id}`) : undefined;
      const family = unit ? kindFamily(unit.kind) : '';
      out.nodes.push({
        id: `${stage}/${n.id}`,
        stage,
        kind: !isUnit
          ? 'feed'
          : family === 'outlet'
            ? 'outlet'
            : family === 'node'
              ? 'junction'
              : 'unit',
        family,
        label: isUnit ? id : shortStream(id),
        ...(isUnit ? { unit: id } : { stream: id }),
        x: n.x ?? 0,
        y: oy + (n.y ?? 0),
        w: n.width ?? 0,
        h: n.height ?? 0,
      });
    }
    for (const e of g.edges ?? []) {
      const id = e.id.slice(2);
      const sec = e.sections?.[0];
      const points: [number, number][] = sec
        ? [
            [sec.startPoint.x, oy + sec.startPoint.y],
            ...(sec.bendPoints ?? []).map((p): [number, number] => [p.x, oy + p.y]),
            [sec.endPoint.x, oy + sec.endPoint.y],
          ]
        : [];
      const l = e.labels?.[0];
      out.edges.push({
        id: `${stage}/${e.id}`,
        stage,
        stream: id,
        points,
        label:
          l && l.text !== undefined
            ? { text: l.text, x: l.x ?? 0, y: oy + (l.y ?? 0), w: l.width ?? 0, h: l.height ?? 0 }
            : undefined,
        t_per_h: streams.get(`${stage}/${id}`)?.t_per_h ?? 0,
      });
    }
    out.width = Math.max(out.width, w);
    y0 += h + STAGE_TITLE + STAGE_GAP;
  });
  out.height = Math.max(0, y0 - STAGE_GAP);
  return out;
}

export { SYMBOL_H, UNIT_H };
