/**
 * Cross-site request forgery defences for state-changing requests (every method but GET, HEAD
 * and OPTIONS), on top of `SameSite=Strict` cookies (OWASP CSRF Prevention Cheat Sheet:
 * "Verifying origin with standard headers" and "Fetch Metadata"):
 *
 * 1. The request must come from this origin: `Sec-Fetch-Site` is `same-origin` or `none` (a
 *    user's own action), or, when a client sends no `Sec-Fetch-Site`, `Origin` equals the
 *    server's origin (or one of `allowedOrigins`). Neither header → refused too: every
 *    browser sends one of them on such requests, and other clients can send `Origin`.
 *    Refused with 403 `cross_site`.
 * 2. A body must not have a type that an HTML form can send without a preflight
 *    (`application/x-www-form-urlencoded`, `multipart/form-data`, `text/plain`): 415
 *    `unsupported_media_type`. The routes accept `application/json` (and `POST /api/appraise`
 *    also `application/yaml` and `text/yaml`).
 */
import type { Context, MiddlewareHandler } from 'hono';
import type { AppEnv, Deps } from './context.js';
import { apiError } from './http-error.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
/** Content types an HTML form (or a no-cors fetch) sends cross-site without a preflight. */
export const SIMPLE_CONTENT_TYPES = [
  'application/x-www-form-urlencoded',
  'multipart/form-data',
  'text/plain',
];
/** Body types every state-changing route accepts. */
const JSON_TYPES = ['application/json'];
/** `POST /api/appraise` also takes the scenario as YAML text. */
export const SCENARIO_TYPES = ['application/json', 'application/yaml', 'text/yaml'];

/** The media type of a `Content-Type` header, lower-case without parameters. */
export function mediaType(header: string | undefined): string | undefined {
  const type = header?.split(';')[0]?.trim().toLowerCase();
  return type === '' ? undefined : type;
}

/** The origin the client addressed: the request URL's, or the proxy's forwarded host. */
function ownOrigin(c: Context, trustProxy: boolean): string {
  const url = new URL(c.req.url);
  if (trustProxy) {
    const proto = c.req.header('x-forwarded-proto')?.split(',')[0]?.trim();
    const host = c.req.header('x-forwarded-host')?.split(',')[0]?.trim();
    if (host !== undefined && host !== '') return `${proto ?? url.protocol.slice(0, -1)}://${host}`;
    if (proto !== undefined && proto !== '') return `${proto}://${url.host}`;
  }
  return url.origin;
}

/** Why a state-changing request is not same-origin, or undefined when it is. */
function crossSiteReason(c: Context, deps: Deps): string | undefined {
  const site = c.req.header('sec-fetch-site')?.trim().toLowerCase();
  if (site !== undefined && site !== '')
    return site === 'same-origin' || site === 'none'
      ? undefined
      : `Sec-Fetch-Site is "${site}"; expected same-origin`;
  const origin = c.req.header('origin')?.trim();
  if (origin === undefined || origin === '')
    return "neither Origin nor Sec-Fetch-Site is sent; send Origin with the server's address";
  const allowed = [ownOrigin(c, deps.options.trustProxy), ...deps.options.allowedOrigins];
  return allowed.includes(origin) ? undefined : `Origin ${origin} is not this server's`;
}

/** Whether the request has a body (a length above zero, or a body stream without a length). */
function hasBody(c: Context): boolean {
  const length = c.req.header('content-length');
  if (length !== undefined) return Number(length) > 0;
  return c.req.raw.body !== null;
}

/**
 * Refuses cross-site state-changing requests (403 `cross_site`) and bodies of a type other than
 * `accepted` (415 `unsupported_media_type`; the form types always). Bodiless requests (logout,
 * cancel) need no content type.
 */
export function csrfGuard(deps: Deps): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (SAFE_METHODS.has(c.req.method)) return next();
    const reason = crossSiteReason(c, deps);
    if (reason !== undefined)
      return apiError(c, 403, 'cross_site', `cross-site request refused: ${reason}`);
    const type = mediaType(c.req.header('content-type'));
    const accepted = c.req.path === '/api/appraise' ? SCENARIO_TYPES : JSON_TYPES;
    const refused =
      type !== undefined && SIMPLE_CONTENT_TYPES.includes(type)
        ? true
        : hasBody(c) && (type === undefined || !accepted.includes(type));
    if (refused)
      return apiError(
        c,
        415,
        'unsupported_media_type',
        `Content-Type ${type ?? '(none)'} is not accepted here; send ${accepted.join(' or ')}`,
      );
    return next();
  };
}
