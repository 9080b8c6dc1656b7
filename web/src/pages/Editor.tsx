/**
 * Scenario editor: generated form and YAML view of the same text, inline validation, save.
 * A form edit changes only the edited node of the text (yaml-edit.ts), so the version diff of a
 * one-field edit is one line. Every problem is listed (with a clickable line:column that opens
 * the YAML view at that line) and shown at its field; a collapsed group with problems inside is
 * marked. A YAML syntax error is reported once, with its line. Leaving with unsaved changes asks
 * first. Read-only users get the form disabled (the page says why).
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { parseDocument } from 'yaml';
import type { Problem } from '../../../src/scenario/problem.js';
import { api } from '../api.js';
import { SchemaForm } from '../components/SchemaForm.js';
import { useCore } from '../core-context.js';
import { explain } from '../explain.js';
import { useI18n } from '../i18n.js';
import { setLeaveGuard } from '../router.js';
import type { LeafInfo } from '../worker/protocol.js';
import { editYaml } from '../yaml-edit.js';
import { problemText } from '../problem-text.js';

/** The first YAML syntax error of the text, with its line and column, or undefined. */
export function syntaxError(text: string): Problem | undefined {
  const doc = parseDocument(text, { prettyErrors: false });
  const e = doc.errors[0];
  if (!e) return undefined;
  const pos = e.linePos?.[0];
  return {
    file: 'scenario.yaml',
    line: pos?.line ?? 0,
    column: pos?.col ?? 0,
    path: '',
    message: e.message.split('\n')[0] ?? e.message,
  };
}

function YamlView(props: {
  text: string;
  readOnly: boolean;
  onChange: (text: string) => void;
  goto: { line: number; n: number } | undefined;
  errorLines: Set<number>;
}) {
  const { t } = useI18n();
  const area = useRef<HTMLTextAreaElement>(null);
  const gutter = useRef<HTMLDivElement>(null);
  const lines = props.text.split('\n').length;
  useEffect(() => {
    const el = area.current;
    if (!el || !props.goto) return;
    const rows = props.text.split('\n');
    const start = rows.slice(0, props.goto.line - 1).reduce((s, l) => s + l.length + 1, 0);
    const end = start + (rows[props.goto.line - 1]?.length ?? 0);
    el.focus();
    el.setSelectionRange(start, end);
    const lineHeight = parseFloat(getComputedStyle(el).lineHeight) || 18;
    el.scrollTop = Math.max(0, (props.goto.line - 4) * lineHeight);
  }, [props.goto, props.text]);
  return (
    <div className="yaml-view">
      <div className="gutter" ref={gutter} aria-hidden="true">
        {Array.from({ length: lines }, (_, k) => (
          <div key={k} className={props.errorLines.has(k + 1) ? 'err' : ''}>
            {k + 1}
          </div>
        ))}
      </div>
      <textarea
        ref={area}
        className="yaml"
        data-testid="yaml-text"
        aria-label={t('yaml_text')}
        spellCheck={false}
        readOnly={props.readOnly}
        value={props.text}
        wrap="off"
        onScroll={(e) => {
          if (gutter.current) gutter.current.scrollTop = e.currentTarget.scrollTop;
        }}
        onChange={(e) => {
          props.onChange(e.currentTarget.value);
        }}
      />
    </div>
  );
}

export default function Editor(props: {
  scenarioId: string;
  version: number;
  text: string;
  canWrite: boolean;
  onSaved: (version: number) => void;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const core = useCore();
  const [text, setText] = useState(props.text);
  const [saved, setSavedText] = useState(props.text);
  const [view, setView] = useState<'form' | 'yaml'>('form');
  const [problems, setProblems] = useState<Problem[]>([]);
  const [leaves, setLeaves] = useState<LeafInfo[]>([]);
  const [message, setMessage] = useState('');
  const [saveState, setSaveState] = useState<string>('');
  const [saveError, setSaveError] = useState<string | undefined>(undefined);
  const [goto, setGoto] = useState<{ line: number; n: number } | undefined>(undefined);
  const [focusField, setFocusField] = useState<{ path: string; n: number } | undefined>(undefined);

  useEffect(() => {
    setText(props.text);
    setSavedText(props.text);
  }, [props.text]);

  const dirty = text !== saved;
  const dirtyRef = useRef(dirty);
  dirtyRef.current = dirty;
  const leaveMessage = useRef('');
  leaveMessage.current = t('unsaved_leave');
  // Leaving the editor (another page, another version, closing the tab) with unsaved edits asks.
  useEffect(() => {
    const release = setLeaveGuard(() => !dirtyRef.current || window.confirm(leaveMessage.current));
    const onUnload = (e: BeforeUnloadEvent) => {
      if (dirtyRef.current) e.preventDefault();
    };
    window.addEventListener('beforeunload', onUnload);
    return () => {
      release();
      window.removeEventListener('beforeunload', onUnload);
    };
  }, []);

  const syntax = useMemo(() => syntaxError(text), [text]);

  // Validate in the worker (the core's parseScenario), debounced; not while the YAML itself is
  // broken (the parser would report the one syntax error many times over).
  useEffect(() => {
    if (syntax) {
      setProblems([]);
      return;
    }
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
  }, [text, core, syntax]);

  const doc = useMemo(() => parseDocument(text), [text]);
  const plain = useMemo(
    (): unknown => (doc.errors.length === 0 ? (doc.toJS() as unknown) : undefined),
    [doc],
  );
  const leafMap = useMemo(() => new Map(leaves.map((l) => [l.field, l])), [leaves]);
  const shown = syntax ? [syntax] : problems;
  const errors = shown.filter((p) => p.severity !== 'warning');
  const errorLines = useMemo(() => new Set(shown.map((p) => p.line).filter((l) => l > 0)), [shown]);

  function onSet(path: (string | number)[], value: unknown) {
    setText((current) => editYaml(current, path, value));
  }

  function openProblem(p: Problem) {
    if (p.path !== '' && plain !== undefined && view === 'form') {
      setFocusField({ path: p.path, n: Date.now() });
      return;
    }
    if (p.line > 0) {
      setView('yaml');
      setGoto({ line: p.line, n: Date.now() });
    }
  }

  async function save() {
    setSaveError(undefined);
    setSaveState(t('computing'));
    try {
      const r = await api.saveVersion(props.scenarioId, text, message);
      setSaveState(t('saved', { n: r.version.version }));
      setMessage('');
      setSavedText(text);
      dirtyRef.current = false;
      props.onSaved(r.version.version);
    } catch (e) {
      setSaveState('');
      setSaveError(explain(e, i18n));
    }
  }

  return (
    <div className="editor" data-testid="editor">
      <div className="row">
        <div className="tabs small" role="group" aria-label={t('editor')}>
          <button
            type="button"
            className={view === 'form' ? 'active' : ''}
            aria-pressed={view === 'form'}
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
            aria-pressed={view === 'yaml'}
            data-testid="yaml-tab"
            onClick={() => {
              setView('yaml');
            }}
          >
            {t('yaml')}
          </button>
        </div>
        <span
          className={errors.length === 0 ? 'ok' : 'error'}
          data-testid="validation-status"
          aria-live="polite"
        >
          {errors.length === 0
            ? t('validation_ok')
            : `${t('problems')}: ${i18n.count(errors.length, 'problem', 0)}`}
        </span>
        {dirty && (
          <span className="badge unsaved" data-testid="unsaved">
            {t('unsaved')}
          </span>
        )}
      </div>
      {shown.length > 0 && (
        <ul className="problems" data-testid="problems">
          {shown.map((p, i) => (
            <li key={i} className={p.severity === 'warning' ? 'warning' : 'error'}>
              {p.line > 0 && (
                <button
                  type="button"
                  className="link"
                  data-testid="problem-location"
                  aria-label={t('go_to_line', { line: p.line })}
                  onClick={() => {
                    setView('yaml');
                    setGoto({ line: p.line, n: Date.now() });
                  }}
                >
                  {p.line}:{p.column}
                </button>
              )}{' '}
              {p.path !== '' && (
                <button
                  type="button"
                  className="link"
                  onClick={() => {
                    openProblem(p);
                  }}
                >
                  <code>{p.path}</code>
                </button>
              )}{' '}
              {syntax
                ? t('syntax_error', { line: p.line, column: p.column, message: p.message })
                : problemText(p, i18n)}
            </li>
          ))}
        </ul>
      )}
      {view === 'yaml' || plain === undefined ? (
        <YamlView
          text={text}
          readOnly={!props.canWrite}
          onChange={setText}
          goto={goto}
          errorLines={errorLines}
        />
      ) : (
        <SchemaForm
          doc={plain}
          leaves={leafMap}
          problems={problems}
          onSet={onSet}
          disabled={!props.canWrite}
          focus={focusField}
        />
      )}
      {props.canWrite && (
        <div className="row save">
          <label>
            <span className="sr-only">{t('message')}</span>
            <input
              type="text"
              placeholder={t('message')}
              data-testid="save-message"
              value={message}
              onChange={(e) => {
                setMessage(e.currentTarget.value);
              }}
            />
          </label>
          <button
            type="button"
            data-testid="save-version"
            disabled={errors.length > 0 || !dirty}
            onClick={() => void save()}
          >
            {t('save_version')}
          </button>
          <span data-testid="save-status" aria-live="polite">
            {saveState}
          </span>
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
