/**
 * The feasible region of two inputs on the dashboard: a form (the output and its target, the two
 * inputs with their ranges, the grid rows within the server's limit), checked before sending,
 * then `POST /api/feasible-region` on request only — nothing runs at page load; the inputs are
 * read from the core worker when the panel is first opened. The answer is drawn as the contour
 * with the base case marked (charts/feasible-region.ts) and its data table; a target met
 * nowhere, or a refused request, is explained in the user's language.
 */
import { memo, useEffect, useMemo, useState } from 'react';
import { api, type FeasibleRegionAnswer } from '../api.js';
import { ChartPanel } from '../charts/ChartPanel.js';
import { feasibleRegionOption, metAnywhere } from '../charts/feasible-region.js';
import { inputLabel } from '../charts/options.js';
import { useCore } from '../core-context.js';
import { explain } from '../explain.js';
import {
  checkFeasibleForm,
  defaultInputs,
  defaultRange,
  type FeasibleForm,
  type InputChoice,
} from '../feasible-form.js';
import { useI18n } from '../i18n.js';
import { outputUnit } from '../labels.js';
import { OutputSelect } from './OutputSelect.js';

function Field(props: {
  id: string;
  label: string;
  value: string;
  problem: string | undefined;
  onChange: (v: string) => void;
}) {
  return (
    <label className="fr-field">
      <span>{props.label}</span>
      <input
        type="text"
        inputMode="decimal"
        data-testid={`fr-${props.id}`}
        value={props.value}
        aria-invalid={props.problem !== undefined}
        onChange={(e) => {
          props.onChange(e.currentTarget.value);
        }}
      />
      {props.problem !== undefined && <span className="field-problem">{props.problem}</span>}
    </label>
  );
}

export const FeasiblePanel = memo(function FeasiblePanel(props: {
  scenarioId: string;
  version: number;
  outputs: readonly string[];
  workerReady: boolean;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const core = useCore();
  const [open, setOpen] = useState(false);
  const [leaves, setLeaves] = useState<InputChoice[] | undefined>(undefined);
  const [maxRows, setMaxRows] = useState<number | undefined>(undefined);
  const [form, setForm] = useState<FeasibleForm | undefined>(undefined);
  // Kept as what happened, not as text, so a change of language re-words it.
  const [status, setStatus] = useState<
    | { kind: 'running' }
    | { kind: 'done'; n: number }
    | { kind: 'error'; error: unknown }
    | undefined
  >(undefined);
  const [running, setRunning] = useState(false);
  const [answer, setAnswer] = useState<FeasibleRegionAnswer | undefined>(undefined);

  // The inputs and the limits are fetched when the panel is first opened.
  useEffect(() => {
    if (!open || !props.workerReady || leaves !== undefined) return;
    void (async () => {
      try {
        const [inputs, limits] = await Promise.all([
          core.request({ type: 'inputs' }),
          api.feasibleLimits(),
        ]);
        const choices = inputs.leaves.map((l) => ({ path: l.path, value: l.value, unit: l.unit }));
        setLeaves(choices);
        setMaxRows(limits.max_rows);
        const pair = defaultInputs(choices);
        if (!pair) return;
        const at = (p: string) => choices.find((c) => c.path === p)?.value ?? 0;
        const [x0, x1] = defaultRange(at(pair[0]));
        const [y0, y1] = defaultRange(at(pair[1]));
        setForm({
          output: props.outputs.includes('metrics.npv_usd')
            ? 'metrics.npv_usd'
            : (props.outputs[0] ?? ''),
          target: '0',
          x: pair[0],
          y: pair[1],
          xFrom: String(x0),
          xTo: String(x1),
          yFrom: String(y0),
          yTo: String(y1),
          rows: String(limits.default_rows),
        });
      } catch (error) {
        setStatus({ kind: 'error', error });
      }
    })();
  }, [open, props.workerReady, leaves, core, props.outputs, i18n]);

  const checked = useMemo(
    () => (form && maxRows !== undefined ? checkFeasibleForm(form, maxRows) : undefined),
    [form, maxRows],
  );
  const problem = (k: keyof FeasibleForm) =>
    checked && !checked.ok && checked.problems[k] !== undefined
      ? t(checked.problems[k], { max: maxRows ?? 0 })
      : undefined;
  const unitOf = (path: string) => leaves?.find((l) => l.path === path)?.unit ?? '';
  const nameOf = (path: string) => {
    const u = unitOf(path);
    return u === '' ? inputLabel(path, i18n) : `${inputLabel(path, i18n)} [${i18n.unit(u)}]`;
  };
  const targetUnit = (output: string) => {
    const u = outputUnit(output);
    return u.kind === 'pct' ? '%' : u.kind === 'money' ? i18n.millionsUnit() : i18n.unit(u.unit);
  };

  const run = async () => {
    if (!checked?.ok) return;
    setRunning(true);
    setStatus({ kind: 'running' });
    try {
      const r = await api.feasibleRegion({
        scenario_id: props.scenarioId,
        version: props.version,
        ...checked.body,
      });
      setAnswer(r);
      setStatus({ kind: 'done', n: r.evaluations });
    } catch (error) {
      // A refusal keeps the previous result on screen.
      setStatus({ kind: 'error', error });
    } finally {
      setRunning(false);
    }
  };

  const spec = useMemo(() => {
    if (!answer) return undefined;
    const unit = (path: string) => leaves?.find((l) => l.path === path)?.unit ?? '';
    return feasibleRegionOption(
      answer,
      { label: inputLabel(answer.vary[0], i18n), unit: unit(answer.vary[0]) },
      { label: inputLabel(answer.vary[1], i18n), unit: unit(answer.vary[1]) },
      {
        label: i18n.output(answer.output),
        format: (v: number) => i18n.outputValue(answer.output, v),
      },
      i18n,
    );
  }, [answer, i18n, leaves]);

  const set = (k: keyof FeasibleForm) => (v: string) => {
    setForm((f) => (f ? { ...f, [k]: v } : f));
  };
  const select = (k: 'x' | 'y') => (path: string) => {
    const v = leaves?.find((l) => l.path === path)?.value ?? 0;
    const [a, b] = defaultRange(v);
    setForm((f) =>
      f
        ? {
            ...f,
            [k]: path,
            ...(k === 'x'
              ? { xFrom: String(a), xTo: String(b) }
              : { yFrom: String(a), yTo: String(b) }),
          }
        : f,
    );
  };

  return (
    <details
      className="panel wide feasible"
      data-testid="feasible-panel"
      onToggle={(e) => {
        setOpen(e.currentTarget.open);
      }}
    >
      <summary>
        <h3 className="inline">{t('fr_title')}</h3>
      </summary>
      <p className="muted">{t('fr_intro')}</p>
      {!props.workerReady || (form === undefined && status === undefined) ? (
        <p className="muted">{t('fr_need_worker')}</p>
      ) : null}
      {form && leaves && (
        <form
          className="fr-form"
          onSubmit={(e) => {
            e.preventDefault();
            void run();
          }}
        >
          <label className="fr-field">
            <span>{t('output')}</span>
            <OutputSelect
              testId="fr-output"
              outputs={props.outputs}
              value={form.output}
              onChange={set('output')}
            />
          </label>
          <Field
            id="target"
            label={`${t('fr_target')} [${targetUnit(form.output)}]`}
            value={form.target}
            problem={problem('target')}
            onChange={set('target')}
          />
          {(['x', 'y'] as const).map((k) => (
            <fieldset key={k} className="fr-input">
              <legend>{t(k === 'x' ? 'fr_input_x' : 'fr_input_y')}</legend>
              <label className="fr-field">
                <span className="sr-only">{t(k === 'x' ? 'fr_input_x' : 'fr_input_y')}</span>
                <select
                  data-testid={`fr-${k}`}
                  value={form[k]}
                  onChange={(e) => {
                    select(k)(e.currentTarget.value);
                  }}
                >
                  {leaves.map((l) => (
                    <option key={l.path} value={l.path}>
                      {nameOf(l.path)}
                    </option>
                  ))}
                </select>
              </label>
              {k === 'y' && problem('y') !== undefined && (
                <span className="field-problem">{problem('y')}</span>
              )}
              <Field
                id={`${k}-from`}
                label={`${t('from')} [${i18n.unit(unitOf(form[k]))}]`}
                value={k === 'x' ? form.xFrom : form.yFrom}
                problem={problem(k === 'x' ? 'xFrom' : 'yFrom')}
                onChange={set(k === 'x' ? 'xFrom' : 'yFrom')}
              />
              <Field
                id={`${k}-to`}
                label={`${t('to')} [${i18n.unit(unitOf(form[k]))}]`}
                value={k === 'x' ? form.xTo : form.yTo}
                problem={undefined}
                onChange={set(k === 'x' ? 'xTo' : 'yTo')}
              />
            </fieldset>
          ))}
          <Field
            id="rows"
            label={t('fr_rows', { max: maxRows ?? 0 })}
            value={form.rows}
            problem={problem('rows')}
            onChange={set('rows')}
          />
          <p>
            <button type="submit" data-testid="fr-run" disabled={running || !checked?.ok}>
              {t('fr_run')}
            </button>
          </p>
        </form>
      )}
      <p className="status" data-testid="fr-status" role="status">
        {status?.kind === 'running'
          ? t('fr_running')
          : status?.kind === 'done'
            ? t('fr_done', { n: i18n.num(status.n) })
            : status?.kind === 'error'
              ? explain(status.error, i18n)
              : ''}
      </p>
      {answer && !metAnywhere(answer) && (
        <p className="notice" data-testid="fr-none">
          {t('fr_none', {
            x: inputLabel(answer.vary[0], i18n),
            y: inputLabel(answer.vary[1], i18n),
          })}
        </p>
      )}
      {answer && metAnywhere(answer) && (
        <ChartPanel
          id="feasible-region"
          title={{
            text: t('fr_contour', {
              output: i18n.output(answer.output),
              target: i18n.outputValue(answer.output, answer.target),
            }),
          }}
          spec={spec}
          height={340}
          level={4}
        />
      )}
    </details>
  );
});
