/** Login, and the forced password change of a one-time password. */
import { useState } from 'react';
import { api, type User } from '../api.js';
import { explain } from '../explain.js';
import { useI18n } from '../i18n.js';

export function Login(props: { onLogin: (u: User) => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | undefined>(undefined);
  return (
    <form
      className="card login"
      data-testid="login-form"
      onSubmit={(e) => {
        e.preventDefault();
        api
          .login(username, password)
          .then((r) => {
            props.onLogin(r.user);
          })
          .catch((err: unknown) => {
            setError(explain(err, i18n));
          });
      }}
    >
      <h1>{t('welcome')}</h1>
      <label>
        {t('username')}
        <input
          name="username"
          autoComplete="username"
          value={username}
          onChange={(e) => {
            setUsername(e.currentTarget.value);
          }}
        />
      </label>
      <label>
        {t('password')}
        <input
          name="password"
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={(e) => {
            setPassword(e.currentTarget.value);
          }}
        />
      </label>
      <button type="submit" data-testid="login-submit">
        {t('login')}
      </button>
      {error !== undefined && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}

export function ChangePassword(props: { onChanged: (u: User) => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [error, setError] = useState<string | undefined>(undefined);
  return (
    <form
      className="card login"
      data-testid="password-form"
      onSubmit={(e) => {
        e.preventDefault();
        api
          .changePassword(current, next)
          .then((r) => {
            props.onChanged(r.user);
          })
          .catch((err: unknown) => {
            setError(explain(err, i18n));
          });
      }}
    >
      <h1>{t('change_password')}</h1>
      <p>{t('must_change')}</p>
      <label>
        {t('password')}
        <input
          name="current"
          type="password"
          autoComplete="current-password"
          value={current}
          onChange={(e) => {
            setCurrent(e.currentTarget.value);
          }}
        />
      </label>
      <label>
        {t('new_password')}
        <input
          name="new"
          type="password"
          autoComplete="new-password"
          minLength={12}
          value={next}
          onChange={(e) => {
            setNext(e.currentTarget.value);
          }}
        />
      </label>
      <button type="submit" data-testid="password-submit">
        {t('change_password')}
      </button>
      {error !== undefined && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
