// The team cache: a Redis server (CAREERFORGE_CACHE=redis://host:6379/0) through node-redis's
// client, imported only on this path so nobody else pays its start-up. Every command has a time
// limit: a Redis that hangs must cost a warning, never a stuck command. Entries expire after the TTL.
import type { CacheBackend, CacheRecord, CacheStats } from './backend.js';

const PREFIX = 'careerforge:cache:v1:';
const STATS_KEY = 'careerforge:cache:stats';
const OP_TIMEOUT_MS = 2000;

type Client = Awaited<ReturnType<typeof connect>>;

/** The URL as shown to users: a password never appears in output. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'redis://(invalid URL)';
  }
}

async function connect(url: string) {
  const mod = await import('@redis/client');
  // The package is CommonJS: bundled, its exports arrive under `default`.
  const createClient = mod.createClient ?? (mod as unknown as { default: typeof mod }).default.createClient;
  const client = createClient({ url, disableOfflineQueue: true, socket: { connectTimeout: OP_TIMEOUT_MS, reconnectStrategy: false } });
  // Without a listener an 'error' event would crash the process; failures surface through the calls.
  client.on('error', () => undefined);
  await withTimeout(client.connect(), 'connect');
  return client;
}

function withTimeout<T>(work: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer to ${what} within ${OP_TIMEOUT_MS / 1000}s`)), OP_TIMEOUT_MS);
    timer.unref();
  });
  return Promise.race([work, limit]).finally(() => clearTimeout(timer));
}

export async function openRedisCache(url: string, ttlSeconds: number): Promise<RedisCache> {
  return new RedisCache(await connect(url), redactUrl(url), ttlSeconds);
}

export class RedisCache implements CacheBackend {
  readonly kind = 'redis' as const;

  constructor(private readonly client: Client, readonly location: string, private readonly ttlSeconds: number) {}

  async get(key: string): Promise<CacheRecord | undefined> {
    const raw = await withTimeout(this.client.get(PREFIX + key), 'GET');
    if (typeof raw !== 'string') return undefined;
    try {
      return JSON.parse(raw) as CacheRecord;
    } catch {
      return undefined;
    }
  }

  async set(key: string, record: CacheRecord): Promise<void> {
    await withTimeout(this.client.set(PREFIX + key, JSON.stringify(record), { expiration: { type: 'EX', value: this.ttlSeconds } }), 'SET');
  }

  async count(hit: boolean): Promise<void> {
    await withTimeout(this.client.hIncrBy(STATS_KEY, hit ? 'hits' : 'misses', 1), 'HINCRBY');
  }

  private async keys(): Promise<string[]> {
    const found: string[] = [];
    for await (const batch of this.client.scanIterator({ MATCH: `${PREFIX}*`, COUNT: 500 })) found.push(...batch);
    return found;
  }

  async stats(): Promise<CacheStats> {
    const keys = await withTimeout(this.keys(), 'SCAN');
    const sizes = await withTimeout(Promise.all(keys.map((k) => this.client.strLen(k))), 'STRLEN');
    const counts = await withTimeout(this.client.hGetAll(STATS_KEY), 'HGETALL');
    return {
      backend: 'redis',
      location: this.location,
      entries: keys.length,
      bytes: sizes.reduce((n, s) => n + Number(s), 0),
      ttl_seconds: this.ttlSeconds,
      hits: Number(counts.hits ?? 0),
      misses: Number(counts.misses ?? 0),
    };
  }

  async clear(): Promise<number> {
    const keys = await withTimeout(this.keys(), 'SCAN');
    for (let i = 0; i < keys.length; i += 500) await withTimeout(this.client.unlink(keys.slice(i, i + 500)), 'UNLINK');
    await withTimeout(this.client.unlink(STATS_KEY), 'UNLINK');
    return keys.length;
  }

  async close(): Promise<void> {
    // close() waits for replies in flight; destroy() is the fallback when the server has gone.
    await withTimeout(this.client.close(), 'close').catch(() => this.client.destroy());
  }
}
