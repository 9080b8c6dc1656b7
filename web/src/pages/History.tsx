/** Version history of a scenario, with the diff between any two versions. */
import { useEffect, useState } from 'react';
import { api, type Diff, type VersionMeta } from '../api.js';
import { explain } from '../explain.js';
import { useI18n, type MessageId } from '../i18n.js';

export function History(props: {
  scenarioId: string;
  latest: number;
  onOpen: (v: number) => void;
}) {
  const i18n = useI18n();
  const { t } = i18n;
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
        setError(explain(e, i18n));
      });
  }, [props.scenarioId, props.latest]);

  async function showDiff() {
    try {
      setDiff(await api.diff(props.scenarioId, from, to));
      setError(undefined);
    } catch (e) {
      setError(explain(e, i18n));
    }
  }

  return (
    <div className="history" data-testid="history">
      <div className="table-wrap">
        <table className="versions">
          <thead>
            <tr>
              <th scope="col">{t('version')}</th>
              <th scope="col">{t('date')}</th>
              <th scope="col" className="hide-narrow">
                {t('author')}
              </th>
              <th scope="col">{t('message')}</th>
              <th scope="col">{t('actions')}</th>
            </tr>
          </thead>
          <tbody>
            {versions.map((v) => (
              <tr key={v.id} data-testid={`version-${String(v.version)}`}>
                <th scope="row">v{v.version}</th>
                <td>{i18n.date(v.created_at, true)}</td>
                <td className="hide-narrow">{v.author_name}</td>
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
      </div>
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
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('field')}</th>
                  <th scope="col">{t('change')}</th>
                  <th scope="col">{t('before')}</th>
                  <th scope="col">{t('after')}</th>
                </tr>
              </thead>
              <tbody>
                {diff.changes.map((c) => (
                  <tr key={c.path} className={c.kind}>
                    <th scope="row">
                      <code>{c.path}</code>
                    </th>
                    <td>{t(`change_${c.kind}` as MessageId)}</td>
                    <td className="wrap">
                      {c.before === undefined ? '' : JSON.stringify(c.before)}
                    </td>
                    <td className="wrap">{c.after === undefined ? '' : JSON.stringify(c.after)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <pre className="unified" data-testid="unified-diff" tabIndex={0} aria-label={t('diff')}>
            {diff.unified}
          </pre>
        </div>
      )}
    </div>
  );
}
