/**
 * The flowsheet as a process flow diagram: ELK layout (layout.ts, computed in a Web Worker of
 * elkjs), unit symbols by kind, orthogonal streams with arrowheads and width by flow, labels
 * that do not overprint, pan (drag) and zoom (wheel, buttons, pinch through the buttons), and a
 * table of the clicked stream (t/h, T, Cr, composition) or unit. On a phone the layout runs top
 * to bottom so it fits the width. The streams are also listed in an accessible data table.
 */
import ElkConstructor, { type ELK } from 'elkjs/lib/elk-api.js';
import elkWorkerUrl from 'elkjs/lib/elk-worker.min.js?url';
import { useEffect, useMemo, useRef, useState, type PointerEvent, type WheelEvent } from 'react';
import type { PlantBalance } from '../../../src/plant/merge-balances.js';
import { DataTable } from '../charts/ChartPanel.js';
import { cell, type ChartTable } from '../charts/table.js';
import { useI18n, type I18n } from '../i18n.js';
import { useNarrow } from '../narrow.js';
import { layoutFlowsheet, SYMBOL_H, type FlowsheetLayout, type LaidNode } from './layout.js';
import { UnitSymbol } from './Symbols.js';

let elk: ELK | undefined;
function elkInstance(): ELK {
  elk ??= new ElkConstructor({ workerUrl: elkWorkerUrl });
  return elk;
}

type Selection =
  { type: 'stream'; stage: string; id: string } | { type: 'unit'; stage: string; id: string };

function streamsTable(b: PlantBalance, i18n: I18n): ChartTable {
  return {
    columns: [
      i18n.t('stream'),
      i18n.t('stage'),
      i18n.t('from'),
      i18n.t('to'),
      `${i18n.t('mass_flow')} [${i18n.unit('t/h')}]`,
      `${i18n.t('temperature')} [°C]`,
      `${i18n.t('cr_flow')} [${i18n.unit('t/h')}]`,
    ],
    rows: b.streams.map((s) => [
      cell(s.id),
      cell(s.stage),
      cell(s.from ?? i18n.t('feed')),
      cell(s.to),
      cell(i18n.sig(s.t_per_h), s.t_per_h),
      cell(i18n.num(s.T_K - 273.15, 0), s.T_K - 273.15),
      cell(i18n.sig((s.elements_kg_per_h.Cr ?? 0) / 1000), (s.elements_kg_per_h.Cr ?? 0) / 1000),
    ]),
  };
}

function StreamInfo(props: { b: PlantBalance; stage: string; id: string }) {
  const i18n = useI18n();
  const { t } = i18n;
  const s = props.b.streams.find((x) => x.stage === props.stage && x.id === props.id);
  if (!s) return null;
  const total = Object.values(s.components_kg_per_h).reduce((a, x) => a + x, 0);
  const comps = Object.entries(s.components_kg_per_h)
    .filter(([, v]) => total > 0 && v / total > 0.001)
    .sort((a, b) => b[1] - a[1]);
  return (
    <table className="info" data-testid="flowsheet-info">
      <caption>
        {t('stream')} <strong>{s.id}</strong> ({s.stage}: {s.from ?? t('feed')} → {s.to})
      </caption>
      <tbody>
        <tr>
          <th scope="row">{t('mass_flow')}</th>
          <td className="num">{i18n.qty(s.t_per_h, 't/h')}</td>
        </tr>
        <tr>
          <th scope="row">{t('temperature')}</th>
          <td className="num">{i18n.qty(s.T_K - 273.15, '°C', 0)}</td>
        </tr>
        <tr>
          <th scope="row">{t('cr_flow')}</th>
          <td className="num">{i18n.qty((s.elements_kg_per_h.Cr ?? 0) / 1000, 't/h')}</td>
        </tr>
        {s.assays.cr2o3_wt_pct !== null && (
          <tr>
            <th scope="row">Cr₂O₃</th>
            <td className="num">{i18n.qty(s.assays.cr2o3_wt_pct, 'wt%', 1)}</td>
          </tr>
        )}
        {s.assays.cr_fe_ratio !== null && (
          <tr>
            <th scope="row">Cr/Fe</th>
            <td className="num">{i18n.num(s.assays.cr_fe_ratio, 2)}</td>
          </tr>
        )}
        {comps.map(([name, v]) => (
          <tr key={name}>
            <th scope="row">
              {t('composition')}: {name}
            </th>
            <td className="num">{i18n.qty((100 * v) / total, 'wt%', 1)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function UnitInfo(props: { b: PlantBalance; stage: string; id: string }) {
  const i18n = useI18n();
  const { t } = i18n;
  const u = props.b.units.find((x) => x.stage === props.stage && x.id === props.id);
  if (!u) return null;
  return (
    <table className="info" data-testid="flowsheet-info">
      <caption>
        {t('unit_label')} <strong>{u.id}</strong> ({u.stage})
      </caption>
      <tbody>
        <tr>
          <th scope="row">{t('kind')}</th>
          <td>
            {i18n.kind(u.kind)} ({u.kind})
          </td>
        </tr>
        <tr>
          <th scope="row">{t('power')}</th>
          <td className="num">{i18n.qty(u.duties.power_kW / 1000, 'MW')}</td>
        </tr>
        <tr>
          <th scope="row">{t('inlets')}</th>
          <td>{u.inlets.join(', ') || '—'}</td>
        </tr>
        <tr>
          <th scope="row">{t('outlets')}</th>
          <td>{u.outlets.join(', ') || '—'}</td>
        </tr>
      </tbody>
    </table>
  );
}

function NodeShape(props: { n: LaidNode; selected: boolean; onSelect: () => void; i18n: I18n }) {
  const { n } = props;
  const label =
    n.kind === 'feed'
      ? `${props.i18n.t('feed')}: ${n.label}`
      : n.kind === 'outlet'
        ? `${props.i18n.t('outlet')}: ${n.label}`
        : `${props.i18n.kind(props.n.family)}: ${n.label}`;
  const common = {
    transform: `translate(${n.x} ${n.y})`,
    tabIndex: 0,
    role: 'button',
    'aria-label': label,
    'aria-pressed': props.selected,
    'data-node': n.id,
    className: `fs-node fs-${n.kind}${props.selected ? ' selected' : ''}`,
    onClick: props.onSelect,
    onKeyDown: (e: { key: string }) => {
      if (e.key === 'Enter' || e.key === ' ') props.onSelect();
    },
  };
  if (n.kind === 'feed' || n.kind === 'outlet') {
    // Arrow-shaped off-page connector.
    const tip = 10;
    const d =
      n.kind === 'feed'
        ? `M0,0 H${n.w - tip} L${n.w},${n.h / 2} L${n.w - tip},${n.h} H0 Z`
        : `M0,${n.h / 2} L${tip},0 H${n.w} V${n.h} H${tip} Z`;
    return (
      <g {...common}>
        <title>{label}</title>
        <path d={d} />
        <text x={n.kind === 'feed' ? 6 : tip + 5} y={n.h / 2 + 4}>
          {n.label}
        </text>
      </g>
    );
  }
  if (n.kind === 'junction')
    return (
      <g {...common}>
        <title>{label}</title>
        <circle cx={n.w / 2} cy={10} r={7} />
        <text x={n.w / 2} y={n.h - 2} textAnchor="middle">
          {n.label}
        </text>
      </g>
    );
  return (
    <g {...common}>
      <title>{label}</title>
      <rect className="fs-hit" width={n.w} height={n.h} rx={4} />
      <g transform={`translate(0 2)`}>
        <UnitSymbol family={n.family} w={n.w} h={SYMBOL_H} />
      </g>
      <text x={n.w / 2} y={n.h - 8} textAnchor="middle">
        {n.label}
      </text>
    </g>
  );
}

export default function Flowsheet(props: { balance: PlantBalance }) {
  const i18n = useI18n();
  const { t } = i18n;
  const narrow = useNarrow();
  const [layout, setLayout] = useState<FlowsheetLayout | undefined>(undefined);
  const [error, setError] = useState<string | undefined>(undefined);
  const [selected, setSelected] = useState<Selection | undefined>(undefined);
  const [view, setView] = useState({ k: 1, x: 0, y: 0 });
  const box = useRef<HTMLDivElement>(null);
  const [boxWidth, setBoxWidth] = useState(1000);
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const o = new ResizeObserver(() => {
      setBoxWidth(el.clientWidth || 1000);
    });
    o.observe(el);
    return () => {
      o.disconnect();
    };
  }, []);
  const drag = useRef<{ x: number; y: number; vx: number; vy: number } | undefined>(undefined);
  // The layout depends on the topology and labels only: quantised widths keep a what-if step
  // that changes flows by a few per cent from laying out again.
  const topology = useMemo(
    () =>
      JSON.stringify([
        props.balance.units.map((u) => [u.stage, u.id, u.kind]),
        props.balance.streams.map((s) => [s.stage, s.id, s.from, s.to]),
      ]),
    [props.balance],
  );
  const direction = narrow ? 'DOWN' : 'RIGHT';
  const balanceRef = useRef(props.balance);
  balanceRef.current = props.balance;

  useEffect(() => {
    let cancelled = false;
    layoutFlowsheet(elkInstance(), balanceRef.current, direction)
      .then((l) => {
        if (cancelled) return;
        setLayout(l);
        setView({ k: 1, x: 0, y: 0 });
      })
      .catch((e: unknown) => {
        if (!cancelled) setError(e instanceof Error ? e.message : String(e));
      });
    return () => {
      cancelled = true;
    };
  }, [topology, direction]);

  const flows = useMemo(
    () => new Map(props.balance.streams.map((s) => [`${s.stage}/${s.id}`, s.t_per_h])),
    [props.balance],
  );
  const table = useMemo(() => streamsTable(props.balance, i18n), [props.balance, i18n]);

  function zoom(f: number) {
    setView((v) => ({ ...v, k: Math.min(8, Math.max(0.25, v.k * f)) }));
  }
  function onWheel(e: WheelEvent) {
    // Ctrl + wheel (and a touchpad pinch): the plain wheel keeps scrolling the page.
    if (!e.ctrlKey) return;
    zoom(e.deltaY < 0 ? 1.15 : 1 / 1.15);
  }
  function onPointerDown(e: PointerEvent) {
    if ((e.target as Element).closest('.fs-node, .fs-edge')) return;
    drag.current = { x: e.clientX, y: e.clientY, vx: view.x, vy: view.y };
    e.currentTarget.setPointerCapture(e.pointerId);
  }
  function onPointerMove(e: PointerEvent) {
    const d = drag.current;
    if (!d) return;
    setView((v) => ({ ...v, x: d.vx + (e.clientX - d.x), y: d.vy + (e.clientY - d.y) }));
  }

  if (error !== undefined)
    return (
      <p className="error" role="alert">
        {t('error')}: {error}
      </p>
    );
  const pad = 8;
  // Drawn at 1:1 (or smaller when the box is narrower), never taller than the screen allows.
  const scale = layout ? Math.min(1, boxWidth / (layout.width + 2 * pad)) : 1;
  const height = layout ? Math.min(narrow ? 600 : 720, (layout.height + 2 * pad) * scale) : 320;
  return (
    <div className="flowsheet" data-testid="chart-flowsheet">
      <p className="muted small-print">{t('flowsheet_hint')}</p>
      <div className="fs-tools">
        <button
          type="button"
          className="small"
          onClick={() => {
            zoom(1.25);
          }}
          aria-label={t('zoom_in')}
          data-testid="fs-zoom-in"
        >
          +
        </button>
        <button
          type="button"
          className="small"
          onClick={() => {
            zoom(0.8);
          }}
          aria-label={t('zoom_out')}
          data-testid="fs-zoom-out"
        >
          −
        </button>
        <button
          type="button"
          className="small"
          onClick={() => {
            setView({ k: 1, x: 0, y: 0 });
          }}
          data-testid="fs-fit"
        >
          {t('zoom_fit')}
        </button>
      </div>
      <div
        ref={box}
        className="fs-canvas"
        onWheel={onWheel}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={() => {
          drag.current = undefined;
        }}
      >
        {layout ? (
          <svg
            role="group"
            aria-label={t('flowsheet')}
            data-testid="flowsheet-svg"
            viewBox={`${-pad} ${-pad} ${layout.width + 2 * pad} ${layout.height + 2 * pad}`}
            width="100%"
            height={height}
            preserveAspectRatio="xMinYMin meet"
          >
            <defs>
              <marker
                id="fs-arrow"
                viewBox="0 0 10 10"
                refX="9"
                refY="5"
                markerWidth="7"
                markerHeight="7"
                orient="auto-start-reverse"
              >
                <path d="M0,0 L10,5 L0,10 z" fill="#44505c" />
              </marker>
            </defs>
            <g transform={`translate(${view.x} ${view.y}) scale(${view.k})`}>
              {layout.stages.map((s) => (
                <g key={s.id} className="fs-stage">
                  <rect x={s.x} y={s.y} width={s.w} height={s.h} rx={6} />
                  <text x={s.x + 8} y={s.y + 16}>
                    {t('stage')}: {s.id}
                  </text>
                </g>
              ))}
              {layout.edges.map((e) => {
                const isSel =
                  selected?.type === 'stream' &&
                  selected.stage === e.stage &&
                  selected.id === e.stream;
                const width =
                  1 + Math.min(3, Math.log10(1 + (flows.get(`${e.stage}/${e.stream}`) ?? 0)));
                return (
                  <g
                    key={e.id}
                    className={`fs-edge${isSel ? ' selected' : ''}`}
                    data-stream={e.stream}
                    tabIndex={0}
                    role="button"
                    aria-label={`${t('stream')} ${e.stream}: ${i18n.qty(e.t_per_h, 't/h')}`}
                    aria-pressed={isSel}
                    onClick={() => {
                      setSelected({ type: 'stream', stage: e.stage, id: e.stream });
                    }}
                    onKeyDown={(ev) => {
                      if (ev.key === 'Enter' || ev.key === ' ')
                        setSelected({ type: 'stream', stage: e.stage, id: e.stream });
                    }}
                  >
                    <title>{`${e.stream}: ${i18n.qty(e.t_per_h, 't/h')}`}</title>
                    <polyline
                      className="fs-hit-line"
                      points={e.points.map((p) => p.join(',')).join(' ')}
                    />
                    <polyline
                      points={e.points.map((p) => p.join(',')).join(' ')}
                      strokeWidth={width}
                      markerEnd="url(#fs-arrow)"
                    />
                    {e.label && (
                      <text x={e.label.x + 1} y={e.label.y + e.label.h - 3} className="fs-label">
                        {e.label.text}
                      </text>
                    )}
                  </g>
                );
              })}
              {layout.nodes.map((n) => (
                <NodeShape
                  key={n.id}
                  n={n}
                  i18n={i18n}
                  selected={
                    (selected?.type === 'unit' &&
                      selected.stage === n.stage &&
                      selected.id === n.unit) ||
                    (selected?.type === 'stream' &&
                      selected.stage === n.stage &&
                      selected.id === n.stream)
                  }
                  onSelect={() => {
                    setSelected(
                      n.unit !== undefined
                        ? { type: 'unit', stage: n.stage, id: n.unit }
                        : { type: 'stream', stage: n.stage, id: n.stream ?? '' },
                    );
                  }}
                />
              ))}
            </g>
          </svg>
        ) : (
          <p className="muted">{t('loading')}</p>
        )}
      </div>
      <div aria-live="polite">
        {selected && (
          <div className="fs-info">
            {selected.type === 'stream' ? (
              <StreamInfo b={props.balance} stage={selected.stage} id={selected.id} />
            ) : (
              <UnitInfo b={props.balance} stage={selected.stage} id={selected.id} />
            )}
            <button
              type="button"
              className="small"
              onClick={() => {
                setSelected(undefined);
              }}
            >
              {t('close')}
            </button>
          </div>
        )}
      </div>
      <DataTable table={table} caption={t('flowsheet')} testId="table-flowsheet" />
    </div>
  );
}
