/**
 * Plain-language explanation of a failed request or computation, in the user's language: a
 * refusal says why (role, ownership, quota, busy server) instead of "HTTP 403".
 */
import { ApiError } from './api.js';
import type { I18n } from './i18n.js';

export function explain(error: unknown, i18n: I18n): string {
  const { t } = i18n;
  if (!(error instanceof ApiError))
    return `${t('error')}: ${error instanceof Error ? error.message : String(error)}`;
  const problems =
    error.problems.length > 0
      ? ` (${error.problems.map((p) => `${p.path}: ${p.message}`).join('; ')})`
      : '';
  switch (true) {
    case error.code === 'invalid_credentials':
      return t('wrong_login');
    case error.code === 'too_many_attempts':
      return t('too_many_logins');
    case error.code === 'unauthenticated':
      return t('logged_out');
    case error.status === 0:
      return t('network_error', { message: error.message });
    case error.status === 401 || error.status === 403:
      return t('forbidden');
    case error.status === 404:
      return t('not_found');
    case error.status === 503 && error.code === 'busy':
      return t('mc_busy', { s: error.retryAfter ?? 10 });
    case error.status >= 500:
      return t('server_error', { message: error.message });
    default:
      return t('invalid_request', { message: error.message + problems });
  }
}
