/**
 * Two or three scenarios side by side (latest versions, appraised by the server's
 * POST /api/appraise) and the NPV bridge between the first and each other one when the core
 * provides `npvBridge` (src/analysis/npv-bridge.ts; picked up at build time if present).
 */
import { useEffect, useMemo, useState } from 'react';
import type { Appraisal } from '../../../src/appraisal.js';
import { api } from '../api.js';
import { EChart, type ChartOption } from '../charts/EChart.js';
import { kpiCards } from '../components/Kpis.js';
import { useI18n } from '../i18n.js';

type BridgeFn = (a: Appraisal, b: Appraisal) => { driver: string; delta_usd: number }[];

// Vite resolves the glob at build time: an empty map when the module does not exist yet.
const bridgeModules = import.meta.glob<{ npvBridge?: BridgeFn }>(
  '../../../src/analysis/npv-bridge.ts',
);

async function loadBridge(): Promise<BridgeFn | undefined> {
  const load = Object.values(bridgeModules)[0];
  if (!load) return undefined;
  return (await load()).npvBridge;
}

async function appraiseText(text: string): Promise<Appraisal> {
  const res = await fetch('/api/appraise', {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'Content-Type': 'text/yaml' },
    body: text,
  });
  const data = (await res.json()) as Appraisal & { message?: string };
  if (!res.ok) throw new Error(data.message ?? `HTTP ${String(res.status)}`);
  return data;
}

function bridgeOption(
  steps: { driver: string; delta_usd: number }[],
  startNpv: number,
): ChartOption {
  let level = startNpv / 1e6;
  const base: number[] = [];
  const up: (number | string)[] = [];
  const down: (number | string)[] = [];
  for (const s of steps) {
    const d = s.delta_usd / 1e6;
    base.push(d >= 0 ? level : level + d);
    up.push(d >= 0 ? d : '-');
    down.push(d < 0 ? -d : '-');
    level += d;
  }
  return {
    grid: { left: 70, right: 20, top: 20, bottom: 80 },
    tooltip: { trigger: 'axis' },
    xAxis: {
      type: 'category',
      data: steps.map((s) => s.driver),
      axisLabel: { rotate: 30, fontSize: 9 },
    },
    yAxis: { type: 'value', name: 'USD M' },
    series: [
      { type: 'bar', stack: 'b', data: base, itemStyle: { color: 'transparent' } },
      { name: '+', type: 'bar', stack: 'b', data: up, itemStyle: { color: '#6b8e23' } },
      { name: '−', type: 'bar', stack: 'b', data: down, itemStyle: { color: '#c4622d' } },
    ],
  };
}

export function Compare(props: { ids: string[] }) {
  const i18n = useI18n();
  const { t } = i18n;
  const [items, setItems] = useState<
    { id: string; name: string; version: number; appraisal: Appraisal }[]
  >([]);
  const [error, setError] = useState<string | undefined>(undefined);
  const [bridge, setBridge] = useState<BridgeFn | undefined | null>(null);

  useEffect(() => {
    const state = { cancelled: false };
    const cancelled = (): boolean => state.cancelled;
    setItems([]);
    setError(undefined);
    Promise.all(
      props.ids.slice(0, 3).map(async (id) => {
        const s = await api.scenario(id);
        return {
          id,
          name: s.scenario.name,
          version: s.version.version,
          appraisal: await appraiseText(s.version.text),
        };
      }),
    )
      .then((r) => {
        if (!cancelled()) setItems(r);
      })
      .catch((e: unknown) => {
        if (!cancelled()) setError(e instanceof Error ? e.message : String(e));
      });
    void loadBridge().then((f) => {
      if (!cancelled()) setBridge(() => f);
    });
    return () => {
      state.cancelled = true;
    };
  }, [props.ids]);

  const rows = useMemo(() => items.map((it) => kpiCards(it.appraisal, i18n)), [items, i18n]);
  const first = items[0];
  const bridges = useMemo(() => {
    if (!bridge || !first) return [];
    return items.slice(1).map((it) => {
      try {
        const steps = bridge(first.appraisal, it.appraisal);
        return {
          to: it,
          option: bridgeOption(steps, first.appraisal.metrics?.npv_usd ?? 0),
          error: undefined,
        };
      } catch (e) {
        return { to: it, option: undefined, error: e instanceof Error ? e.message : String(e) };
      }
    });
  }, [bridge, first, items]);

  if (props.ids.length === 0) return <p className="muted">{t('nothing_to_compare')}</p>;
  return (
    <div className="compare" data-testid="compare">
      <h2>{t('compare')}</h2>
      {error !== undefined && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {items.length === 0 && error === undefined && <p className="muted">{t('loading')}</p>}
      {items.length > 0 && (
        <div className="table-wrap">
          <table className="compare-table" data-testid="compare-table">
            <thead>
              <tr>
                <th>{t('metric')}</th>
                {items.map((it) => (
                  <th key={it.id}>
                    {it.name} <span className="muted">v{it.version}</span>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {(rows[0] ?? [])
                .filter((c) => c.id !== 'payback' && c.id !== 'cbam')
                .map((c) => (
                  <tr key={c.id}>
                    <td>{t(c.label)}</td>
                    {rows.map((r, k) => {
                      const v = r.find((x) => x.id === c.id)?.value ?? null;
                      return (
                        <td
                          key={k}
                          data-testid={`compare-${c.id}`}
                          title={v === null ? t('not_computed') : ''}
                        >
                          {v ?? '—'}
                        </td>
                      );
                    })}
                  </tr>
                ))}
            </tbody>
          </table>
        </div>
      )}
      <h3>{t('npv_bridge')}</h3>
      {bridge === undefined && (
        <p className="muted" data-testid="npv-bridge-missing">
          {t('npv_bridge_missing')}
        </p>
      )}
      {bridges.map((b) =>
        b.option ? (
          <div key={b.to.id} className="panel wide">
            <h4>
              {first?.name} → {b.to.name}
            </h4>
            <EChart option={b.option} testId="chart-npv-bridge" height={320} />
          </div>
        ) : (
          <p key={b.to.id} className="error">
            {b.error}
          </p>
        ),
      )}
    </div>
  );
}
