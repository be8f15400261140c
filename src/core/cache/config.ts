// Where the response cache lives and how big or old it may grow, from the environment:
//   CAREERFORGE_CACHE          local (default: files under CAREERFORGE_HOME), off, or redis://host:6379/0
//   CAREERFORGE_CACHE_MAX_MB   bound of the local cache (default 256 MB; least recently used go first)
//   CAREERFORGE_CACHE_TTL      seconds an entry lives (default 7 days; Redis expires it itself)
// Whether a command uses the cache is the command's choice (--cache / --no-cache), not this file's.
import { UsageError } from '../errors.js';

export type CacheWhere = { kind: 'local' } | { kind: 'off' } | { kind: 'redis'; url: string };

export interface CacheConfig {
  where: CacheWhere;
  maxBytes: number;
  ttlSeconds: number;
}

export const CACHE_DEFAULTS = { maxMb: 256, ttlSeconds: 7 * 24 * 3600 } as const;

function positive(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  const value = Number(raw);
  if (!/^\d+(\.\d+)?$/.test(raw) || !(value > 0)) throw new UsageError(`${name}: expected a positive number, got "${raw}"`);
  return value;
}

export function parseCacheWhere(raw: string | undefined, source = 'CAREERFORGE_CACHE'): CacheWhere {
  const value = raw?.trim() ?? '';
  if (value === '' || value === 'local') return { kind: 'local' };
  if (value === 'off' || value === 'none') return { kind: 'off' };
  if (/^rediss?:\/\//i.test(value)) {
    try {
      new URL(value);
    } catch {
      throw new UsageError(`${source}: "${value}" is not a valid Redis URL (expected redis://host:6379/0)`);
    }
    return { kind: 'redis', url: value };
  }
  throw new UsageError(`${source}: expected local, off or a redis://host:6379/0 URL, got "${value}"`);
}

export function resolveCacheConfig(env: NodeJS.ProcessEnv): CacheConfig {
  return {
    where: parseCacheWhere(env.CAREERFORGE_CACHE),
    maxBytes: Math.round(positive(env, 'CAREERFORGE_CACHE_MAX_MB', CACHE_DEFAULTS.maxMb) * 1024 * 1024),
    ttlSeconds: Math.round(positive(env, 'CAREERFORGE_CACHE_TTL', CACHE_DEFAULTS.ttlSeconds)),
  };
}
