// One run's use of the response cache: opened on the first lookup (so a command that never asks
// pays nothing), counting its own hits and misses for meta.cached, and turning any failure of the
// store into one warning and no cache for the rest of the run.
import type { Warn } from '../store/store.js';
import type { CacheBackend } from './backend.js';
import type { CacheConfig } from './config.js';
import { cacheKey, type CacheRequest } from './key.js';
import { describeFailure, openCacheBackend } from './open.js';

export interface CacheSession {
  readonly hits: number;
  readonly misses: number;
  /** The cached value for this request, if any and if `accept` takes it (schemas change). */
  lookup<T>(request: CacheRequest, accept: (value: unknown) => T | undefined): Promise<T | undefined>;
  save(request: CacheRequest, task: string, value: unknown): Promise<void>;
  /** The model's digest as the server reports it, looked up once per run. */
  digest(): Promise<string | undefined>;
  /** Same store, fresh counters: one per batch line. */
  scoped(): CacheSession;
  close(): Promise<void>;
}

interface Shared {
  backend: Promise<CacheBackend | undefined> | undefined;
  failed: boolean;
  digest: Promise<string | undefined> | undefined;
}

export interface CacheSessionOptions {
  config: CacheConfig;
  home: string;
  warn: Warn;
  digestOf: () => Promise<string | undefined>;
}

export function createCacheSession(opts: CacheSessionOptions): CacheSession {
  const shared: Shared = { backend: undefined, failed: false, digest: undefined };
  const fail = (what: string, error: unknown): void => {
    if (shared.failed) return;
    shared.failed = true;
    const where = opts.config.where.kind === 'redis' ? 'the Redis cache' : 'the response cache';
    opts.warn(`${where} ${what} (${describeFailure(error)}): continuing without the cache`);
  };
  const backend = async (): Promise<CacheBackend | undefined> => {
    if (shared.failed) return undefined;
    shared.backend ??= openCacheBackend(opts.config, opts.home).catch((error: unknown) => {
      fail('is unreachable', error);
      return undefined;
    });
    return shared.failed ? undefined : shared.backend;
  };

  const make = (): CacheSession => {
    const counts = { hits: 0, misses: 0 };
    return {
      get hits() {
        return counts.hits;
      },
      get misses() {
        return counts.misses;
      },
      async lookup(request, accept) {
        const store = await backend();
        if (!store) return undefined;
        try {
          const record = await store.get(cacheKey(request));
          const value = record === undefined ? undefined : accept(record.value);
          if (value === undefined) counts.misses++;
          else counts.hits++;
          await store.count(value !== undefined);
          return value;
        } catch (error) {
          fail('failed', error);
          return undefined;
        }
      },
      async save(request, task, value) {
        const store = await backend();
        if (!store) return;
        try {
          await store.set(cacheKey(request), { task, model: request.model, created_at: new Date().toISOString(), value });
        } catch (error) {
          fail('failed', error);
        }
      },
      digest() {
        shared.digest ??= opts.digestOf().catch(() => undefined);
        return shared.digest;
      },
      scoped: make,
      async close() {
        const store = await shared.backend?.catch(() => undefined);
        await store?.close().catch(() => undefined);
      },
    };
  };
  return make();
}
