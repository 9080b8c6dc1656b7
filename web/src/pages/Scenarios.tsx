/**
 * The scenarios the user can read, and their management: open, compare, duplicate; create a new
 * one from a template (any readable scenario's latest version) or by importing a YAML/JSON file;
 * and, for the owner (editor role), rename, share or make private, archive or restore, delete.
 * Actions the user may not take are not shown.
 */
import { useEffect, useState } from 'react';
import { api, type Scenario, type User } from '../api.js';
import { explain } from '../explain.js';
import { useI18n } from '../i18n.js';
import { navigate, scenarioHref } from '../router.js';

function NewScenario(props: { list: Scenario[]; onError: (m: string) => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const [template, setTemplate] = useState(props.list[0]?.id ?? '');
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);

  async function create(text: string, fallbackName?: string) {
    setBusy(true);
    try {
      const r = await api.createScenario({
        text,
        ...(name.trim() !== ''
          ? { name: name.trim() }
          : fallbackName
            ? { name: fallbackName }
            : {}),
        visibility: 'private',
      });
      navigate(scenarioHref(r.scenario.id, undefined, 'edit'));
    } catch (e) {
      props.onError(explain(e, i18n));
    } finally {
      setBusy(false);
    }
  }

  return (
    <details className="panel new-scenario" data-testid="new-scenario">
      <summary>
        <h2 className="inline">{t('new_scenario')}</h2>
      </summary>
      <div className="row">
        <label>
          {t('name')}{' '}
          <input
            type="text"
            data-testid="new-name"
            value={name}
            onChange={(e) => {
              setName(e.currentTarget.value);
            }}
          />
        </label>
      </div>
      <div className="row">
        <label>
          {t('template')}{' '}
          <select
            data-testid="new-template"
            value={template}
            onChange={(e) => {
              setTemplate(e.currentTarget.value);
            }}
          >
            {props.list.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          data-testid="create-from-template"
          disabled={busy || template === ''}
          onClick={() => {
            void api
              .scenario(template)
              .then((s) =>
                create(s.version.text, `${s.scenario.name} (${t('new_scenario').toLowerCase()})`),
              )
              .catch((e: unknown) => {
                props.onError(explain(e, i18n));
              });
          }}
        >
          {t('from_template')}
        </button>
      </div>
      <div className="row">
        <label>
          {t('import_file')}{' '}
          <input
            type="file"
            accept=".yaml,.yml,.json,application/json,application/yaml,text/yaml"
            data-testid="import-file"
            disabled={busy}
            onChange={(e) => {
              const file = e.currentTarget.files?.[0];
              if (!file) return;
              void file.text().then((text) => create(text));
              e.currentTarget.value = '';
            }}
          />
        </label>
      </div>
    </details>
  );
}

function Row(props: {
  s: Scenario;
  user: User;
  picked: boolean;
  onPick: () => void;
  onChanged: () => void;
  onError: (m: string) => void;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const { s } = props;
  const [renaming, setRenaming] = useState(false);
  const [name, setName] = useState(s.name);
  const owner = s.owner_id === props.user.id && props.user.role !== 'viewer';
  const archived = s.archived_at !== null;
  const act = (f: () => Promise<unknown>) => () => {
    f()
      .then(props.onChanged)
      .catch((e: unknown) => {
        props.onError(explain(e, i18n));
      });
  };
  return (
    <tr data-scenario={s.id}>
      <td>
        <input
          type="checkbox"
          aria-label={`${t('compare')}: ${s.name}`}
          data-testid="compare-pick"
          checked={props.picked}
          onChange={props.onPick}
        />
      </td>
      <th scope="row">
        {renaming ? (
          <form
            className="inline-form"
            onSubmit={(e) => {
              e.preventDefault();
              setRenaming(false);
              act(() => api.patchScenario(s.id, { name: name.trim() }))();
            }}
          >
            <input
              aria-label={t('name')}
              data-testid="rename-input"
              value={name}
              onChange={(e) => {
                setName(e.currentTarget.value);
              }}
            />
            <button type="submit" className="small" data-testid="rename-save">
              {t('save')}
            </button>
          </form>
        ) : (
          <a href={scenarioHref(s.id)} data-testid="scenario-link">
            {s.name}
          </a>
        )}
        {archived && <span className="badge"> {t('archived')}</span>}
      </th>
      <td className="hide-narrow">{s.owner_name}</td>
      <td>{t(s.visibility)}</td>
      <td>v{s.latest_version}</td>
      <td className="hide-narrow">{i18n.date(s.updated_at)}</td>
      <td className="actions">
        {props.user.role !== 'viewer' && (
          <button type="button" className="small" onClick={act(() => api.duplicate(s.id))}>
            {t('duplicate')}
          </button>
        )}
        {owner && (
          <>
            <button
              type="button"
              className="small"
              data-testid="rename"
              onClick={() => {
                setRenaming(true);
              }}
            >
              {t('rename')}
            </button>
            <button
              type="button"
              className="small"
              data-testid="share"
              onClick={act(() =>
                api.patchScenario(s.id, {
                  visibility: s.visibility === 'shared' ? 'private' : 'shared',
                }),
              )}
            >
              {s.visibility === 'shared' ? t('unshare') : t('share')}
            </button>
            <button
              type="button"
              className="small"
              data-testid="archive"
              onClick={act(() => api.patchScenario(s.id, { archived: !archived }))}
            >
              {archived ? t('unarchive') : t('archive')}
            </button>
            <button
              type="button"
              className="small danger"
              data-testid="delete"
              onClick={() => {
                if (window.confirm(t('delete_confirm', { name: s.name })))
                  act(() => api.deleteScenario(s.id))();
              }}
            >
              {t('delete')}
            </button>
          </>
        )}
      </td>
    </tr>
  );
}

export function Scenarios(props: { user: User }) {
  const i18n = useI18n();
  const { t } = i18n;
  const [list, setList] = useState<Scenario[] | undefined>(undefined);
  const [picked, setPicked] = useState<string[]>([]);
  const [error, setError] = useState<string | undefined>(undefined);
  const [reload, setReload] = useState(0);
  const [archived, setArchived] = useState(false);

  useEffect(() => {
    api
      .scenarios(archived)
      .then((r) => {
        setList(r.scenarios);
        setError(undefined);
      })
      .catch((e: unknown) => {
        setError(explain(e, i18n));
      });
    // i18n only formats the error.
  }, [reload, archived]);

  function toggle(id: string) {
    setPicked((p) => (p.includes(id) ? p.filter((x) => x !== id) : [...p, id].slice(-3)));
  }

  return (
    <div className="scenarios">
      <h1>{t('scenarios')}</h1>
      {error !== undefined && (
        <p className="error" role="alert" data-testid="scenarios-error">
          {error}
        </p>
      )}
      {props.user.role === 'viewer' && (
        <p className="notice" role="note" data-testid="read-only">
          {t('read_only_viewer')}
        </p>
      )}
      {list === undefined ? (
        <p className="muted">{t('loading')}</p>
      ) : (
        <div className="table-wrap">
          <table data-testid="scenario-list" className="scenario-list">
            <thead>
              <tr>
                <th scope="col">{t('compare')}</th>
                <th scope="col">{t('name')}</th>
                <th scope="col" className="hide-narrow">
                  {t('owner')}
                </th>
                <th scope="col">{t('visibility')}</th>
                <th scope="col">{t('version')}</th>
                <th scope="col" className="hide-narrow">
                  {t('updated')}
                </th>
                <th scope="col">{t('actions')}</th>
              </tr>
            </thead>
            <tbody>
              {list.map((s) => (
                <Row
                  key={s.id}
                  s={s}
                  user={props.user}
                  picked={picked.includes(s.id)}
                  onPick={() => {
                    toggle(s.id);
                  }}
                  onChanged={() => {
                    setReload((x) => x + 1);
                  }}
                  onError={setError}
                />
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p className="row">
        <button
          type="button"
          data-testid="compare-go"
          disabled={picked.length < 2}
          onClick={() => {
            navigate(`#/compare?ids=${picked.join(',')}`);
          }}
        >
          {t('compare')} ({picked.length})
        </button>{' '}
        <span className="muted">{t('pick_scenarios')}</span>
      </p>
      <p>
        <label>
          <input
            type="checkbox"
            data-testid="show-archived"
            checked={archived}
            onChange={(e) => {
              setArchived(e.currentTarget.checked);
            }}
          />{' '}
          {t('show_archived')}
        </label>
      </p>
      {props.user.role !== 'viewer' && list !== undefined && (
        <NewScenario list={list} onError={setError} />
      )}
    </div>
  );
}
