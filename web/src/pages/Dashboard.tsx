/** Dashboard of one scenario version: KPI cards, charts, live what-if, Monte Carlo, reports. */
import { useEffect, useRef, useState } from 'react';
import type { Appraisal } from '../../../src/appraisal.js';
import { reportUrl } from '../api.js';
import { Charts } from '../components/Charts.js';
import { Kpis } from '../components/Kpis.js';
import { McPanel } from '../components/McPanel.js';
import { WhatIfPanel } from '../components/WhatIfPanel.js';
import { useCore, whatIfTimings } from '../core-context.js';
import { useI18n } from '../i18n.js';
import type { SliderDef } from '../whatif.js';

export interface Loaded {
  appraisal: Appraisal;
  sliders: SliderDef[];
  outputs: string[];
}

export function Dashboard(props: { scenarioId: string; version: number; loaded: Loaded }) {
  const i18n = useI18n();
  const { t, num } = i18n;
  const core = useCore();
  const [appraisal, setAppraisal] = useState(props.loaded.appraisal);
  const [values, setValues] = useState<Record<string, number>>({});
  const [status, setStatus] = useState('');
  const [lastMs, setLastMs] = useState<number | undefined>(undefined);
  const [error, setError] = useState<string | undefined>(undefined);
  // Latest-wins: while the worker computes, only the newest slider values wait.
  const inFlight = useRef(false);
  const queued = useRef<{ values: Record<string, number>; t0: number } | undefined>(undefined);
  const pending = useRef<{ t0: number; compute_ms: number; received: number } | undefined>(
    undefined,
  );

  useEffect(() => {
    setAppraisal(props.loaded.appraisal);
    setValues({});
  }, [props.loaded]);

  // After the commit that drew the new appraisal: measure slider → redraw.
  useEffect(() => {
    const p = pending.current;
    if (!p) return;
    pending.current = undefined;
    const committed = performance.now();
    requestAnimationFrame(() => {
      const now = performance.now();
      const ms = now - p.t0;
      const timings = whatIfTimings();
      timings.redraw_ms.push(ms);
      timings.compute_ms.push(p.compute_ms);
      timings.transfer_ms.push(p.received - p.t0 - p.compute_ms);
      timings.render_ms.push(committed - p.received);
      timings.frame_ms.push(now - committed);
      setLastMs(ms);
      setStatus(`${t('whatif_status')}: ${num(ms, 1)} ms (appraise ${num(p.compute_ms, 1)} ms)`);
    });
  }, [appraisal, t, num]);

  function send(next: Record<string, number>, t0: number) {
    inFlight.current = true;
    core
      .request({ type: 'whatif', values: next })
      .then((r) => {
        pending.current = { t0, compute_ms: r.compute_ms, received: performance.now() };
        setError(undefined);
        // Same plant: keep the balance object the charts already drew (no re-layout).
        setAppraisal((prev) =>
          r.balance_unchanged ? { ...r.appraisal, balance: prev.balance } : r.appraisal,
        );
      })
      .catch((e: unknown) => {
        setError(e instanceof Error ? e.message : String(e));
      })
      .finally(() => {
        inFlight.current = false;
        const q = queued.current;
        queued.current = undefined;
        if (q) send(q.values, q.t0);
      });
  }

  function onChange(id: string, value: number) {
    const t0 = performance.now();
    const next = { ...values, [id]: value };
    setValues(next);
    if (inFlight.current) queued.current = { values: next, t0 };
    else send(next, t0);
  }

  function onReset() {
    const t0 = performance.now();
    setValues({});
    if (inFlight.current) queued.current = { values: {}, t0 };
    else send({}, t0);
  }

  return (
    <div className="dashboard" data-testid="dashboard">
      <Kpis appraisal={appraisal} />
      {appraisal.not_implemented.length > 0 && (
        <details className="notice">
          <summary>
            {t('not_implemented')} ({appraisal.not_implemented.length})
          </summary>
          <ul>
            {appraisal.not_implemented.map((n) => (
              <li key={n.what}>
                {n.what} — <em>{n.tracking}</em>
              </li>
            ))}
          </ul>
        </details>
      )}
      <div className="dash-grid">
        <WhatIfPanel
          sliders={props.loaded.sliders}
          values={values}
          onChange={onChange}
          onReset={onReset}
          status={status}
          error={error}
          lastMs={lastMs}
        />
        <section className="panel reports">
          <h3>{t('reports')}</h3>
          <p>
            {(['html', 'pdf', 'xlsx'] as const).map((f) => (
              <a
                key={f}
                className="button"
                data-testid={`report-${f}`}
                href={reportUrl(props.scenarioId, props.version, f)}
                download
              >
                {f.toUpperCase()}
              </a>
            ))}
          </p>
          <table className="stages">
            <thead>
              <tr>
                <th>{t('stage')}</th>
                <th>{t('production')}</th>
                <th>{t('cr_recovery')}</th>
              </tr>
            </thead>
            <tbody>
              {appraisal.stages.map((s) => (
                <tr key={s.id}>
                  <td>
                    {s.id} ({s.start_year})
                  </td>
                  <td>{s.products.map((p) => `${p.id} ${num(p.t_per_year)} t`).join(', ')}</td>
                  <td>{s.kpis.cr_recovery === undefined ? '—' : i18n.pct(s.kpis.cr_recovery)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      </div>
      <Charts appraisal={appraisal} />
      <McPanel
        scenarioId={props.scenarioId}
        version={props.version}
        outputs={props.loaded.outputs}
      />
    </div>
  );
}
