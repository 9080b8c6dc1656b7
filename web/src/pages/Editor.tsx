/** Scenario editor: generated form and YAML view of the same text, inline validation, save. */
import { useEffect, useMemo, useState } from 'react';
import { parseDocument } from 'yaml';
import type { Problem } from '../../../src/scenario/problem.js';
import { api, ApiError } from '../api.js';
import { SchemaForm } from '../components/SchemaForm.js';
import { useCore } from '../core-context.js';
import { useI18n } from '../i18n.js';
import type { LeafInfo } from '../worker/protocol.js';

export function Editor(props: {
  scenarioId: string;
  version: number;
  text: string;
  canWrite: boolean;
  onSaved: (version: number) => void;
}) {
  const { t } = useI18n();
  const core = useCore();
  const [text, setText] = useState(props.text);
  const [view, setView] = useState<'form' | 'yaml'>('form');
  const [problems, setProblems] = useState<Problem[]>([]);
  const [leaves, setLeaves] = useState<LeafInfo[]>([]);
  const [message, setMessage] = useState('');
  const [saveState, setSaveState] = useState<string>('');
  const [saveError, setSaveError] = useState<string | undefined>(undefined);

  useEffect(() => {
    setText(props.text);
  }, [props.text]);

  // Validate in the worker (the core's parseScenario), debounced.
  useEffect(() => {
    const timer = setTimeout(() => {
      core
        .request({ type: 'validate', text, file: 'scenario.yaml' })
        .then((r) => {
          setProblems(r.problems);
          if (r.leaves.length > 0) setLeaves(r.leaves);
        })
        .catch((e: unknown) => {
          setProblems([
            { file: 'scenario.yaml', line: 0, column: 0, path: '', message: String(e) },
          ]);
        });
    }, 250);
    return () => {
      clearTimeout(timer);
    };
  }, [text, core]);

  const doc = useMemo(() => parseDocument(text), [text]);
  const plain = useMemo(
    (): unknown => (doc.errors.length === 0 ? (doc.toJS() as unknown) : undefined),
    [doc],
  );
  const leafMap = useMemo(() => new Map(leaves.map((l) => [l.field, l])), [leaves]);
  const problemMap = useMemo(() => {
    const m = new Map<string, Problem[]>();
    for (const p of problems) m.set(p.path, [...(m.get(p.path) ?? []), p]);
    return m;
  }, [problems]);
  const errors = problems.filter((p) => p.severity !== 'warning');

  function onSet(path: (string | number)[], value: unknown) {
    const d = parseDocument(text);
    if (value === undefined) d.deleteIn(path);
    else d.setIn(path, value);
    setText(d.toString());
  }

  async function save() {
    setSaveError(undefined);
    setSaveState(t('computing'));
    try {
      const r = await api.saveVersion(props.scenarioId, text, message);
      setSaveState(`${t('saved')} ${String(r.version.version)}`);
      setMessage('');
      props.onSaved(r.version.version);
    } catch (e) {
      setSaveState('');
      setSaveError(
        e instanceof ApiError
          ? `${e.message}${e.problems.length > 0 ? ': ' + e.problems.map((p) => `${p.path}: ${p.message}`).join('; ') : ''}`
          : String(e),
      );
    }
  }

  return (
    <div className="editor" data-testid="editor">
      <div className="row">
        <div className="tabs small">
          <button
            type="button"
            className={view === 'form' ? 'active' : ''}
            data-testid="form-tab"
            onClick={() => {
              setView('form');
            }}
          >
            {t('form')}
          </button>
          <button
            type="button"
            className={view === 'yaml' ? 'active' : ''}
            data-testid="yaml-tab"
            onClick={() => {
              setView('yaml');
            }}
          >
            {t('yaml')}
          </button>
        </div>
        <span className={errors.length === 0 ? 'ok' : 'error'} data-testid="validation-status">
          {errors.length === 0 ? t('validation_ok') : `${t('problems')}: ${String(errors.length)}`}
        </span>
      </div>
      {problems.length > 0 && (
        <ul className="problems" data-testid="problems">
          {problems.map((p, i) => (
            <li key={i} className={p.severity === 'warning' ? 'warning' : 'error'}>
              {p.line > 0 ? `${String(p.line)}:${String(p.column)} ` : ''}
              <code>{p.path}</code> {'value' in p ? `found ${JSON.stringify(p.value)}; ` : ''}
              {p.message}
              {p.suggestion !== undefined ? ` (did you mean "${p.suggestion}"?)` : ''}
            </li>
          ))}
        </ul>
      )}
      {view === 'yaml' || plain === undefined ? (
        <textarea
          className="yaml"
          data-testid="yaml-text"
          spellCheck={false}
          value={text}
          onChange={(e) => {
            setText(e.currentTarget.value);
          }}
        />
      ) : (
        <SchemaForm doc={plain} leaves={leafMap} problems={problemMap} onSet={onSet} />
      )}
      {props.canWrite && (
        <div className="row save">
          <input
            type="text"
            placeholder={t('message')}
            data-testid="save-message"
            value={message}
            onChange={(e) => {
              setMessage(e.currentTarget.value);
            }}
          />
          <button
            type="button"
            data-testid="save-version"
            disabled={errors.length > 0}
            onClick={() => void save()}
          >
            {t('save_version')}
          </button>
          <span data-testid="save-status">{saveState}</span>
          {saveError !== undefined && (
            <span className="error" role="alert">
              {saveError}
            </span>
          )}
        </div>
      )}
    </div>
  );
}
