// `careerforge cache stats|clear`: the store the environment names (CAREERFORGE_CACHE), opened
// directly. Here an unreachable Redis is the command's failure: the cache is what was asked about.
import { CareerForgeError } from '../errors.js';
import type { CacheBackend, CacheStats } from './backend.js';
import { resolveCacheConfig, type CacheConfig } from './config.js';
import { describeFailure, openCacheBackend } from './open.js';
import { redactUrl } from './redis.js';

export interface CacheReport extends CacheStats {
  /** false when CAREERFORGE_CACHE=off: the files stay, commands do not use them. */
  enabled: boolean;
}

async function open(env: NodeJS.ProcessEnv, home: string): Promise<{ config: CacheConfig; backend: CacheBackend }> {
  const config = resolveCacheConfig(env);
  // With the cache off, stats and clear still act on the local files a previous run left.
  const effective: CacheConfig = config.where.kind === 'off' ? { ...config, where: { kind: 'local' } } : config;
  try {
    return { config, backend: (await openCacheBackend(effective, home))! };
  } catch (error) {
    const url = config.where.kind === 'redis' ? redactUrl(config.where.url) : 'the cache';
    throw new CareerForgeError('CACHE_ERROR', `Cannot reach the Redis cache at ${url} (${describeFailure(error)}): start it or fix CAREERFORGE_CACHE`);
  }
}

async function using<T>(env: NodeJS.ProcessEnv, home: string, work: (b: CacheBackend, c: CacheConfig) => Promise<T>): Promise<T> {
  const { config, backend } = await open(env, home);
  try {
    return await work(backend, config);
  } catch (error) {
    if (error instanceof CareerForgeError) throw error;
    throw new CareerForgeError('CACHE_ERROR', `The ${backend.kind} cache at ${backend.location} failed: ${describeFailure(error)}`);
  } finally {
    await backend.close();
  }
}

export function cacheStats(env: NodeJS.ProcessEnv, home: string): Promise<CacheReport> {
  return using(env, home, async (backend, config) => ({ ...(await backend.stats()), enabled: config.where.kind !== 'off' }));
}

export function clearCache(env: NodeJS.ProcessEnv, home: string): Promise<{ backend: string; location: string; removed: number }> {
  return using(env, home, async (backend) => ({ backend: backend.kind, location: backend.location, removed: await backend.clear() }));
}
