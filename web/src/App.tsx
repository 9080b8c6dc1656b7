/** The application shell: session, language, navigation and pages. */
import { useEffect, useMemo, useState } from 'react';
import { api, type User } from './api.js';
import { CoreContext } from './core-context.js';
import { I18nContext, LANGS, makeI18n, type Lang, type MessageId } from './i18n.js';
import { Compare } from './pages/Compare.js';
import { ChangePassword, Login } from './pages/Login.js';
import { ScenarioPage } from './pages/ScenarioPage.js';
import { Scenarios } from './pages/Scenarios.js';
import { Users } from './pages/Users.js';
import { useRoute } from './router.js';
import { CoreClient } from './worker/client.js';

function initialLang(): Lang {
  const stored = localStorage.getItem('chromflow.lang');
  if (stored === 'en' || stored === 'ru' || stored === 'kk') return stored;
  const nav = navigator.language.slice(0, 2);
  return nav === 'ru' || nav === 'kk' ? nav : 'en';
}

export function App() {
  const [lang, setLang] = useState<Lang>(initialLang);
  const i18n = useMemo(() => makeI18n(lang), [lang]);
  const [user, setUser] = useState<User | null | undefined>(undefined);
  const core = useMemo(() => new CoreClient(), []);
  const route = useRoute();
  const { t } = i18n;

  useEffect(() => {
    api
      .me()
      .then((r) => {
        setUser(r.user);
      })
      .catch(() => {
        setUser(null);
      });
  }, []);

  useEffect(() => {
    document.documentElement.lang = lang;
    localStorage.setItem('chromflow.lang', lang);
  }, [lang]);

  let body;
  if (user === undefined) body = <p className="muted">{t('loading')}</p>;
  else if (user === null) body = <Login onLogin={setUser} />;
  else if (user.must_change_password) body = <ChangePassword onChanged={setUser} />;
  else if (route.page === 'scenario')
    body = <ScenarioPage id={route.id} version={route.version} tab={route.tab} user={user} />;
  else if (route.page === 'compare') body = <Compare ids={route.ids} />;
  else if (route.page === 'users') body = <Users user={user} />;
  else body = <Scenarios user={user} />;

  return (
    <I18nContext.Provider value={i18n}>
      <CoreContext.Provider value={core}>
        <a
          className="skip"
          href="#main"
          onClick={(e) => {
            e.preventDefault();
            document.getElementById('main')?.focus();
          }}
        >
          {t('skip_to_content')}
        </a>
        <header className="top">
          <a href="#/" className="brand">
            <strong>{t('app_title')}</strong>{' '}
            <span className="muted hide-narrow">{t('tagline')}</span>
          </a>
          <nav aria-label={t('app_title')}>
            {user && (
              <>
                <a href="#/">{t('scenarios')}</a>
                {user.role === 'admin' && (
                  <a href="#/users" data-testid="nav-users">
                    {t('users')}
                  </a>
                )}
                <span className="muted hide-narrow" data-testid="user-name">
                  {user.name} ({t(`role_${user.role}` as MessageId)})
                </span>
                <button
                  type="button"
                  className="small"
                  onClick={() => {
                    void api.logout().then(() => {
                      setUser(null);
                    });
                  }}
                >
                  {t('logout')}
                </button>
              </>
            )}
            <select
              aria-label={t('language')}
              data-testid="lang"
              value={lang}
              onChange={(e) => {
                setLang(e.currentTarget.value as Lang);
              }}
            >
              {LANGS.map((l) => (
                <option key={l.id} value={l.id} lang={l.id}>
                  {l.label} — {l.name}
                </option>
              ))}
            </select>
          </nav>
        </header>
        <main id="main" tabIndex={-1} aria-label={t('main')}>
          {body}
        </main>
      </CoreContext.Provider>
    </I18nContext.Provider>
  );
}
