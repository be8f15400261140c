// The local response cache on real files: whole entries under concurrent writers (across processes:
// cache.e2e.test.ts), the size bound (least recently used out first), the TTL and damaged entries.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LocalCache } from '../src/core/cache/local.js';
import { cacheKey, canonicalJson, type CacheRequest } from '../src/core/cache/key.js';

const root = () => fs.mkdtempSync(path.join(os.tmpdir(), 'careerforge-cache-'));
const record = (value: unknown) => ({ task: 'roadmap', model: 'm', created_at: new Date().toISOString(), value });
const request = (over: Partial<CacheRequest> = {}): CacheRequest => ({
  provider: 'ollama',
  model: 'mistral:7b-instruct-v0.3-q4_K_M',
  digest: 'sha256:aaa',
  host: 'http://127.0.0.1:11434',
  messages: [{ role: 'system', content: 's' }, { role: 'user', content: 'u' }],
  schema: { type: 'object' },
  options: { num_ctx: 8192, num_predict: 512, temperature: 0.4, seed: 1 },
  ...over,
});

describe('cache key', () => {
  it('ignores key order and changes with every part of the request', () => {
    expect(canonicalJson({ b: 1, a: [{ d: 2, c: 3 }] })).toBe('{"a":[{"c":3,"d":2}],"b":1}');
    const base = cacheKey(request());
    expect(cacheKey(request({ options: { seed: 1, temperature: 0.4, num_predict: 512, num_ctx: 8192 } }))).toBe(base);
    const variants: Array<Partial<CacheRequest>> = [
      { provider: 'openai' },
      { model: 'llama3' },
      { digest: 'sha256:bbb' },
      { messages: [{ role: 'system', content: 's' }, { role: 'user', content: 'u2' }] },
      { schema: { type: 'array' } },
      { options: { num_ctx: 8192, num_predict: 512, temperature: 0.5, seed: 1 } },
      { options: { num_ctx: 8192, num_predict: 512, temperature: 0.4, seed: 2 } },
      { options: { num_ctx: 8192, num_predict: 512, temperature: 0.4 } },
    ];
    const keys = variants.map((v) => cacheKey(request(v)));
    expect(new Set([base, ...keys]).size).toBe(variants.length + 1);
    // With a digest the host does not matter (a team's pods); without one it does.
    expect(cacheKey(request({ host: 'http://gpu-box:11434' }))).toBe(base);
    expect(cacheKey(request({ digest: undefined, host: 'http://a' }))).not.toBe(cacheKey(request({ digest: undefined, host: 'http://b' })));
  });
});

describe('LocalCache', () => {
  it('stores, finds and clears entries, counting lookups', async () => {
    const cache = new LocalCache(root(), 1024 * 1024, 3600);
    expect(await cache.get('k1')).toBeUndefined();
    await cache.set('k1', record({ a: 1 }));
    expect((await cache.get('k1'))?.value).toEqual({ a: 1 });
    await cache.count(true);
    await cache.count(false);
    await cache.count(true);
    expect(await cache.stats()).toMatchObject({ backend: 'local', entries: 1, hits: 2, misses: 1, ttl_seconds: 3600 });
    expect(await cache.clear()).toBe(1);
    expect(await cache.stats()).toMatchObject({ entries: 0, bytes: 0, hits: 0, misses: 0 });
  });

  it('keeps every entry whole under 40 concurrent writers of the same keys', async () => {
    const dir = root();
    const writers = Array.from({ length: 40 }, () => new LocalCache(dir, 64 * 1024 * 1024, 3600));
    const big = (i: number) => ({ writer: i, text: 'x'.repeat(50_000) });
    await Promise.all(writers.flatMap((c, i) => ['a', 'b', 'c'].map((k) => c.set(k, record(big(i))))));
    for (const k of ['a', 'b', 'c']) {
      const got = (await writers[0]!.get(k))?.value as { writer: number; text: string };
      expect(got.text).toHaveLength(50_000);
    }
    const leftovers = fs.readdirSync(path.join(dir, 'responses'), { recursive: true }).map(String).filter((n) => n.endsWith('.tmp'));
    expect(leftovers).toEqual([]);
  });

  it('stays under its size bound, dropping the least recently used first', async () => {
    const cache = new LocalCache(root(), 60_000, 3600);
    const pad = 'z'.repeat(9_000);
    for (let i = 0; i < 5; i++) await cache.set(`old${i}`, record({ i, pad }));
    // Touch old0 so it counts as recently used; then push the cache over its bound.
    await new Promise((r) => setTimeout(r, 20));
    await cache.get('old0');
    for (let i = 0; i < 5; i++) await cache.set(`new${i}`, record({ i, pad }));
    const stats = await cache.stats();
    expect(stats.bytes).toBeLessThanOrEqual(60_000);
    expect(await cache.get('old0')).toBeDefined();
    expect(await cache.get('old1')).toBeUndefined();
    expect(await cache.get('new4')).toBeDefined();
  });

  it('treats an expired or damaged entry as a miss and removes it', async () => {
    const dir = root();
    const cache = new LocalCache(dir, 1024 * 1024, 60);
    await cache.set('old', { ...record(1), created_at: new Date(Date.now() - 120_000).toISOString() });
    expect(await cache.get('old')).toBeUndefined();
    await cache.set('bad', record(2));
    const file = path.join(dir, 'responses', 'ba', 'bad.json');
    fs.writeFileSync(file, '{"v":1,"key":"bad","val');
    expect(await cache.get('bad')).toBeUndefined();
    expect((await cache.stats()).entries).toBe(0);
  });
});
