// Opening the configured cache store. A Redis that cannot be reached is a warning and no cache:
// a team's cache being down must never fail a command.
import path from 'node:path';
import type { CacheBackend } from './backend.js';
import type { CacheConfig } from './config.js';
import { LocalCache } from './local.js';

export function cacheRoot(home: string): string {
  return path.join(home, 'cache');
}

export async function openCacheBackend(config: CacheConfig, home: string): Promise<CacheBackend | undefined> {
  switch (config.where.kind) {
    case 'off':
      return undefined;
    case 'local':
      return new LocalCache(cacheRoot(home), config.maxBytes, config.ttlSeconds);
    case 'redis': {
      const { openRedisCache } = await import('./redis.js');
      return openRedisCache(config.where.url, config.ttlSeconds);
    }
  }
}

export function describeFailure(error: unknown): string {
  const err = error as { message?: string; code?: string; errors?: Array<{ message?: string }> };
  // A refused connection to localhost arrives as an AggregateError (IPv4 and IPv6) with an empty message.
  return err?.message || err?.errors?.[0]?.message || err?.code || String(error);
}
