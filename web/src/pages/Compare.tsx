/**
 * Two or three scenarios side by side (latest versions, appraised by the server's
 * POST /api/appraise) and the NPV bridge between the first and each other one when the core
 * provides `npvBridge` (src/analysis/npv-bridge.ts; picked up at build time if present).
 */
import { useEffect, useMemo, useState } from 'react';
import type { Appraisal } from '../../../src/appraisal.js';
import { api, appraiseText } from '../api.js';
import { ChartPanel } from '../charts/ChartPanel.js';
import { bridgeOption } from '../charts/options.js';
import { formatDelta, kpiCards } from '../kpi-cards.js';
import { explain } from '../explain.js';
import { useI18n } from '../i18n.js';
import { useNarrow } from '../narrow.js';

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

export function Compare(props: { ids: string[] }) {
  const i18n = useI18n();
  const { t } = i18n;
  const narrow = useNarrow();
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
        if (!cancelled()) setError(explain(e, i18n));
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
          spec: bridgeOption(
            steps,
            { name: first.name, npv_usd: first.appraisal.metrics?.npv_usd ?? 0 },
            { name: it.name, npv_usd: it.appraisal.metrics?.npv_usd ?? 0 },
            i18n,
            narrow,
          ),
          error: undefined,
        };
      } catch (e) {
        return { to: it, spec: undefined, error: explain(e, i18n) };
      }
    });
  }, [bridge, first, items, i18n, narrow]);

  if (props.ids.length === 0) return <p className="muted">{t('nothing_to_compare')}</p>;
  return (
    <div className="compare" data-testid="compare">
      <h1>{t('compare')}</h1>
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
                <th scope="col">{t('metric')}</th>
                {items.map((it) => (
                  <th key={it.id} scope="col">
                    {it.name} <span className="muted">v{it.version}</span>
                  </th>
                ))}
                {items.slice(1).map((it) => (
                  <th key={`d-${it.id}`} scope="col" data-testid="compare-delta-head">
                    {t('delta')}: {it.name} − {first?.name}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {(rows[0] ?? [])
                .filter((c) => c.id !== 'payback' && c.id !== 'cbam')
                .map((c) => (
                  <tr key={c.id}>
                    <th scope="row">{t(c.label)}</th>
                    {rows.map((r, k) => {
                      const v = r.find((x) => x.id === c.id)?.value ?? null;
                      return (
                        <td key={k} data-testid={`compare-${c.id}`} className="num">
                          {v ?? '—'}
                          {v === null && <span className="sr-only"> {t('not_computed')}</span>}
                        </td>
                      );
                    })}
                    {rows.slice(1).map((r, k) => {
                      const a = c.raw;
                      const b = r.find((x) => x.id === c.id)?.raw ?? null;
                      return (
                        <td
                          key={`d${String(k)}`}
                          className="num"
                          data-testid={`compare-delta-${c.id}`}
                        >
                          {a === null || b === null ? '—' : formatDelta(i18n, c.kind, b - a)}
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
        b.spec ? (
          <ChartPanel
            key={b.to.id}
            id="npv-bridge"
            title={{ text: `${first?.name ?? ''} → ${b.to.name}` }}
            spec={b.spec}
            height={narrow ? 460 : 400}
            wide
            level={4}
          />
        ) : (
          <p key={b.to.id} className="error">
            {b.error}
          </p>
        ),
      )}
    </div>
  );
}
