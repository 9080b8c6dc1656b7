/**
 * Monte Carlo and tornado. The run is a server job (`POST /api/mc-runs`, progress from
 * `GET /api/mc-runs/:id/events` as server-sent events, result from `GET /api/mc-runs/:id`);
 * when the server has no such route the error is shown as it is. The tornado is computed in the
 * browser by the core worker (P10/P90 of each uncertain input, one at a time).
 */
import { memo, useMemo, useState } from 'react';
import { api, ApiError } from '../api.js';
import { useCore } from '../core-context.js';
import { EChart } from '../charts/EChart.js';
import { histogramOption, sCurveOption, tornadoOption } from '../charts/options.js';
import { useI18n } from '../i18n.js';
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

function scaleOf(name: string): { scale: number; unit: string } {
  return name.endsWith('_usd') ? { scale: 1e6, unit: 'USD M' } : { scale: 1, unit: '' };
}

/** What the shown Monte Carlo run is of. */
type McBasis = { kind: 'stored'; version: number } | { kind: 'whatif'; notes: string[] };

export const McPanel = memo(function McPanel(props: {
  scenarioId: string;
  version: number;
  outputs: string[];
  /** The what-if slider values now (read when a run of the what-if state starts). */
  whatIf: () => Record<string, number>;
}) {
  const { t, num } = useI18n();
  const core = useCore();
  const defaultOutput = props.outputs.includes('metrics.npv_usd')
    ? 'metrics.npv_usd'
    : (props.outputs[0] ?? '');
  const [output, setOutput] = useState(defaultOutput);
  const [samples, setSamples] = useState(1000);
  const [runOn, setRunOn] = useState<'stored' | 'whatif'>('stored');
  const [basis, setBasis] = useState<McBasis | undefined>(undefined);
  const [mcState, setMcState] = useState<string>(t('mc_none'));
  const [mcError, setMcError] = useState<string | undefined>(undefined);
  const [summaries, setSummaries] = useState<Record<string, Summary> | undefined>(undefined);
  const [tornado, setTornado] = useState<
    { base: number; bars: TornadoBar[]; output: string } | undefined
  >(undefined);
  const [tornadoState, setTornadoState] = useState<string>('');

  async function fetchResult(id: string) {
    const r = await api.mcRun(id);
    const s = findSummaries(r);
    setSummaries(s);
    setMcState(`${status(r) ?? ''} (${id})`);
  }

  async function runMc() {
    setMcError(undefined);
    setSummaries(undefined);
    setMcState(t('computing'));
    setBasis(undefined);
    try {
      let started: unknown;
      if (runOn === 'whatif') {
        // The loaded scenario's text with the slider values written in (the worker's what-if
        // session), as scenario text: the server runs exactly that.
        const values = { ...props.whatIf() };
        const r = await core.request({ type: 'whatif_text', values });
        setBasis({ kind: 'whatif', notes: r.notes });
        started = await api.startMcRun({ text: r.text, samples });
      } else {
        setBasis({ kind: 'stored', version: props.version });
        started = await api.startMcRun({
          scenario_id: props.scenarioId,
          version: props.version,
          samples,
        });
      }
      const id = runId(started);
      if (id === undefined)
        throw new ApiError(0, 'unexpected', 'the server answered without a run id');
      if (status(started) === 'done') {
        await fetchResult(id);
        return;
      }
      // Server-sent events: `progress` { completed_samples, samples } while the run goes, then
      // one `done` whose data is the run (status done, failed or cancelled); plain messages
      // are read the same way.
      const events = new EventSource(`/api/mc-runs/${id}/events`);
      let finished = false;
      const onData = (e: MessageEvent<string>) => {
        let data: unknown;
        try {
          data = JSON.parse(e.data);
        } catch {
          data = {};
        }
        const d = data as {
          completed_samples?: number;
          samples?: number;
          done?: number;
          total?: number;
        };
        const done = d.completed_samples ?? d.done;
        const total = d.samples ?? d.total;
        if (done !== undefined && total !== undefined)
          setMcState(`${t('progress')}: ${num(done)} / ${num(total)}`);
        const st = status(data);
        if (st === 'done' || st === 'failed' || st === 'cancelled') {
          finished = true;
          events.close();
          if (st === 'done') void fetchResult(id);
          else setMcError(`run ${id}: ${st}`);
        }
      };
      events.addEventListener('progress', onData);
      events.addEventListener('done', onData);
      events.onmessage = onData;
      events.onerror = () => {
        // The stream ends when the run does; read whatever the run has.
        events.close();
        if (finished) return;
        void fetchResult(id).catch((error: unknown) => {
          setMcError(error instanceof Error ? error.message : String(error));
        });
      };
    } catch (error) {
      const msg =
        error instanceof ApiError
          ? `${t('mc_unavailable')}: HTTP ${String(error.status)} ${error.code} — ${error.message}`
          : String(error);
      setMcError(msg);
      setMcState('');
    }
  }

  async function runTornado() {
    setTornadoState(t('computing'));
    try {
      const r = await core.request({ type: 'tornado', output });
      setTornado({ base: r.base, bars: r.bars, output: r.output });
      setTornadoState(`${r.bars.length} inputs, ${num(r.ms)} ms`);
    } catch (error) {
      setTornado(undefined);
      setTornadoState(error instanceof Error ? `${t('error')}: ${error.message}` : String(error));
    }
  }

  const summary = summaries?.[output];
  const { scale, unit } = scaleOf(output);
  const histogram = useMemo(
    () => (summary ? histogramOption(summary.histogram, scale, unit) : undefined),
    [summary, scale, unit],
  );
  const sCurve = useMemo(
    () => (summary ? sCurveOption(summary.ecdf, scale, unit) : undefined),
    [summary, scale, unit],
  );
  const tornadoChart = useMemo(
    () =>
      tornado
        ? tornadoOption(
            tornado.bars.map((b) => ({
              ...b,
              output_low: b.output_low / scale,
              output_high: b.output_high / scale,
            })),
            tornado.base / scale,
          )
        : undefined,
    [tornado, scale],
  );

  return (
    <section className="panel wide" data-testid="mc-panel">
      <h3>{t('monte_carlo')}</h3>
      <div className="row">
        <label>
          {t('output')}{' '}
          <select
            value={output}
            data-testid="mc-output"
            onChange={(e) => {
              setOutput(e.currentTarget.value);
            }}
          >
            {props.outputs.map((o) => (
              <option key={o} value={o}>
                {o}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('samples')}{' '}
          <input
            type="number"
            min={10}
            max={100000}
            value={samples}
            onChange={(e) => {
              setSamples(Number(e.currentTarget.value));
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
            <option value="whatif">{t('mc_on_whatif')}</option>
          </select>
        </label>
        <button type="button" data-testid="run-mc" onClick={() => void runMc()}>
          {t('run_mc')}
        </button>
        <button type="button" data-testid="run-tornado" onClick={() => void runTornado()}>
          {t('compute_tornado')}
        </button>
      </div>
      <p className="status" data-testid="mc-status">
        {mcState}
      </p>
      {basis && (
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
      {mcError !== undefined && (
        <p className="error" role="alert" data-testid="mc-error">
          {mcError}
        </p>
      )}
      {summary && (
        <p>
          P10 {num(summary.p10 / scale, 1)} · P50 {num(summary.p50 / scale, 1)} · P90{' '}
          {num(summary.p90 / scale, 1)} {unit} · P(&lt;0) {num(summary.prob_negative * 100, 1)} %
        </p>
      )}
      <div className="panels">
        <div className="panel">
          <h4>{t('histogram')}</h4>
          {histogram ? (
            <EChart option={histogram} testId="chart-mc-histogram" height={260} />
          ) : (
            <p className="muted">—</p>
          )}
        </div>
        <div className="panel">
          <h4>{t('s_curve')}</h4>
          {sCurve ? (
            <EChart option={sCurve} testId="chart-mc-scurve" height={260} />
          ) : (
            <p className="muted">—</p>
          )}
        </div>
        <div className="panel wide">
          <h4>
            {t('tornado')} {tornado ? `— ${tornado.output}` : ''}
          </h4>
          <p className="status" data-testid="tornado-status">
            {tornadoState}
          </p>
          {tornadoChart && <EChart option={tornadoChart} testId="chart-tornado" height={300} />}
        </div>
      </div>
    </section>
  );
});
