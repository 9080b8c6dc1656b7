/**
 * One scenario: a version's dashboard, editor and history. The dashboard appears as soon as the
 * server's (cached) appraisal of the stored version arrives; the core worker loads the scenario
 * at the same time and takes over for the live what-if when it is ready. What the user may do is
 * shown before they try it: a viewer or a reader of someone else's scenario gets a read-only
 * notice and no Save; an old version says so and offers to restore it as the latest.
 */
import { lazy, Suspense, useEffect, useState } from 'react';
import type { Appraisal } from '../../../src/appraisal.js';
import { api, type ScenarioMeta, type User, type Version } from '../api.js';
import { useCore } from '../core-context.js';
import { explain } from '../explain.js';
import { useI18n } from '../i18n.js';
import { navigate, scenarioHref } from '../router.js';
import { CoreError } from '../worker/client.js';
import { Dashboard, type Loaded } from './Dashboard.js';
import { History } from './History.js';

const Editor = lazy(() => import('./Editor.js'));

export function ScenarioPage(props: {
  id: string;
  version: number | undefined;
  tab: 'dashboard' | 'edit' | 'history';
  user: User;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const core = useCore();
  const [meta, setMeta] = useState<ScenarioMeta | undefined>(undefined);
  const [version, setVersion] = useState<Version | undefined>(undefined);
  const [served, setServed] = useState<Appraisal | undefined>(undefined);
  const [loaded, setLoaded] = useState<Loaded | undefined>(undefined);
  const [error, setError] = useState<string | undefined>(undefined);
  const [reload, setReload] = useState(0);

  useEffect(() => {
    const state = { cancelled: false };
    const cancelled = (): boolean => state.cancelled;
    setError(undefined);
    setLoaded(undefined);
    setServed(undefined);
    (async () => {
      const s = await api.scenario(props.id);
      const v =
        props.version === undefined || props.version === s.version.version
          ? s.version
          : (await api.version(props.id, props.version)).version;
      if (cancelled()) return;
      setMeta(s.scenario);
      setVersion(v);
      if (props.tab !== 'dashboard') return;
      // Both at once: the server's cached appraisal draws the dashboard; the worker loads the
      // same text for the what-if.
      api
        .appraisal(props.id, v.version)
        .then((a) => {
          if (!cancelled()) setServed(a);
        })
        .catch(() => undefined);
      const r = await core.request({
        type: 'load',
        text: v.text,
        file: `${s.scenario.name}.yaml`,
        // `?precompute=0` in the address: no idle-time plant solves (to measure cold steps).
        precompute: new URLSearchParams(window.location.search).get('precompute') !== '0',
      });
      if (cancelled()) return;
      setLoaded({ appraisal: r.appraisal, sliders: r.sliders, outputs: r.outputs });
    })().catch((e: unknown) => {
      if (cancelled()) return;
      if (e instanceof CoreError && e.problems.length > 0)
        setError(`${e.message}: ${e.problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`);
      else setError(explain(e, i18n));
    });
    return () => {
      state.cancelled = true;
    };
    // i18n only formats the error message.
  }, [props.id, props.version, props.tab === 'dashboard', reload, core]);

  const owner = meta !== undefined && meta.owner_id === props.user.id;
  const canWrite = owner && props.user.role !== 'viewer';
  const n = version?.version;
  const latest = meta?.latest_version;

  async function duplicate() {
    if (!meta) return;
    try {
      const r = await api.duplicate(meta.id);
      navigate(scenarioHref(r.scenario.id));
    } catch (e) {
      setError(explain(e, i18n));
    }
  }

  async function restore() {
    if (!version || !meta) return;
    try {
      const r = await api.saveVersion(
        meta.id,
        version.text,
        t('restored_message', { v: version.version }),
      );
      navigate(scenarioHref(meta.id, r.version.version, props.tab === 'edit' ? 'edit' : undefined));
      setReload((x) => x + 1);
    } catch (e) {
      setError(explain(e, i18n));
    }
  }

  const initial = loaded?.appraisal ?? served;
  return (
    <div className="scenario-page">
      <header className="page-head">
        <h1 data-testid="scenario-title">
          {meta?.name ?? t('loading')} {n !== undefined && <span className="muted">v{n}</span>}
        </h1>
        <nav className="tabs" aria-label={meta?.name ?? ''}>
          <a
            className={props.tab === 'dashboard' ? 'active' : ''}
            aria-current={props.tab === 'dashboard' ? 'page' : undefined}
            data-testid="tab-dashboard"
            href={scenarioHref(props.id, props.version)}
          >
            {t('dashboard')}
          </a>
          <a
            className={props.tab === 'edit' ? 'active' : ''}
            aria-current={props.tab === 'edit' ? 'page' : undefined}
            data-testid="tab-edit"
            href={scenarioHref(props.id, props.version, 'edit')}
          >
            {t('editor')}
          </a>
          <a
            className={props.tab === 'history' ? 'active' : ''}
            aria-current={props.tab === 'history' ? 'page' : undefined}
            data-testid="tab-history"
            href={scenarioHref(props.id, props.version, 'history')}
          >
            {t('history')}
          </a>
          {props.user.role !== 'viewer' && (
            <button
              type="button"
              className="small"
              data-testid="duplicate"
              onClick={() => void duplicate()}
            >
              {t('duplicate')}
            </button>
          )}
        </nav>
      </header>
      {meta && !canWrite && (
        <p className="notice" role="note" data-testid="read-only">
          {props.user.role === 'viewer'
            ? t('read_only_viewer')
            : t('read_only_not_owner', { owner: meta.owner_name })}
        </p>
      )}
      {n !== undefined && latest !== undefined && n < latest && (
        <p className="notice" role="note" data-testid="old-version">
          {t('old_version', { v: n, latest })}{' '}
          {canWrite && (
            <button
              type="button"
              className="small"
              data-testid="restore-version"
              onClick={() => void restore()}
            >
              {t('restore_version', { v: n })}
            </button>
          )}
        </p>
      )}
      {error !== undefined && (
        <p className="error" role="alert" data-testid="page-error">
          {error}
        </p>
      )}
      {props.tab === 'dashboard' &&
        (initial && n !== undefined ? (
          <Dashboard
            scenarioId={props.id}
            version={n}
            initial={initial}
            loaded={loaded}
            user={props.user}
            canWrite={canWrite}
          />
        ) : (
          error === undefined && <p className="muted">{t('loading')}</p>
        ))}
      {props.tab === 'edit' && version && (
        <Suspense fallback={<p className="muted">{t('loading')}</p>}>
          <Editor
            scenarioId={props.id}
            version={version.version}
            text={version.text}
            canWrite={canWrite}
            onSaved={(v) => {
              setReload((x) => x + 1);
              navigate(scenarioHref(props.id, v, 'edit'));
            }}
          />
        </Suspense>
      )}
      {props.tab === 'history' && meta && (
        <History
          scenarioId={props.id}
          latest={meta.latest_version}
          onOpen={(v) => {
            navigate(scenarioHref(props.id, v));
          }}
        />
      )}
    </div>
  );
}
