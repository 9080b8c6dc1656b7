/** Login, and the forced password change of a one-time password. */
import { useState } from 'react';
import { api, type User } from '../api.js';
import { explain } from '../explain.js';
import { useI18n } from '../i18n.js';

/** One input of a credential form. */
interface CredentialField {
  name: string;
  label: string;
  autoComplete: string;
  type?: 'password';
  minLength?: number;
}

/**
 * A form of two credentials that, sent, yields the user: the login and the password change
 * alike — labelled inputs, one submit button, the refusal explained in an alert.
 */
function CredentialForm(props: {
  testId: string;
  title: string;
  intro?: string;
  fields: readonly [CredentialField, CredentialField];
  submitTestId: string;
  submitLabel: string;
  send: (first: string, second: string) => Promise<{ user: User }>;
  onDone: (u: User) => void;
}) {
  const i18n = useI18n();
  const [values, setValues] = useState<readonly [string, string]>(['', '']);
  const [error, setError] = useState<string | undefined>(undefined);
  return (
    <form
      className="card login"
      data-testid={props.testId}
      onSubmit={(e) => {
        e.preventDefault();
        props
          .send(values[0], values[1])
          .then((r) => {
            props.onDone(r.user);
          })
          .catch((err: unknown) => {
            setError(explain(err, i18n));
          });
      }}
    >
      <h1>{props.title}</h1>
      {props.intro !== undefined && <p>{props.intro}</p>}
      {props.fields.map((f, i) => (
        <label key={f.name}>
          {f.label}
          <input
            name={f.name}
            type={f.type}
            autoComplete={f.autoComplete}
            minLength={f.minLength}
            value={values[i]}
            onChange={(e) => {
              const v = e.currentTarget.value;
              setValues((old) => (i === 0 ? [v, old[1]] : [old[0], v]));
            }}
          />
        </label>
      ))}
      <button type="submit" data-testid={props.submitTestId}>
        {props.submitLabel}
      </button>
      {error !== undefined && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}

export function Login(props: { onLogin: (u: User) => void }) {
  const { t } = useI18n();
  return (
    <CredentialForm
      testId="login-form"
      title={t('welcome')}
      fields={[
        { name: 'username', label: t('username'), autoComplete: 'username' },
        {
          name: 'password',
          label: t('password'),
          type: 'password',
          autoComplete: 'current-password',
        },
      ]}
      submitTestId="login-submit"
      submitLabel={t('login')}
      send={(username, password) => api.login(username, password)}
      onDone={props.onLogin}
    />
  );
}

export function ChangePassword(props: { onChanged: (u: User) => void }) {
  const { t } = useI18n();
  return (
    <CredentialForm
      testId="password-form"
      title={t('change_password')}
      intro={t('must_change')}
      fields={[
        {
          name: 'current',
          label: t('password'),
          type: 'password',
          autoComplete: 'current-password',
        },
        {
          name: 'new',
          label: t('new_password'),
          type: 'password',
          autoComplete: 'new-password',
          minLength: 12,
        },
      ]}
      submitTestId="password-submit"
      submitLabel={t('change_password')}
      send={(current, next) => api.changePassword(current, next)}
      onDone={props.onChanged}
    />
  );
}
