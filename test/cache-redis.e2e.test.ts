// The team cache on a real redis-server (started here on a random port; .ci/run installs the
// Debian package): two users (two homes) share answers, entries carry the TTL, `cache stats|clear`
// work on it, and a Redis that is down or stops answering costs a warning, never the command.
import { createClient } from '@redis/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseEnvelope, runCli, tempHome } from './support/cli.js';
import { startRedis, type RedisServer } from './support/redis-server.js';
import { answerByFormat, closedPort, useFake } from './support/spine.js';

const fake = useFake();
const ARGS = ['roadmap', '--role', 'Backend Developer', '--months', '2', '--json', '--cache'];
let redis: RedisServer | undefined;
let unavailable = '';

beforeAll(async () => {
  const started = await startRedis();
  if ('unavailable' in started) {
    unavailable = started.unavailable;
    process.stderr.write(`cache-redis.e2e: skipping the Redis tests: ${unavailable}\n`);
  } else redis = started;
});
afterAll(async () => redis?.stop());

describe('response cache (Redis)', () => {
  it.skipIf(!!unavailable)('is shared between users and its entries expire after the TTL', async (ctx) => {
    if (!redis) return ctx.skip(unavailable);
    answerByFormat(fake(), 2);
    const env = { CAREERFORGE_CACHE: redis.url, CAREERFORGE_CACHE_TTL: '3600' };
    const alice = await runCli(ARGS, { host: fake().host, env });
    expect(alice.exitCode, alice.stderr).toBe(0);
    const sent = fake().chatRequests().length;
    const bob = await runCli(ARGS, { host: fake().host, env, home: tempHome() });
    expect(bob.exitCode, bob.stderr).toBe(0);
    expect(bob.stderr).toBe('');
    expect(fake().chatRequests()).toHaveLength(sent);
    expect(parseEnvelope(bob.stdout).data).toEqual(parseEnvelope(alice.stdout).data);

    const client = createClient({ url: redis.url });
    await client.connect();
    const keys = await client.keys('careerforge:cache:v1:*');
    expect(keys).toHaveLength(sent);
    for (const key of keys) {
      const ttl = await client.ttl(key);
      expect(ttl).toBeGreaterThan(3500);
      expect(ttl).toBeLessThanOrEqual(3600);
    }
    await client.close();

    const stats = parseEnvelope((await runCli(['cache', 'stats', '--json'], { env })).stdout).data;
    expect(stats).toMatchObject({ backend: 'redis', location: redis.url, entries: sent, hits: sent, misses: sent, ttl_seconds: 3600 });
    const cleared = parseEnvelope((await runCli(['cache', 'clear', '--json'], { env })).stdout).data;
    expect(cleared).toEqual({ backend: 'redis', location: redis.url, removed: sent });
    expect(parseEnvelope((await runCli(['cache', 'stats', '--json'], { env })).stdout).data).toMatchObject({ entries: 0, hits: 0 });
  });

  it('a Redis that is down is a warning and no cache; `cache stats` says it cannot reach it', async () => {
    answerByFormat(fake(), 2);
    const url = `redis://127.0.0.1:${await closedPort()}/0`;
    const r = await runCli(ARGS, { host: fake().host, env: { CAREERFORGE_CACHE: url } });
    expect(r.exitCode, r.stderr).toBe(0);
    expect(parseEnvelope(r.stdout).success).toBe(true);
    expect(r.stderr).toMatch(/^warning: the Redis cache is unreachable \(.*ECONNREFUSED.*\): continuing without the cache\n$/);
    const stats = await runCli(['cache', 'stats', '--json'], { env: { CAREERFORGE_CACHE: url } });
    expect(stats.exitCode).toBe(1);
    expect(parseEnvelope(stats.stdout).error?.code).toBe('CACHE_ERROR');
    expect(stats.stderr).toMatch(new RegExp(`^careerforge: Cannot reach the Redis cache at ${url.replace(/[/.]/g, '\\$&')} \\(.*\\): start it or fix CAREERFORGE_CACHE\\n$`));
  });

  it.skipIf(!!unavailable)('a Redis that stops answering mid-run costs a warning, not the command', async (ctx) => {
    if (!redis) return ctx.skip(unavailable);
    answerByFormat(fake(), 2);
    const client = createClient({ url: redis.url });
    await client.connect();
    // CLIENT PAUSE makes the server hold every reply: the CLI's per-command time limit must fire.
    await client.sendCommand(['CLIENT', 'PAUSE', '6000', 'ALL']);
    const r = await runCli(ARGS, { host: fake().host, env: { CAREERFORGE_CACHE: redis.url } });
    await client.close().catch(() => undefined);
    expect(r.exitCode, r.stderr).toBe(0);
    expect(parseEnvelope(r.stdout).success).toBe(true);
    expect(r.stderr).toMatch(/^warning: the Redis cache (is unreachable|failed) \(no answer to \w+ within 2s\): continuing without the cache\n$/);
  });
});
