/** The scenarios the user can read: open, duplicate, pick for comparison. */
import { useEffect, useState } from 'react';
import { api, type ScenarioMeta, type User } from '../api.js';
import { useI18n } from '../i18n.js';
import { navigate, scenarioHref } from '../router.js';

export function Scenarios(props: { user: User }) {
  const { t, locale } = useI18n();
  const [list, setList] = useState<ScenarioMeta[] | undefined>(undefined);
  const [picked, setPicked] = useState<string[]>([]);
  const [error, setError] = useState<string | undefined>(undefined);
  const [reload, setReload] = useState(0);

  useEffect(() => {
    api
      .scenarios()
      .then((r) => {
        setList(r.scenarios);
      })
      .catch((e: unknown) => {
        setError(e instanceof Error ? e.message : String(e));
      });
  }, [reload]);

  async function duplicate(id: string) {
    try {
      await api.duplicate(id);
      setReload((x) => x + 1);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  }

  function toggle(id: string) {
    setPicked((p) => (p.includes(id) ? p.filter((x) => x !== id) : [...p, id].slice(-3)));
  }

  return (
    <div className="scenarios">
      <h2>{t('scenarios')}</h2>
      {error !== undefined && <p className="error">{error}</p>}
      {list === undefined ? (
        <p className="muted">{t('loading')}</p>
      ) : (
        <table data-testid="scenario-list">
          <thead>
            <tr>
              <th>{t('compare')}</th>
              <th>{t('name')}</th>
              <th className="hide-narrow">{t('owner')}</th>
              <th className="hide-narrow">{t('visibility')}</th>
              <th>{t('version')}</th>
              <th className="hide-narrow">{t('updated')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {list.map((s) => (
              <tr key={s.id}>
                <td>
                  <input
                    type="checkbox"
                    aria-label={`${t('compare')} ${s.name}`}
                    data-testid="compare-pick"
                    checked={picked.includes(s.id)}
                    onChange={() => {
                      toggle(s.id);
                    }}
                  />
                </td>
                <td>
                  <a href={scenarioHref(s.id)} data-testid="scenario-link">
                    {s.name}
                  </a>
                </td>
                <td className="hide-narrow">{s.owner_name}</td>
                <td className="hide-narrow">{t(s.visibility)}</td>
                <td>v{s.latest_version}</td>
                <td className="hide-narrow">{new Date(s.updated_at).toLocaleDateString(locale)}</td>
                <td>
                  {props.user.role !== 'viewer' && (
                    <button type="button" className="small" onClick={() => void duplicate(s.id)}>
                      {t('duplicate')}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p>
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
    </div>
  );
}
