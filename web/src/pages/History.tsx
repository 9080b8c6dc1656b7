/** Version history of a scenario, with the diff between any two versions. */
import { useEffect, useState } from 'react';
import { api, type Diff, type VersionMeta } from '../api.js';
import { useI18n } from '../i18n.js';

export function History(props: {
  scenarioId: string;
  latest: number;
  onOpen: (v: number) => void;
}) {
  const { t, locale } = useI18n();
  const [versions, setVersions] = useState<VersionMeta[]>([]);
  const [from, setFrom] = useState(Math.max(1, props.latest - 1));
  const [to, setTo] = useState(props.latest);
  const [diff, setDiff] = useState<Diff | undefined>(undefined);
  const [error, setError] = useState<string | undefined>(undefined);

  useEffect(() => {
    api
      .versions(props.scenarioId)
      .then((r) => {
        setVersions(r.versions);
      })
      .catch((e: unknown) => {
        setError(String(e));
      });
  }, [props.scenarioId, props.latest]);

  async function showDiff() {
    try {
      setDiff(await api.diff(props.scenarioId, from, to));
      setError(undefined);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  }

  return (
    <div className="history" data-testid="history">
      <table>
        <thead>
          <tr>
            <th>{t('version')}</th>
            <th>{t('date')}</th>
            <th>{t('author')}</th>
            <th>{t('message')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {versions.map((v) => (
            <tr key={v.id} data-testid={`version-${String(v.version)}`}>
              <td>v{v.version}</td>
              <td>{new Date(v.created_at).toLocaleString(locale)}</td>
              <td>{v.author_name}</td>
              <td>{v.message}</td>
              <td>
                <button
                  type="button"
                  className="small"
                  onClick={() => {
                    props.onOpen(v.version);
                  }}
                >
                  {t('open')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="row">
        <label>
          {t('from')}{' '}
          <select
            value={from}
            data-testid="diff-from"
            onChange={(e) => {
              setFrom(Number(e.currentTarget.value));
            }}
          >
            {versions.map((v) => (
              <option key={v.id} value={v.version}>
                v{v.version}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('to')}{' '}
          <select
            value={to}
            data-testid="diff-to"
            onChange={(e) => {
              setTo(Number(e.currentTarget.value));
            }}
          >
            {versions.map((v) => (
              <option key={v.id} value={v.version}>
                v{v.version}
              </option>
            ))}
          </select>
        </label>
        <button type="button" data-testid="show-diff" onClick={() => void showDiff()}>
          {t('show_diff')}
        </button>
      </div>
      {error !== undefined && <p className="error">{error}</p>}
      {diff && (
        <div className="diff" data-testid="diff">
          {diff.parse_error !== undefined && <p className="error">{diff.parse_error}</p>}
          <table>
            <tbody>
              {diff.changes.map((c) => (
                <tr key={c.path} className={c.kind}>
                  <td>
                    <code>{c.path}</code>
                  </td>
                  <td>{c.kind}</td>
                  <td>{c.before === undefined ? '' : JSON.stringify(c.before)}</td>
                  <td>→ {c.after === undefined ? '' : JSON.stringify(c.after)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <pre className="unified">{diff.unified}</pre>
        </div>
      )}
    </div>
  );
}
