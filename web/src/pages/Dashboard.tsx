/** Dashboard of one scenario version: KPI cards, charts, live what-if, Monte Carlo, reports. */
import { lazy, memo, Suspense, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import { applyDelta } from '../appraisal-delta.js';
import { chartDraws } from '../charts/draws.js';
import type { Appraisal } from '../../../src/appraisal.js';
import { appraisalOutputs } from '../../../src/analysis/appraisal-outputs.js';
import { api, reportUrl, type User } from '../api.js';
import { explain } from '../explain.js';
import { navigate, scenarioHref } from '../router.js';
import { Charts } from '../components/Charts.js';
import { Kpis } from '../components/Kpis.js';
import { McPanel } from '../components/McPanel.js';
import { TableWrap } from '../components/TableWrap.js';
import { WhatIfPanel } from '../components/WhatIfPanel.js';
import { useCore, whatIfTimings } from '../core-context.js';
import { useI18n } from '../i18n.js';
import type { SliderDef } from '../whatif.js';
import { stageQuality } from '../stage-quality.js';
import { stageSlag } from '../stage-slag.js';

// Drawn after the KPI cards and the charts, and the feasible region only runs on request: both
// are chunks of their own, off the first load.
const FeasiblePanel = lazy(() =>
  import('../components/FeasiblePanel.js').then((m) => ({ default: m.FeasiblePanel })),
);
const TimingOptionCard = lazy(() =>
  import('../components/TimingOptionCard.js').then((m) => ({ default: m.TimingOptionCard })),
);

export interface Loaded {
  appraisal: Appraisal;
  sliders: SliderDef[];
  outputs: string[];
}

export function Dashboard(props: {
  scenarioId: string;
  version: number;
  /** The server's appraisal of the stored version (shown at once), or the worker's. */
  initial: Appraisal;
  /** The worker's session (sliders, outputs), once the core worker has loaded the scenario. */
  loaded: Loaded | undefined;
  user: User;
  canWrite: boolean;
}) {
  const i18n = useI18n();
  const { t, num } = i18n;
  const core = useCore();
  const [appraisal, setAppraisal] = useState(props.loaded?.appraisal ?? props.initial);
  const [saveState, setSaveState] = useState<string | undefined>(undefined);
  // One tick per answered step: a step whose delta is empty is measured too.
  const [tick, setTick] = useState(0);
  const [values, setValues] = useState<Record<string, number>>({});
  const [status, setStatus] = useState('');
  const [lastMs, setLastMs] = useState<number | undefined>(undefined);
  const [error, setError] = useState<string | undefined>(undefined);
  // Latest-wins: while the worker computes, only the newest slider values wait.
  const inFlight = useRef(false);
  const queued = useRef<{ values: Record<string, number>; t0: number } | undefined>(undefined);
  const pending = useRef<
    | {
        t0: number;
        posted: number;
        compute_ms: number;
        received: number;
        plant_solved: boolean;
        worker_start: number;
        worker_end: number;
      }
    | undefined
  >(undefined);

  useEffect(() => {
    setAppraisal(props.loaded?.appraisal ?? props.initial);
    setValues({});
  }, [props.loaded, props.initial]);
  const base = props.loaded?.appraisal ?? props.initial;
  const outputs = useMemo(
    () => props.loaded?.outputs ?? [...appraisalOutputs(props.initial).keys()],
    [props.loaded, props.initial],
  );

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
      const draws = chartDraws.splice(0);
      timings.redraw_ms.push(ms);
      timings.charts_ms.push(draws.reduce((sum, d) => sum + d.ms, 0));
      timings.charts_drawn.push(
        draws.map((d) => `${d.id.replace('chart-', '')}:${d.mode}:${d.ms.toFixed(1)}ms`),
      );
      timings.plant_solved.push(p.plant_solved);
      timings.post_ms.push(p.posted - p.t0);
      timings.to_worker_ms.push(p.worker_start - p.posted);
      timings.from_worker_ms.push(p.received - p.worker_end);
      timings.compute_ms.push(p.compute_ms);
      timings.transfer_ms.push(p.received - p.t0 - p.compute_ms);
      timings.render_ms.push(committed - p.received);
      timings.frame_ms.push(now - committed);
      setLastMs(ms);
      setStatus(
        `${t('whatif_status')}: ${num(ms, 1)} ${t('ms')} (${num(p.compute_ms, 1)} ${t('ms')})`,
      );
    });
  }, [tick, t, num]);

  // Stable handlers (the memoised slider panel is not rendered again for them); they read the
  // current values through a ref.
  const valuesRef = useRef(values);
  valuesRef.current = values;
  const sendRef = useRef<(next: Record<string, number>, t0: number) => void>(() => undefined);
  sendRef.current = (next, t0) => {
    inFlight.current = true;
    // Chart draws before this step (e.g. the tornado) are not counted in it.
    chartDraws.splice(0);
    const request = core.request({ type: 'whatif', values: next });
    const posted = performance.now();
    // The worker's clock has its own origin: its epoch times are converted to this page's.
    const origin = performance.timeOrigin;
    request
      .then((r) => {
        pending.current = {
          t0,
          posted,
          compute_ms: r.compute_ms,
          received: performance.now(),
          plant_solved: r.plant_solved,
          worker_start: r.worker_start_epoch_ms - origin,
          worker_end: r.worker_end_epoch_ms - origin,
        };
        // Rendered at once (not in a later scheduler task): only the changed parts are new
        // objects, so only the KPI cards and the charts whose data changed render again.
        flushSync(() => {
          setError(undefined);
          setAppraisal((prev) => applyDelta(prev, r.delta));
          setTick((n) => n + 1);
        });
      })
      .catch((e: unknown) => {
        setError(e instanceof Error ? e.message : String(e));
      })
      .finally(() => {
        inFlight.current = false;
        const q = queued.current;
        queued.current = undefined;
        if (q) sendRef.current(q.values, q.t0);
      });
  };

  const request = useCallback((next: Record<string, number>, t0: number) => {
    valuesRef.current = next;
    setValues(next);
    if (inFlight.current) queued.current = { values: next, t0 };
    else sendRef.current(next, t0);
  }, []);

  /** @param t0 - Time stamp of the slider's input event [ms, performance.now() clock] */
  const onChange = useCallback(
    (id: string, value: number, t0: number) => {
      request({ ...valuesRef.current, [id]: value }, t0);
    },
    [request],
  );
  const onReset = useCallback(() => {
    request({}, performance.now());
  }, [request]);
  /** The slider values now (for a Monte Carlo run of the what-if state). */
  const whatIfState = useCallback(() => valuesRef.current, []);

  /** Saves the loaded text with the slider values written in as the scenario's next version. */
  const saveWhatIf = useCallback(async () => {
    setSaveState(t('computing'));
    try {
      const r = await core.request({ type: 'whatif_text', values: { ...valuesRef.current } });
      const saved = await api.saveVersion(
        props.scenarioId,
        r.text,
        t('whatif_message', { notes: r.notes.join('; ') }),
      );
      setSaveState(t('whatif_saved', { n: saved.version.version }));
      navigate(scenarioHref(props.scenarioId, saved.version.version));
    } catch (error) {
      setSaveState(explain(error, i18n));
    }
  }, [core, props.scenarioId, t, i18n]);
  const moved = Object.keys(values).length > 0;
  // The KPI cards are painted first; the charts (their chunk, their canvases) a frame later.
  const [charts, setCharts] = useState(false);
  useEffect(() => {
    const id = requestAnimationFrame(() => {
      setTimeout(() => {
        setCharts(true);
      }, 0);
    });
    return () => {
      cancelAnimationFrame(id);
    };
  }, []);

  return (
    <div className="dashboard" data-testid="dashboard">
      <Kpis appraisal={appraisal} {...(moved ? { base } : {})} />
      <NotImplementedList items={appraisal.not_implemented} />
      <div className="dash-grid">
        {props.loaded ? (
          <WhatIfPanel
            sliders={props.loaded.sliders}
            values={values}
            onChange={onChange}
            onReset={onReset}
            status={status}
            error={error}
            lastMs={lastMs}
          >
            {props.canWrite && (
              <p>
                <button
                  type="button"
                  data-testid="save-whatif"
                  disabled={!moved}
                  onClick={() => void saveWhatIf()}
                >
                  {t('save_whatif')}
                </button>{' '}
                <span className="status" data-testid="save-whatif-status" aria-live="polite">
                  {saveState}
                </span>
              </p>
            )}
          </WhatIfPanel>
        ) : (
          <section className="panel whatif" data-testid="whatif-loading">
            <h3>{t('whatif')}</h3>
            <p className="muted">{t('loading')}</p>
          </section>
        )}
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
          <StageTable stages={appraisal.stages} />
        </section>
      </div>
      {charts && <Charts appraisal={appraisal} />}
      {charts && (
        <Suspense fallback={null}>
          <TimingOptionCard appraisal={appraisal} />
          <FeasiblePanel
            scenarioId={props.scenarioId}
            version={props.version}
            outputs={outputs}
            workerReady={props.loaded !== undefined}
          />
        </Suspense>
      )}
      {charts && (
        <McPanel
          scenarioId={props.scenarioId}
          version={props.version}
          outputs={outputs}
          user={props.user}
          base={base}
          whatIf={whatIfState}
          workerReady={props.loaded !== undefined}
        />
      )}
    </div>
  );
}

const NotImplementedList = memo(function NotImplementedList(props: {
  items: Appraisal['not_implemented'];
}) {
  const { t } = useI18n();
  if (props.items.length === 0) return null;
  return (
    <details className="notice">
      <summary>
        {t('not_implemented')} ({props.items.length})
      </summary>
      <ul>
        {props.items.map((n) => (
          <li key={n.what}>
            {n.what} — <em>{n.tracking}</em>
          </li>
        ))}
      </ul>
    </details>
  );
});

/** The reasons under a cell's value (a missed limit, a short superheat), when there are any. */
function Reasons(props: { items: string[] }) {
  if (props.items.length === 0) return null;
  return (
    <ul className="kpi-sub">
      {props.items.map((r) => (
        <li key={r}>{r}</li>
      ))}
    </ul>
  );
}

/** The product grade (with the limits missed when out of specification) and its S, P, Ti. */
function QualityCells(props: { stage: Appraisal['stages'][number] }) {
  const i18n = useI18n();
  const q = stageQuality(props.stage, i18n);
  return (
    <>
      <td data-testid={`grade-${props.stage.id}`} className={q.in_spec === false ? 'bad' : ''}>
        {q.grade}
        <Reasons items={q.reasons} />
      </td>
      <td data-testid={`minors-${props.stage.id}`}>{q.minors ?? '—'}</td>
    </>
  );
}

/**
 * The slag of a FeCr stage: liquidus with its primary phase, viscosity at tapping, superheat
 * against the required one — short, the cell says so in words and why (not by colour alone).
 */
function SlagCells(props: { stage: Appraisal['stages'][number] }) {
  const i18n = useI18n();
  const s = stageSlag(props.stage, i18n);
  const id = props.stage.id;
  if (s === null)
    return (
      <>
        <td data-testid={`slag-liquidus-${id}`}>—</td>
        <td data-testid={`slag-viscosity-${id}`}>—</td>
        <td data-testid={`slag-superheat-${id}`}>—</td>
      </>
    );
  return (
    <>
      <td data-testid={`slag-liquidus-${id}`} className="slag">
        {s.liquidus}
        <div className="kpi-sub">{s.phase}</div>
      </td>
      <td data-testid={`slag-viscosity-${id}`} className="slag">
        {s.viscosity ?? '—'}
        {s.viscosity_note !== null && <div className="kpi-sub">{s.viscosity_note}</div>}
      </td>
      <td data-testid={`slag-superheat-${id}`} className={s.short ? 'slag bad' : 'slag'}>
        {s.superheat}
        <Reasons items={s.reasons} />
      </td>
    </>
  );
}

const StageTable = memo(function StageTable(props: { stages: Appraisal['stages'] }) {
  const i18n = useI18n();
  const { t } = i18n;
  return (
    <TableWrap label={t('stage_table')}>
      <table className="stages">
        <thead>
          <tr>
            <th scope="col">{t('stage')}</th>
            <th scope="col">{t('production')}</th>
            <th scope="col">{t('cr_recovery')}</th>
            <th scope="col">{t('product_grade')}</th>
            <th scope="col">{t('product_minors')}</th>
            <th scope="col">{t('col_slag_liquidus')}</th>
            <th scope="col">{t('col_slag_viscosity')}</th>
            <th scope="col">{t('col_slag_superheat')}</th>
          </tr>
        </thead>
        <tbody>
          {props.stages.map((s) => (
            <tr key={s.id}>
              <th scope="row">
                {s.id} ({s.start_year})
              </th>
              <td>
                {s.products
                  .map((p) => `${i18n.product(p.id)}: ${i18n.qty(p.t_per_year, 't/year', 0)}`)
                  .join(', ')}
              </td>
              <td className="num">
                {s.kpis.cr_recovery === undefined ? '—' : i18n.pct(s.kpis.cr_recovery)}
              </td>
              <QualityCells stage={s} />
              <SlagCells stage={s} />
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
});
