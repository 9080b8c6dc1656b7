/**
 * A small Redis client (RESP2 over one TCP connection) implementing BullMQ's `IRedisClient`, so
 * that the queue runs without the optional `ioredis`/`redis` driver packages (not installed in
 * this project). One connection per client; commands are pipelined and answered in order;
 * blocking commands (BZPOPMIN, XREAD BLOCK) block only their own connection (BullMQ duplicates
 * connections for them). No reconnection: a lost connection ends the client (`end`), and the
 * process reports it. No cluster support.
 */
import { createHash } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { connect, type Socket } from 'node:net';
import { Readable } from 'node:stream';
import type { IRedisClient, IRedisTransaction } from 'bullmq';

type Arg = string | number | Buffer;
/** A parsed reply: strings, integers, null, arrays, or an error inside an array. */
type Reply = string | number | null | Error | Reply[];

/** Error returned by Redis (`-ERR …`). */
export class RedisReplyError extends Error {
  override readonly name = 'ReplyError';
}

interface Pending {
  resolve: (r: Reply) => void;
  reject: (e: Error) => void;
}

/** Options parsed from a `redis://[user:password@]host:port[/db]` URL. */
export interface RespOptions {
  host: string;
  port: number;
  db: number;
  username?: string;
  password?: string;
  maxRetriesPerRequest: null;
  [key: string]: unknown;
}

/** Parses a redis:// URL. */
export function parseRedisUrl(url: string): RespOptions {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw new Error(`--queue: found ${JSON.stringify(url)}, expected redis://host:port`);
  }
  if (u.protocol !== 'redis:')
    throw new Error(`--queue: found ${JSON.stringify(url)}, expected redis://host:port`);
  const db = u.pathname.length > 1 ? Number(u.pathname.slice(1)) : 0;
  return {
    host: u.hostname || '127.0.0.1',
    port: u.port === '' ? 6379 : Number(u.port),
    db: Number.isInteger(db) ? db : 0,
    ...(u.username !== '' ? { username: decodeURIComponent(u.username) } : {}),
    ...(u.password !== '' ? { password: decodeURIComponent(u.password) } : {}),
    maxRetriesPerRequest: null,
  };
}

function encode(args: readonly Arg[]): Buffer {
  const parts: Buffer[] = [Buffer.from(`*${args.length}\r\n`)];
  for (const a of args) {
    const b = Buffer.isBuffer(a) ? a : Buffer.from(String(a), 'utf8');
    parts.push(Buffer.from(`$${b.length}\r\n`), b, Buffer.from('\r\n'));
  }
  return Buffer.concat(parts);
}

function flatten(args: readonly unknown[], out: Arg[] = []): Arg[] {
  for (const a of args) {
    if (Array.isArray(a)) flatten(a, out);
    else if (Buffer.isBuffer(a) || typeof a === 'number' || typeof a === 'string') out.push(a);
    else if (a === null || a === undefined) out.push('');
    else if (typeof a === 'boolean' || typeof a === 'bigint') out.push(String(a));
    else out.push(JSON.stringify(a));
  }
  return out;
}

/** Incremental RESP2 parser. */
class Parser {
  private buf: Buffer = Buffer.alloc(0);
  private pos = 0;

  push(chunk: Buffer): Reply[] {
    this.buf =
      this.pos < this.buf.length ? Buffer.concat([this.buf.subarray(this.pos), chunk]) : chunk;
    this.pos = 0;
    const replies: Reply[] = [];
    for (;;) {
      const start = this.pos;
      const r = this.parse();
      if (r === undefined) {
        this.pos = start;
        break;
      }
      replies.push(r.value);
    }
    return replies;
  }

  private line(): string | undefined {
    const end = this.buf.indexOf('\r\n', this.pos);
    if (end < 0) return undefined;
    const s = this.buf.toString('utf8', this.pos, end);
    this.pos = end + 2;
    return s;
  }

  private parse(): { value: Reply } | undefined {
    if (this.pos >= this.buf.length) return undefined;
    const type = String.fromCharCode(this.buf[this.pos] ?? 0);
    this.pos++;
    const l = this.line();
    if (l === undefined) return undefined;
    switch (type) {
      case '+':
        return { value: l };
      case '-':
        return { value: new RedisReplyError(l) };
      case ':':
        return { value: Number(l) };
      case '$': {
        const n = Number(l);
        if (n < 0) return { value: null };
        if (this.pos + n + 2 > this.buf.length) return undefined;
        const s = this.buf.toString('utf8', this.pos, this.pos + n);
        this.pos += n + 2;
        return { value: s };
      }
      case '*': {
        const n = Number(l);
        if (n < 0) return { value: null };
        const items: Reply[] = [];
        for (let k = 0; k < n; k++) {
          const r = this.parse();
          if (r === undefined) return undefined;
          items.push(r.value);
        }
        return { value: items };
      }
      default:
        throw new Error(`Redis protocol error: unexpected reply type ${JSON.stringify(type)}`);
    }
  }
}

interface Script {
  numberOfKeys: number;
  lua: string;
  sha: string;
}

/** A Redis connection usable as BullMQ's client. */
export class RespClient extends EventEmitter implements IRedisClient {
  status = 'wait';
  readonly isCluster = false;
  options: RespOptions;
  private socket: Socket | undefined;
  private readonly pending: Pending[] = [];
  private readonly parser = new Parser();
  private readonly scripts = new Map<string, Script>();
  private connecting: Promise<void> | undefined;

  constructor(options: RespOptions) {
    super();
    this.options = { ...options };
  }

  connect(): Promise<void> {
    this.connecting ??= new Promise<void>((resolve, reject) => {
      this.status = 'connecting';
      const socket = connect({ host: this.options.host, port: this.options.port });
      this.socket = socket;
      socket.setNoDelay(true);
      socket.on('data', (chunk: Buffer) => {
        let replies: Reply[];
        try {
          replies = this.parser.push(chunk);
        } catch (error) {
          socket.destroy(error as Error);
          return;
        }
        for (const r of replies) {
          const p = this.pending.shift();
          if (!p) continue;
          if (r instanceof Error) p.reject(r);
          else p.resolve(r);
        }
      });
      socket.on('error', (error) => {
        // An 'error' event without a listener would throw; the caller sees the rejection.
        if (this.listenerCount('error') > 0) this.emit('error', error);
        if (this.status === 'connecting') reject(error);
      });
      socket.on('close', () => {
        const wasEnd = this.status === 'end';
        this.status = 'end';
        for (const p of this.pending.splice(0)) p.reject(new Error('Connection is closed.'));
        this.emit('close');
        if (!wasEnd || this.listenerCount('end') > 0) this.emit('end');
      });
      socket.once('connect', () => {
        void (async () => {
          try {
            if (this.options.password !== undefined)
              await this.call(
                ...(this.options.username !== undefined
                  ? ['AUTH', this.options.username, this.options.password]
                  : ['AUTH', this.options.password]),
              );
            if (this.options.db !== 0) await this.call('SELECT', this.options.db);
            this.status = 'ready';
            this.emit('connect');
            this.emit('ready');
            resolve();
          } catch (error) {
            reject(error instanceof Error ? error : new Error(String(error)));
            socket.destroy();
          }
        })();
      });
    });
    return this.connecting;
  }

  /** Sends one command and resolves with its reply (rejects with a Redis error). */
  call(...args: Arg[]): Promise<Reply> {
    if (this.status === 'wait') void this.connect().catch(() => undefined);
    const socket = this.socket;
    if (!socket || this.status === 'end') return Promise.reject(new Error('Connection is closed.'));
    return new Promise<Reply>((resolve, reject) => {
      this.pending.push({ resolve, reject });
      socket.write(encode(args));
    });
  }

  /** Sends several commands at once; one result or error per command. */
  batch(commands: readonly Arg[][]): Promise<[Error | null, Reply][]> {
    return Promise.all(
      commands.map((c) =>
        this.call(...c).then(
          (r): [Error | null, Reply] => [null, r],
          (e: unknown): [Error | null, Reply] => [e as Error, null],
        ),
      ),
    );
  }

  disconnect(): void {
    this.status = 'end';
    this.socket?.destroy();
    if (!this.socket) this.emit('end');
  }

  async quit(): Promise<string> {
    if (this.status === 'end' || !this.socket) return 'OK';
    const socket = this.socket;
    const closed = new Promise<void>((resolve) =>
      socket.once('close', () => {
        resolve();
      }),
    );
    const r = await this.call('QUIT').catch(() => 'OK');
    this.status = 'end';
    socket.end();
    await closed;
    return String(r);
  }

  duplicate(overrides?: Record<string, unknown>): RespClient {
    const copy = new RespClient({ ...this.options, ...(overrides ?? {}) });
    for (const [name, s] of this.scripts) copy.scripts.set(name, s);
    return copy;
  }

  defineCommand(name: string, definition: { numberOfKeys: number; lua: string }): void {
    this.scripts.set(name, {
      ...definition,
      sha: createHash('sha1').update(definition.lua).digest('hex'),
    });
  }

  private script(name: string): Script {
    const s = this.scripts.get(name);
    if (!s) throw new Error(`Redis script ${name} is not defined`);
    return s;
  }

  async runCommand(name: string, args: unknown[]): Promise<unknown> {
    const s = this.script(name);
    const flat = flatten(args);
    try {
      return await this.call('EVALSHA', s.sha, s.numberOfKeys, ...flat);
    } catch (error) {
      if (!(error instanceof RedisReplyError) || !error.message.startsWith('NOSCRIPT')) throw error;
      return this.call('EVAL', s.lua, s.numberOfKeys, ...flat);
    }
  }

  multi(): IRedisTransaction {
    return new Transaction(this, true);
  }

  pipeline(): IRedisTransaction {
    return new Transaction(this, false);
  }

  /** The EVAL command of a defined script (used inside transactions, where NOSCRIPT cannot be retried). */
  evalArgs(name: string, args: unknown[]): Arg[] {
    const s = this.script(name);
    return ['EVAL', s.lua, s.numberOfKeys, ...flatten(args)];
  }

  async hgetall(key: string): Promise<Record<string, string>> {
    return pairs(await this.call('HGETALL', key));
  }
  async hget(key: string, field: string): Promise<string | null> {
    return (await this.call('HGET', key, field)) as string | null;
  }
  async hmget(key: string, ...fields: string[]): Promise<(string | null)[]> {
    return (await this.call('HMGET', key, ...fields)) as (string | null)[];
  }
  async hset(key: string, data: Record<string, string | number>): Promise<number> {
    return (await this.call('HSET', key, ...Object.entries(data).flat())) as number;
  }
  async hdel(key: string, ...fields: string[]): Promise<number> {
    return (await this.call('HDEL', key, ...fields)) as number;
  }
  async hexists(key: string, field: string): Promise<number> {
    return (await this.call('HEXISTS', key, field)) as number;
  }
  async get(key: string): Promise<string | null> {
    return (await this.call('GET', key)) as string | null;
  }
  async set(
    key: string,
    value: string | number,
    options?: { PX?: number; EX?: number },
  ): Promise<string | null> {
    const extra: Arg[] =
      options?.PX !== undefined
        ? ['PX', options.PX]
        : options?.EX !== undefined
          ? ['EX', options.EX]
          : [];
    return (await this.call('SET', key, value, ...extra)) as string | null;
  }
  async del(...keys: string[]): Promise<number> {
    return (await this.call('DEL', ...keys)) as number;
  }
  async zrange(
    key: string,
    start: number,
    end: number,
    options?: { WITHSCORES?: boolean },
  ): Promise<string[]> {
    return (await this.call(
      'ZRANGE',
      key,
      start,
      end,
      ...(options?.WITHSCORES === true ? ['WITHSCORES'] : []),
    )) as string[];
  }
  async zrevrange(
    key: string,
    start: number,
    end: number,
    options?: { WITHSCORES?: boolean },
  ): Promise<string[]> {
    return (await this.call(
      'ZREVRANGE',
      key,
      start,
      end,
      ...(options?.WITHSCORES === true ? ['WITHSCORES'] : []),
    )) as string[];
  }
  async zcard(key: string): Promise<number> {
    return (await this.call('ZCARD', key)) as number;
  }
  async zscore(key: string, member: string): Promise<string | null> {
    return (await this.call('ZSCORE', key, member)) as string | null;
  }
  async lrange(key: string, start: number, end: number): Promise<string[]> {
    return (await this.call('LRANGE', key, start, end)) as string[];
  }
  async llen(key: string): Promise<number> {
    return (await this.call('LLEN', key)) as number;
  }
  async ltrim(key: string, start: number, end: number): Promise<string> {
    return (await this.call('LTRIM', key, start, end)) as string;
  }
  async lpos(key: string, value: string): Promise<number | null> {
    return (await this.call('LPOS', key, value)) as number | null;
  }
  async smembers(key: string): Promise<string[]> {
    return (await this.call('SMEMBERS', key)) as string[];
  }
  async xadd(
    key: string,
    id: string,
    fields: Record<string, string | number>,
    options?: { MAXLEN?: number; approximate?: boolean },
  ): Promise<string> {
    const trim: Arg[] =
      options?.MAXLEN !== undefined
        ? ['MAXLEN', ...(options.approximate !== false ? ['~'] : []), options.MAXLEN]
        : [];
    return (await this.call('XADD', key, ...trim, id, ...Object.entries(fields).flat())) as string;
  }
  async xread(
    streams: { key: string; id: string }[],
    options?: { BLOCK?: number; COUNT?: number },
  ): Promise<unknown> {
    return this.call(
      'XREAD',
      ...(options?.BLOCK !== undefined ? ['BLOCK', options.BLOCK] : []),
      ...(options?.COUNT !== undefined ? ['COUNT', options.COUNT] : []),
      'STREAMS',
      ...streams.map((s) => s.key),
      ...streams.map((s) => s.id),
    );
  }
  async xtrim(
    key: string,
    strategy: 'MAXLEN',
    threshold: number,
    options?: { approximate?: boolean },
  ): Promise<number> {
    return (await this.call(
      'XTRIM',
      key,
      strategy,
      ...(options?.approximate !== false ? ['~'] : []),
      threshold,
    )) as number;
  }
  async bzpopmin(
    key: string,
    timeout: number,
  ): Promise<[key: string, member: string, score: string] | null> {
    return (await this.call('BZPOPMIN', key, timeout)) as [string, string, string] | null;
  }
  async info(): Promise<string> {
    return (await this.call('INFO')) as string;
  }
  clientSetName(name: string): Promise<unknown> {
    return this.call('CLIENT', 'SETNAME', name);
  }
  async clientList(): Promise<string> {
    return (await this.call('CLIENT', 'LIST')) as string;
  }
  async clientInfo(): Promise<string> {
    return (await this.call('CLIENT', 'INFO')) as string;
  }
  async scan(
    cursor: string | number,
    options: { MATCH?: string; COUNT?: number },
  ): Promise<[string, string[]]> {
    return (await this.call(
      'SCAN',
      cursor,
      ...(options.MATCH !== undefined ? ['MATCH', options.MATCH] : []),
      ...(options.COUNT !== undefined ? ['COUNT', options.COUNT] : []),
    )) as [string, string[]];
  }
  scanStream(options: { match: string; count?: number }): Readable {
    let cursor = '0';
    let started = false;
    const readable: Readable = new Readable({
      objectMode: true,
      read: () => {
        // One batch of keys (possibly empty) per read, as ioredis' scanStream gives.
        if (started && cursor === '0') {
          readable.push(null);
          return;
        }
        started = true;
        this.scan(cursor, {
          MATCH: options.match,
          ...(options.count !== undefined ? { COUNT: options.count } : {}),
        }).then(
          ([next, keys]) => {
            cursor = next;
            readable.push(keys);
          },
          (error: unknown) => readable.destroy(error as Error),
        );
      },
    });
    return readable;
  }
}

/** A MULTI transaction or a plain pipeline over one client. */
class Transaction implements IRedisTransaction {
  private readonly commands: Arg[][] = [];
  constructor(
    private readonly client: RespClient,
    private readonly atomic: boolean,
  ) {}
  private add(...args: Arg[]): this {
    this.commands.push(args);
    return this;
  }
  hgetall(key: string): this {
    return this.add('HGETALL', key);
  }
  hset(key: string, data: Record<string, string | number>): this {
    return this.add('HSET', key, ...Object.entries(data).flat());
  }
  hscan(key: string, cursor: string | number, options?: { COUNT?: number }): this {
    return this.add(
      'HSCAN',
      key,
      cursor,
      ...(options?.COUNT !== undefined ? ['COUNT', options.COUNT] : []),
    );
  }
  smembers(key: string): this {
    return this.add('SMEMBERS', key);
  }
  sscan(key: string, cursor: string | number, options?: { COUNT?: number }): this {
    return this.add(
      'SSCAN',
      key,
      cursor,
      ...(options?.COUNT !== undefined ? ['COUNT', options.COUNT] : []),
    );
  }
  zrange(key: string, start: number, end: number): this {
    return this.add('ZRANGE', key, start, end);
  }
  lrange(key: string, start: number, end: number): this {
    return this.add('LRANGE', key, start, end);
  }
  llen(key: string): this {
    return this.add('LLEN', key);
  }
  del(...keys: string[]): this {
    return this.add('DEL', ...keys);
  }
  runCommand(name: string, args: unknown[]): this {
    return this.add(...this.client.evalArgs(name, args));
  }
  async exec(): Promise<[Error | null, unknown][] | null> {
    const hgetall = this.commands.map((c) => c[0] === 'HGETALL');
    const convert = (k: number, r: Reply): unknown => (hgetall[k] === true ? pairs(r) : r);
    if (!this.atomic) {
      const results = await this.client.batch(this.commands);
      return results.map(([e, r], k) => [e, e ? null : convert(k, r)]);
    }
    const results = await this.client.batch([['MULTI'], ...this.commands, ['EXEC']]);
    const queued = results.slice(1, -1).find(([e]) => e !== null);
    if (queued) throw queued[0] as Error;
    const [execError, execReply] = results[results.length - 1] ?? [null, null];
    if (execError) throw execError;
    if (execReply === null) return null;
    return (execReply as Reply[]).map((r, k) =>
      r instanceof Error ? [r, null] : [null, convert(k, r)],
    );
  }
}

function pairs(r: Reply): Record<string, string> {
  const out: Record<string, string> = {};
  if (!Array.isArray(r)) return out;
  for (let k = 0; k + 1 < r.length; k += 2) out[String(r[k])] = String(r[k + 1]);
  return out;
}
