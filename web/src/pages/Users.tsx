/**
 * User administration (admins): the accounts with their roles; register a user (a one-time
 * password is shown once); change a role; reset a password. Others are told it is for admins.
 */
import { useEffect, useState } from 'react';
import { api, type User } from '../api.js';
import { explain } from '../explain.js';
import { useI18n, type MessageId } from '../i18n.js';

const ROLES: User['role'][] = ['viewer', 'editor', 'admin'];

export function Users(props: { user: User }) {
  const i18n = useI18n();
  const { t } = i18n;
  const [users, setUsers] = useState<User[] | undefined>(undefined);
  const [error, setError] = useState<string | undefined>(undefined);
  const [secret, setSecret] = useState<{ name: string; password: string } | undefined>(undefined);
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<User['role']>('editor');
  const [reload, setReload] = useState(0);
  const admin = props.user.role === 'admin';

  useEffect(() => {
    if (!admin) return;
    api
      .users()
      .then((r) => {
        setUsers(r.users);
      })
      .catch((e: unknown) => {
        setError(explain(e, i18n));
      });
    // i18n only formats the error.
  }, [admin, reload]);

  if (!admin)
    return (
      <div>
        <h1>{t('user_admin')}</h1>
        <p className="notice" role="note">
          {t('admins_only')}
        </p>
      </div>
    );

  const run = (f: () => Promise<{ user: User; one_time_password?: string }>) => {
    setError(undefined);
    f()
      .then((r) => {
        if (r.one_time_password !== undefined)
          setSecret({ name: r.user.name, password: r.one_time_password });
        setReload((x) => x + 1);
      })
      .catch((e: unknown) => {
        setError(explain(e, i18n));
      });
  };

  return (
    <div className="users" data-testid="users">
      <h1>{t('user_admin')}</h1>
      {error !== undefined && (
        <p className="error" role="alert" data-testid="users-error">
          {error}
        </p>
      )}
      {secret && (
        <p className="notice" role="status" data-testid="one-time-password">
          {t('one_time_password', { name: secret.name })} <code>{secret.password}</code>
        </p>
      )}
      <div className="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">{t('username')}</th>
              <th scope="col">{t('email')}</th>
              <th scope="col">{t('role')}</th>
              <th scope="col">{t('actions')}</th>
            </tr>
          </thead>
          <tbody>
            {(users ?? []).map((u) => (
              <tr key={u.id} data-user={u.name}>
                <th scope="row">
                  {u.name}
                  {u.must_change_password && (
                    <span className="badge"> {t('must_change_flag')}</span>
                  )}
                </th>
                <td>{u.email ?? '—'}</td>
                <td>
                  <select
                    aria-label={`${t('role')}: ${u.name}`}
                    data-testid={`role-${u.name}`}
                    value={u.role}
                    disabled={u.id === props.user.id}
                    onChange={(e) => {
                      const r = e.currentTarget.value as User['role'];
                      run(() => api.patchUser(u.id, { role: r }));
                    }}
                  >
                    {ROLES.map((r) => (
                      <option key={r} value={r}>
                        {t(`role_${r}` as MessageId)}
                      </option>
                    ))}
                  </select>
                </td>
                <td>
                  <button
                    type="button"
                    className="small"
                    data-testid={`reset-${u.name}`}
                    onClick={() => {
                      run(() => api.patchUser(u.id, { reset_password: true }));
                    }}
                  >
                    {t('reset_password')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <form
        className="panel"
        data-testid="add-user"
        onSubmit={(e) => {
          e.preventDefault();
          run(() =>
            api.createUser({
              name: name.trim(),
              role,
              ...(email.trim() !== '' ? { email: email.trim() } : {}),
            }),
          );
          setName('');
          setEmail('');
        }}
      >
        <h2>{t('add_user')}</h2>
        <div className="row">
          <label>
            {t('username')}{' '}
            <input
              required
              data-testid="new-user-name"
              value={name}
              onChange={(e) => {
                setName(e.currentTarget.value);
              }}
            />
          </label>
          <label>
            {t('email')}{' '}
            <input
              type="email"
              value={email}
              onChange={(e) => {
                setEmail(e.currentTarget.value);
              }}
            />
          </label>
          <label>
            {t('role')}{' '}
            <select
              value={role}
              data-testid="new-user-role"
              onChange={(e) => {
                setRole(e.currentTarget.value as User['role']);
              }}
            >
              {ROLES.map((r) => (
                <option key={r} value={r}>
                  {t(`role_${r}` as MessageId)}
                </option>
              ))}
            </select>
          </label>
          <button type="submit" data-testid="new-user-submit">
            {t('add_user')}
          </button>
        </div>
      </form>
    </div>
  );
}
