/**
 * Monte Carlo and tornado. A run is a server job (`POST /api/mc-runs`, progress from
 * `GET /api/mc-runs/:id/events` as server-sent events, result from `GET /api/mc-runs/:id`). The
 * sample count is checked in the form against the server's limits (`GET /api/mc-runs/limits`)
 * with a plain message; a viewer sees why there is no Run button; a refused or failed run says why
 * and keeps the previous result on screen. Past runs of the scenario are listed with cancel and
 * CSV export. The tornado is computed in the browser by the core worker (P10/P90 of each
 * uncertain input, one at a time).
 */
import { memo, useCallback, useEffect, useMemo, useState } from 'react';
import type { Appraisal } from '../../../src/appraisal.js';
import { api, ApiError, mcCsvUrl, type McLimits, type McRunView, type User } from '../api.js';
import { ChartPanel } from '../charts/ChartPanel.js';
import { histogramOption, outputScale, sCurveOption, tornadoOption } from '../charts/options.js';
import { useCore } from '../core-context.js';
import { explain } from '../explain.js';
import { useI18n, type MessageId } from '../i18n.js';
import { useNarrow } from '../narrow.js';
import { OutputSelect } from './OutputSelect.js';
import type { TornadoBar } from '../worker/protocol.js';

interface Summary {
  n: number;
  mean: number;
  p10: number;
  p50: number;
  p90: number;
  prob_negative: number;
  histogram: { edges: number[]; counts: number[] };
  ecdf: { x: number[]; p: number[] };
}

/** Finds the `{ <output>: OutputSummary }` map anywhere in an mc-run answer. */
export function findSummaries(x: unknown, depth = 0): Record<string, Summary> | undefined {
  if (typeof x !== 'object' || x === null || depth > 4) return undefined;
  const values = Object.values(x as Record<string, unknown>);
  if (
    values.length > 0 &&
    values.every((v) => typeof v === 'object' && v !== null && 'histogram' in v && 'ecdf' in v)
  )
    return x as Record<string, Summary>;
  for (const v of values) {
    const found = findSummaries(v, depth + 1);
    if (found) return found;
  }
  return undefined;
}

function runId(x: unknown): string | undefined {
  if (typeof x !== 'object' || x === null) return undefined;
  const o = x as { id?: unknown; run?: { id?: unknown } };
  if (typeof o.id === 'string') return o.id;
  if (typeof o.run?.id === 'string') return o.run.id;
  return undefined;
}

function status(x: unknown): string | undefined {
  if (typeof x !== 'object' || x === null) return undefined;
  const o = x as { status?: unknown; run?: { status?: unknown } };
  const s = o.status ?? o.run?.status;
  return typeof s === 'string' ? s : undefined;
}

/** The value of an appraisal output path (`stages.smelter.metrics.npv_usd`, `metrics.irr`). */
export function outputValue(a: Appraisal, path: string): number | undefined {
  const parts = path.split('.');
  let x: unknown = a;
  for (let k = 0; k < parts.length; k++) {
    const p = parts[k] ?? '';
    if (Array.isArray(x)) x = (x as { id?: string }[]).find((e) => e.id === p);
    else if (typeof x === 'object' && x !== null) x = (x as Record<string, unknown>)[p];
    else return undefined;
  }
  return typeof x === 'number' ? x : undefined;
}

/** Limits used when the server does not publish them (older servers; the route's own maximum). */
const FALLBACK_LIMITS: McLimits = {
  max_samples: 1_000_000,
  max_concurrent_runs_per_user: 1,
  min_chunk_size: 1,
  max_chunk_size: 100_000,
};
const MIN_SAMPLES = 10;

/** What the shown Monte Carlo run is of. */
type McBasis = { kind: 'stored'; version: number } | { kind: 'whatif'; notes: string[] };

function RunsList(props: {
  runs: McRunView[];
  onShow: (id: string) => void;
  onCancel: (id: string) => void;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  if (props.runs.length === 0) return <p className="muted">{t('mc_none_listed')}</p>;
  return (
    <div className="table-wrap">
      <table data-testid="mc-runs">
        <thead>
          <tr>
            <th scope="col">{t('created')}</th>
            <th scope="col">{t('samples')}</th>
            <th scope="col">{t('status')}</th>
            <th scope="col">{t('actions')}</th>
          </tr>
        </thead>
        <tbody>
          {props.runs.map((r) => (
            <tr key={r.id} data-run={r.id} data-status={r.status}>
              <td>{i18n.date(r.created_at, true)}</td>
              <td className="num">
                {i18n.num(r.completed_samples)} / {i18n.num(r.samples)}
              </td>
              <td>
                {t(`mc_status_${r.status}` as MessageId)}
                {r.error ? ` — ${r.error}` : ''}
              </td>
              <td className="actions">
                {r.status === 'done' && (
                  <>
                    <button
                      type="button"
                      className="small"
                      onClick={() => {
                        props.onShow(r.id);
                      }}
                    >
                      {t('show')}
                    </button>{' '}
                    <a className="button small" href={mcCsvUrl(r.id)} download data-testid="mc-csv">
                      {t('export_csv')}
                    </a>
                  </>
                )}
                {(r.status === 'queued' || r.status === 'running') && (
                  <button
                    type="button"
                    className="small"
                    data-testid="mc-cancel"
                    onClick={() => {
                      props.onCancel(r.id);
                    }}
                  >
                    {t('cancel')}
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export const McPanel = memo(function McPanel(props: {
  scenarioId: string;
  version: number;
  outputs: string[];
  user: User;
  /** The loaded (base-case) appraisal: its output values are marked on the charts. */
  base: Appraisal;
  /** The what-if slider values now (read when a run of the what-if state starts). */
  whatIf: () => Record<string, number>;
  /** The worker is ready (tornado and what-if runs need it). */
  workerReady: boolean;
}) {
  const i18n = useI18n();
  const { t, num } = i18n;
  const core = useCore();
  const narrow = useNarrow();
  const canRun = props.user.role !== 'viewer';
  const defaultOutput = props.outputs.includes('metrics.npv_usd')
    ? 'metrics.npv_usd'
    : (props.outputs[0] ?? '');
  const [output, setOutput] = useState(defaultOutput);
  const [samplesText, setSamplesText] = useState('1000');
  const [limits, setLimits] = useState<McLimits>(FALLBACK_LIMITS);
  const [runOn, setRunOn] = useState<'stored' | 'whatif'>('stored');
  const [basis, setBasis] = useState<McBasis | undefined>(undefined);
  // undefined: no run yet (the message is rendered in the current language).
  const [mcState, setMcState] = useState<string | undefined>(undefined);
  const [mcError, setMcError] = useState<string | undefined>(undefined);
  const [summaries, setSummaries] = useState<Record<string, Summary> | undefined>(undefined);
  const [runs, setRuns] = useState<McRunView[]>([]);
  const [tornado, setTornado] = useState<
    { base: number; bars: TornadoBar[]; output: string } | undefined
  >(undefined);
  const [tornadoState, setTornadoState] = useState<string>('');

  const refreshRuns = useCallback(() => {
    if (!canRun) return;
    api
      .mcRuns(props.scenarioId)
      .then((r) => {
        setRuns(r.runs);
      })
      .catch(() => undefined);
  }, [props.scenarioId, canRun]);

  useEffect(() => {
    if (!canRun) return;
    api
      .mcLimits()
      .then(setLimits)
      .catch(() => undefined);
    refreshRuns();
  }, [canRun, refreshRuns]);

  const samples = Number(samplesText);
  const samplesValid =
    /^\s*\d+\s*$/.test(samplesText) && samples >= MIN_SAMPLES && samples <= limits.max_samples;
  const samplesMessage = t('mc_samples_range', {
    min: num(MIN_SAMPLES),
    max: num(limits.max_samples),
  });

  async function fetchResult(id: string) {
    const r = await api.mcRun(id);
    const s = findSummaries(r);
    if (s) setSummaries(s);
    const st = status(r) ?? '';
    setMcState(t(`mc_status_${st}` as MessageId));
    refreshRuns();
  }

  function failed(message: string) {
    setMcError(t('mc_failed', { message }));
    setMcState('');
    refreshRuns();
  }

  async function runMc() {
    if (!samplesValid) return;
    setMcError(undefined);
    setMcState(t('computing'));
    try {
      let started: unknown;
      let nextBasis: McBasis;
      if (runOn === 'whatif') {
        // The loaded scenario's text with the slider values written in (the worker's what-if
        // session), as scenario text: the server runs exactly that.
        const r = await core.request({ type: 'whatif_text', values: { ...props.whatIf() } });
        nextBasis = { kind: 'whatif', notes: r.notes };
        started = await api.startMcRun({ text: r.text, samples });
      } else {
        nextBasis = { kind: 'stored', version: props.version };
        started = await api.startMcRun({
          scenario_id: props.scenarioId,
          version: props.version,
          samples,
        });
      }
      const id = runId(started);
      if (id === undefined) throw new ApiError(0, 'unexpected', 'no run id');
      refreshRuns();
      const onDone = async () => {
        // The basis changes with the result shown, not before (a failed run keeps the old one).
        await fetchResult(id);
        setBasis(nextBasis);
      };
      if (status(started) === 'done') {
        await onDone();
        return;
      }
      const events = new EventSource(`/api/mc-runs/${id}/events`);
      let finished = false;
      const onData = (e: MessageEvent<string>) => {
        let data: unknown;
        try {
          data = JSON.parse(e.data);
        } catch {
          data = {};
        }
        const d = data as { completed_samples?: number; samples?: number; error?: string | null };
        if (d.completed_samples !== undefined && d.samples !== undefined)
          setMcState(`${t('progress')}: ${num(d.completed_samples)} / ${num(d.samples)}`);
        const st = status(data);
        if (st === 'done' || st === 'failed' || st === 'cancelled' || st === 'interrupted') {
          finished = true;
          events.close();
          if (st === 'done') void onDone();
          else failed(`${t(`mc_status_${st}` as MessageId)}${d.error ? ` — ${d.error}` : ''}`);
        }
      };
      events.addEventListener('progress', onData);
      events.addEventListener('done', onData);
      events.onmessage = onData;
      events.onerror = () => {
        events.close();
        if (finished) return;
        void onDone().catch((error: unknown) => {
          failed(explain(error, i18n));
        });
      };
    } catch (error) {
      setMcState('');
      if (error instanceof ApiError && error.status === 429)
        setMcError(
          `${t('mc_quota', { n: i18n.count(limits.max_concurrent_runs_per_user, 'run', 0) })} ${t('mc_kept_previous')}`,
        );
      else setMcError(`${explain(error, i18n)} ${t('mc_kept_previous')}`);
    }
  }

  async function cancel(id: string) {
    try {
      await api.cancelMcRun(id);
    } catch (error) {
      setMcError(explain(error, i18n));
    }
    refreshRuns();
  }

  async function runTornado() {
    setTornadoState(t('computing'));
    try {
      const r = await core.request({ type: 'tornado', output });
      setTornado({ base: r.base, bars: r.bars, output: r.output });
      setTornadoState(
        t('tornado_done', {
          n: i18n.count(r.bars.length, 'input', 0),
          ms: `${num(r.ms)} ${t('ms')}`,
        }),
      );
    } catch (error) {
      setTornado(undefined);
      setTornadoState(`${t('error')}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  const summary = summaries?.[output];
  const { scale, origin, unit } = outputScale(output, i18n);
  const baseValue = outputValue(props.base, output);
  const histogram = useMemo(
    () =>
      summary
        ? histogramOption(summary.histogram, { scale, origin, unit }, i18n, baseValue, summary)
        : undefined,
    [summary, scale, origin, unit, i18n, baseValue],
  );
  const sCurve = useMemo(
    () =>
      summary ? sCurveOption(summary.ecdf, { scale, origin, unit }, i18n, baseValue) : undefined,
    [summary, scale, origin, unit, i18n, baseValue],
  );
  const tornadoChart = useMemo(() => {
    if (!tornado) return undefined;
    const ts = outputScale(tornado.output, i18n);
    return tornadoOption(tornado.bars, tornado.base, ts.scale, ts.unit, i18n, narrow);
  }, [tornado, i18n, narrow]);
  const fmt = (x: number) => i18n.outputValue(output, x);

  return (
    <section className="panel wide" data-testid="mc-panel">
      <h3>{t('monte_carlo')}</h3>
      <div className="row">
        <label>
          {t('output')}{' '}
          <OutputSelect
            testId="mc-output"
            outputs={props.outputs}
            value={output}
            onChange={setOutput}
          />
        </label>
        {canRun && (
          <>
            <label>
              {t('samples')}{' '}
              <input
                type="text"
                inputMode="numeric"
                data-testid="mc-samples"
                aria-invalid={!samplesValid}
                aria-describedby="mc-samples-help"
                value={samplesText}
                onChange={(e) => {
                  setSamplesText(e.currentTarget.value);
                }}
              />
            </label>
            <label>
              {t('mc_run_on')}{' '}
              <select
                value={runOn}
                data-testid="mc-run-on"
                onChange={(e) => {
                  setRunOn(e.currentTarget.value === 'whatif' ? 'whatif' : 'stored');
                }}
              >
                <option value="stored">
                  {t('mc_on_stored')} v{props.version}
                </option>
                <option value="whatif" disabled={!props.workerReady}>
                  {t('mc_on_whatif')}
                </option>
              </select>
            </label>
            <button
              type="button"
              data-testid="run-mc"
              disabled={!samplesValid}
              onClick={() => void runMc()}
            >
              {t('run_mc')}
            </button>
          </>
        )}
        <button
          type="button"
          data-testid="run-tornado"
          disabled={!props.workerReady}
          onClick={() => void runTornado()}
        >
          {t('compute_tornado')}
        </button>
      </div>
      {canRun ? (
        <p
          id="mc-samples-help"
          className={samplesValid ? 'muted small-print' : 'error'}
          data-testid="mc-samples-help"
          role={samplesValid ? undefined : 'alert'}
        >
          {samplesMessage}
        </p>
      ) : (
        <p className="notice" data-testid="mc-viewer">
          {t('mc_viewer')}
        </p>
      )}
      <p className="status" data-testid="mc-status" aria-live="polite">
        {mcState ?? (summaries ? '' : t('mc_none'))}
      </p>
      {mcError !== undefined && (
        <p className="error" role="alert" data-testid="mc-error">
          {mcError}
        </p>
      )}
      {basis && summary && (
        <div className="mc-basis" data-testid="mc-basis" data-basis={basis.kind}>
          {basis.kind === 'stored' ? (
            <strong>
              {t('mc_shown_stored')} v{basis.version}
            </strong>
          ) : (
            <>
              <strong>{t('mc_shown_whatif')}</strong>
              {basis.notes.length === 0 ? (
                <span className="muted"> — {t('mc_whatif_none')}</span>
              ) : (
                <ul data-testid="mc-basis-notes">
                  {basis.notes.map((n) => (
                    <li key={n}>{n}</li>
                  ))}
                </ul>
              )}
            </>
          )}
        </div>
      )}
      {summary && (
        <p data-testid="mc-quantiles">
          P10 {fmt(summary.p10)} · P50 {fmt(summary.p50)} · P90 {fmt(summary.p90)} · P(&lt;0){' '}
          {i18n.pct(summary.prob_negative)}
          {baseValue !== undefined && ` · ${t('base_case')} ${fmt(baseValue)}`}
        </p>
      )}
      <div className="panels">
        <ChartPanel id="mc-histogram" title="histogram" spec={histogram} height={280} level={4} />
        <ChartPanel id="mc-scurve" title="s_curve" spec={sCurve} height={280} level={4} />
        <ChartPanel
          id="tornado"
          title={{ text: `${t('tornado')}${tornado ? ` — ${i18n.output(tornado.output)}` : ''}` }}
          spec={tornadoChart}
          height={Math.max(260, 60 + 56 * (tornado?.bars.length ?? 4))}
          wide
          level={4}
        >
          <p className="status" data-testid="tornado-status" aria-live="polite">
            {tornadoState}
          </p>
        </ChartPanel>
      </div>
      {canRun && (
        <details className="mc-runs" open={runs.length > 0}>
          <summary>
            {t('mc_runs')} ({runs.length})
          </summary>
          <RunsList
            runs={runs}
            onShow={(id) => {
              setBasis({ kind: 'stored', version: props.version });
              void fetchResult(id);
            }}
            onCancel={(id) => void cancel(id)}
          />
        </details>
      )}
    </section>
  );
});
