import { InputError } from '../../errors.js';
import { buildComponentModel, type ComponentModel } from '../components.js';
import { resolveParams } from '../params.js';
import type { UnitKind } from '../unit.js';
import { UNIT_KINDS } from '../units/registry.js';
import { chooseTears, stronglyConnected, type Edge } from './graph.js';
import type { CalibrationNote, FlowsheetOverrides, FlowsheetTemplate } from './template.js';

export interface CompiledUnit {
  readonly id: string;
  readonly kind: UnitKind;
  readonly stage: string;
  readonly params: Readonly<Record<string, number>>;
  readonly inletPorts: readonly string[];
  readonly outletPorts: readonly string[];
  /** Stream indices, in port order. */
  readonly inlets: readonly number[];
  readonly outlets: readonly number[];
}

export interface CompiledStream {
  readonly id: string;
  /** Producing unit index, −1 for a feed. */
  readonly from: number;
  readonly fromPort: string | null;
  readonly to: number;
  readonly toPort: string;
}

/** A block of the solve sequence: one unit, or a recycle loop with its tear streams. */
export interface SolveBlock {
  /** Unit indices in solve order. */
  readonly units: readonly number[];
  /** Tear stream indices (empty for an acyclic unit). */
  readonly tears: readonly number[];
}

/** A flowsheet ready to solve: fixed components, resolved parameters, solve sequence and tears. */
export interface CompiledFlowsheet {
  readonly id: string;
  readonly stage: string;
  readonly model: ComponentModel;
  readonly units: readonly CompiledUnit[];
  readonly streams: readonly CompiledStream[];
  readonly streamIndex: ReadonlyMap<string, number>;
  readonly unitIndex: ReadonlyMap<string, number>;
  /** Feed stream indices. */
  readonly feeds: readonly number[];
  /** Streams entering sink units (the plant's outlets). */
  readonly sinkInlets: readonly number[];
  readonly blocks: readonly SolveBlock[];
  readonly calibration: readonly CalibrationNote[];
}

/**
 * Compiles a template plus overrides into a solvable flowsheet. All structural and parameter
 * validation happens here (once), never in the solve.
 * @param template - Flowsheet template (units, ports, parameters, feeds, components)
 * @param overrides - `{ "units.<id>.<param>": value }`
 * @throws InputError naming units, ports and streams for: unknown unit kinds, unknown or
 *   unconnected ports, a stream with two sources or two destinations, a stream without source
 *   or destination, a recycle loop with no outlet, unknown or out-of-range parameters and
 *   malformed overrides
 */
export function compileFlowsheet(
  template: FlowsheetTemplate,
  overrides: FlowsheetOverrides = {},
): CompiledFlowsheet {
  const model = buildComponentModel(template.components);
  const unitIds = Object.keys(template.units);
  if (unitIds.length === 0) throw new InputError('units', template.units, 'at least one unit');
  const unitIndex = new Map(unitIds.map((id, i) => [id, i]));
  const overridesByUnit = parseOverrides(overrides, unitIndex);
  const stageDefault = template.stage ?? 'process';

  type End = { unit: number; port: string };
  const sources = new Map<string, (End | 'feed')[]>();
  const dests = new Map<string, End[]>();
  const addTo = <T>(m: Map<string, T[]>, k: string, v: T): void => {
    const list = m.get(k);
    if (list) list.push(v);
    else m.set(k, [v]);
  };
  for (const f of Object.keys(template.feeds)) addTo(sources, f, 'feed');

  const pre: {
    id: string;
    kind: UnitKind;
    stage: string;
    params: Record<string, number>;
    inletPorts: string[];
    outletPorts: string[];
    inletIds: string[];
    outletIds: string[];
  }[] = [];
  unitIds.forEach((id, u) => {
    const spec = template.units[id];
    const field = `units.${id}`;
    if (!spec) return;
    const kind = UNIT_KINDS[spec.kind];
    if (!kind)
      throw new InputError(
        `${field}.kind`,
        spec.kind,
        `a known unit kind (${Object.keys(UNIT_KINDS).join(', ')})`,
      );
    const inSpec = spec.in;
    const outSpec = spec.out;
    let inletPorts: string[];
    if (kind.inlets === 'variadic') {
      inletPorts = Object.keys(inSpec);
      if (inletPorts.length === 0)
        throw new InputError(
          `${field}.in`,
          inSpec,
          `at least one connected inlet for a ${kind.kind}`,
        );
    } else {
      inletPorts = [...kind.inlets];
      for (const p of inletPorts)
        if (inSpec[p] === undefined)
          throw new InputError(
            `${field}.in.${p}`,
            undefined,
            `a stream id: inlet port "${p}" of unit "${id}" (${kind.kind}) is not connected`,
          );
      for (const p of Object.keys(inSpec))
        if (!inletPorts.includes(p))
          throw new InputError(
            `${field}.in.${p}`,
            inSpec[p],
            `one of the inlet ports of a ${kind.kind}: ${inletPorts.join(', ')}`,
          );
    }
    const outletPorts = [...kind.outlets];
    for (const p of outletPorts)
      if (outSpec[p] === undefined)
        throw new InputError(
          `${field}.out.${p}`,
          undefined,
          `a stream id: outlet port "${p}" of unit "${id}" (${kind.kind}) is not connected`,
        );
    for (const p of Object.keys(outSpec))
      if (!outletPorts.includes(p))
        throw new InputError(
          `${field}.out.${p}`,
          outSpec[p],
          outletPorts.length
            ? `one of the outlet ports of a ${kind.kind}: ${outletPorts.join(', ')}`
            : `no outlet: a ${kind.kind} is a sink`,
        );
    const inletIds = inletPorts.map((p) => checkId(inSpec[p], `${field}.in.${p}`));
    const outletIds = outletPorts.map((p) => checkId(outSpec[p], `${field}.out.${p}`));
    inletIds.forEach((s, k) => {
      addTo(dests, s, { unit: u, port: inletPorts[k] ?? '' });
    });
    outletIds.forEach((s, k) => {
      addTo(sources, s, { unit: u, port: outletPorts[k] ?? '' });
    });
    const params = resolveParams(
      kind.params,
      { ...(spec.params ?? {}), ...(overridesByUnit.get(id) ?? {}) },
      `${field}.params`,
    );
    kind.validate?.(params, `${field}.params`);
    pre.push({
      id,
      kind,
      stage: spec.stage ?? stageDefault,
      params,
      inletPorts,
      outletPorts,
      inletIds,
      outletIds,
    });
  });

  const describe = (e: End | 'feed'): string =>
    e === 'feed' ? 'the feed declaration' : `unit "${unitIds[e.unit] ?? ''}" port "${e.port}"`;
  const streamIds = [...new Set([...sources.keys(), ...dests.keys()])];
  const streams: CompiledStream[] = [];
  for (const s of streamIds) {
    const src = sources.get(s) ?? [];
    const dst = dests.get(s) ?? [];
    if (src.length > 1)
      throw new InputError(
        `streams.${s}`,
        s,
        `one source, found two or more: ${src.map(describe).join(' and ')}`,
      );
    if (dst.length > 1)
      throw new InputError(
        `streams.${s}`,
        s,
        `one destination, found two or more: ${dst.map(describe).join(' and ')}`,
      );
    const from = src[0];
    const to = dst[0];
    if (from === undefined)
      throw new InputError(
        `streams.${s}`,
        s,
        `a source: stream "${s}" enters ${dst.map(describe).join('')} but is neither a declared feed nor the outlet of a unit`,
      );
    if (to === undefined)
      throw new InputError(
        `streams.${s}`,
        s,
        `a destination: stream "${s}" leaves ${describe(from)} but enters no unit (route it to a product, tailings or process-water sink)`,
      );
    streams.push({
      id: s,
      from: from === 'feed' ? -1 : from.unit,
      fromPort: from === 'feed' ? null : from.port,
      to: to.unit,
      toPort: to.port,
    });
  }
  const streamIndex = new Map(streams.map((s, i) => [s.id, i]));
  const units: CompiledUnit[] = pre.map((p) => ({
    id: p.id,
    kind: p.kind,
    stage: p.stage,
    params: Object.freeze(p.params),
    inletPorts: p.inletPorts,
    outletPorts: p.outletPorts,
    inlets: p.inletIds.map((s) => streamIndex.get(s) ?? -1),
    outlets: p.outletIds.map((s) => streamIndex.get(s) ?? -1),
  }));
  const edges: Edge[] = [];
  streams.forEach((s, i) => {
    if (s.from >= 0) edges.push({ from: s.from, to: s.to, stream: i });
  });

  const blocks: SolveBlock[] = [];
  for (const comp of stronglyConnected(units.length, edges)) {
    const set = new Set(comp);
    const selfLoop = comp.length === 1 && edges.some((e) => e.from === comp[0] && e.to === comp[0]);
    if (comp.length === 1 && !selfLoop) {
      blocks.push({ units: comp, tears: [] });
      continue;
    }
    const names = comp.map((u) => `"${units[u]?.id ?? ''}"`).join(', ');
    const internal = edges
      .filter((e) => set.has(e.from) && set.has(e.to))
      .map((e) => streams[e.stream]?.id ?? '');
    if (!edges.some((e) => set.has(e.from) && !set.has(e.to)))
      throw new InputError(
        'streams',
        internal,
        `a way out of the recycle loop through units ${names} (streams ${internal.map((s) => `"${s}"`).join(', ')}): no stream leaves it, so material would accumulate without bound`,
      );
    const entryEdge = streams.find(
      (s, i) => set.has(s.to) && (s.from < 0 || !set.has(s.from)) && i >= 0,
    );
    const entry = entryEdge?.to ?? comp[0] ?? 0;
    const { tears, order } = chooseTears(comp, edges, entry);
    blocks.push({ units: order, tears: tears.map((e) => e.stream) });
  }
  return {
    id: template.id,
    stage: stageDefault,
    model,
    units,
    streams,
    streamIndex,
    unitIndex,
    feeds: Object.keys(template.feeds).map((f) => streamIndex.get(f) ?? -1),
    blocks,
    sinkInlets: units.filter((u) => u.kind.sink).flatMap((u) => u.inlets),
    calibration: template.calibration ?? [],
  };
}

/**
 * Returns the flowsheet with some unit parameters replaced, reusing its components, graph, tear
 * streams and solve order (no re-compilation): the Monte Carlo path. Overrides apply on top of
 * the flowsheet's current values and are validated exactly like template values. A solution
 * created for `fs` can be reused (`into`/`warmStart`) with the result.
 * @param fs - Compiled flowsheet
 * @param overrides - `{ "units.<id>.<param>": value }`
 * @throws InputError for unknown units or parameters and out-of-range values
 */
export function reparameterize(
  fs: CompiledFlowsheet,
  overrides: FlowsheetOverrides,
): CompiledFlowsheet {
  const byUnit = parseOverrides(overrides, fs.unitIndex);
  if (byUnit.size === 0) return fs;
  const units = fs.units.map((u) => {
    const ov = byUnit.get(u.id);
    if (!ov) return u;
    const field = `units.${u.id}.params`;
    const params = resolveParams(u.kind.params, { ...u.params, ...ov }, field);
    u.kind.validate?.(params, field);
    return { ...u, params: Object.freeze(params) };
  });
  return { ...fs, units };
}

function checkId(v: unknown, field: string): string {
  if (typeof v !== 'string' || v.length === 0)
    throw new InputError(field, v, 'a non-empty stream id');
  return v;
}

function parseOverrides(
  overrides: FlowsheetOverrides,
  unitIndex: ReadonlyMap<string, number>,
): Map<string, Record<string, unknown>> {
  const out = new Map<string, Record<string, unknown>>();
  for (const [key, value] of Object.entries(overrides)) {
    const m = /^units\.([^.]+)\.([^.]+)$/.exec(key);
    if (!m)
      throw new InputError(
        `overrides.${key}`,
        value,
        'a key of the form "units.<unit id>.<parameter>"',
      );
    const unit = m[1] ?? '';
    if (!unitIndex.has(unit))
      throw new InputError(
        `overrides.${key}`,
        value,
        `a unit of the flowsheet (${[...unitIndex.keys()].join(', ')})`,
      );
    const rec = out.get(unit) ?? {};
    rec[m[2] ?? ''] = value;
    out.set(unit, rec);
  }
  return out;
}
