/** One scenario: a version's dashboard, editor and history. */
import { useEffect, useState } from 'react';
import { api, type ScenarioMeta, type User, type Version } from '../api.js';
import { useCore } from '../core-context.js';
import { useI18n } from '../i18n.js';
import { navigate, scenarioHref } from '../router.js';
import { CoreError } from '../worker/client.js';
import { Dashboard, type Loaded } from './Dashboard.js';
import { Editor } from './Editor.js';
import { History } from './History.js';

export function ScenarioPage(props: {
  id: string;
  version: number | undefined;
  tab: 'dashboard' | 'edit' | 'history';
  user: User;
}) {
  const { t } = useI18n();
  const core = useCore();
  const [meta, setMeta] = useState<ScenarioMeta | undefined>(undefined);
  const [version, setVersion] = useState<Version | undefined>(undefined);
  const [loaded, setLoaded] = useState<Loaded | undefined>(undefined);
  const [error, setError] = useState<string | undefined>(undefined);
  const [reload, setReload] = useState(0);

  useEffect(() => {
    const state = { cancelled: false };
    const cancelled = (): boolean => state.cancelled;
    setError(undefined);
    setLoaded(undefined);
    (async () => {
      const s = await api.scenario(props.id);
      const v =
        props.version === undefined || props.version === s.version.version
          ? s.version
          : (await api.version(props.id, props.version)).version;
      if (cancelled()) return;
      setMeta(s.scenario);
      setVersion(v);
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
      else setError(e instanceof Error ? e.message : String(e));
    });
    return () => {
      state.cancelled = true;
    };
  }, [props.id, props.version, reload, core]);

  const canWrite =
    meta !== undefined && meta.owner_id === props.user.id && props.user.role !== 'viewer';
  const n = version?.version;

  async function duplicate() {
    if (!meta) return;
    try {
      const r = await api.duplicate(meta.id);
      navigate(scenarioHref(r.scenario.id));
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  }

  return (
    <div className="scenario-page">
      <header className="page-head">
        <h2 data-testid="scenario-title">
          {meta?.name ?? t('loading')} {n !== undefined && <span className="muted">v{n}</span>}
        </h2>
        <nav className="tabs">
          <a
            className={props.tab === 'dashboard' ? 'active' : ''}
            href={scenarioHref(props.id, props.version)}
          >
            {t('dashboard')}
          </a>
          <a
            className={props.tab === 'edit' ? 'active' : ''}
            data-testid="tab-edit"
            href={scenarioHref(props.id, props.version, 'edit')}
          >
            {t('editor')}
          </a>
          <a
            className={props.tab === 'history' ? 'active' : ''}
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
      {error !== undefined && (
        <p className="error" role="alert" data-testid="page-error">
          {error}
        </p>
      )}
      {props.tab === 'dashboard' &&
        (loaded && n !== undefined ? (
          <Dashboard scenarioId={props.id} version={n} loaded={loaded} />
        ) : (
          error === undefined && <p className="muted">{t('loading')}</p>
        ))}
      {props.tab === 'edit' && version && (
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
