// A tiny cookie-keeping client over Hono's app.request(), so API tests need no open port.
import type { Hono } from 'hono';
import type { AppEnv } from '../../src/server/context.js';

export interface Reply {
  status: number;
  headers: Headers;
  body: unknown;
  text: string;
}

export class Client {
  cookie: string | undefined;
  constructor(
    readonly app: Hono<AppEnv>,
    readonly base = 'http://localhost',
  ) {}

  async call(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<Reply> {
    // Same-origin, as a browser on the app's own page sends it (the CSRF check wants it).
    const init: RequestInit = {
      method,
      headers: { origin: new URL(this.base).origin, ...headers },
    };
    const h = init.headers as Record<string, string>;
    if (this.cookie !== undefined) h.cookie = this.cookie;
    if (typeof body === 'string') {
      init.body = body;
      h['content-type'] ??= 'application/yaml';
    } else if (body !== undefined) {
      init.body = JSON.stringify(body);
      h['content-type'] = 'application/json';
    }
    const res = await this.app.request(this.base + path, init);
    const setCookie = res.headers.get('set-cookie');
    if (setCookie !== null) {
      const pair = setCookie.split(';')[0] ?? '';
      this.cookie = pair.endsWith('=') ? undefined : pair;
    }
    const text = await res.text();
    let parsed: unknown;
    try {
      parsed = text === '' ? undefined : JSON.parse(text);
    } catch {
      parsed = undefined;
    }
    return { status: res.status, headers: res.headers, body: parsed, text };
  }

  get(path: string) {
    return this.call('GET', path);
  }
  post(path: string, body?: unknown, headers?: Record<string, string>) {
    return this.call('POST', path, body, headers);
  }
  patch(path: string, body?: unknown) {
    return this.call('PATCH', path, body);
  }
  delete(path: string) {
    return this.call('DELETE', path);
  }
}

/** Property access on an untyped JSON answer in tests. */
export function at(value: unknown, ...path: (string | number)[]): unknown {
  let v = value;
  for (const k of path) {
    if (typeof v !== 'object' || v === null) return undefined;
    v = (v as Record<string | number, unknown>)[k];
  }
  return v;
}
