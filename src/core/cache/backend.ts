// What a cache store offers, whichever it is: files under CAREERFORGE_HOME or a team's Redis.
export interface CacheRecord {
  /** What was asked (for `cache stats` and debugging), never part of the key. */
  task: string;
  model: string;
  created_at: string;
  value: unknown;
}

export interface CacheStats {
  backend: 'local' | 'redis';
  /** A directory, or the Redis URL without its password. */
  location: string;
  entries: number;
  bytes: number;
  max_bytes?: number;
  ttl_seconds: number;
  hits: number;
  misses: number;
}

export interface CacheBackend {
  readonly kind: 'local' | 'redis';
  readonly location: string;
  get(key: string): Promise<CacheRecord | undefined>;
  set(key: string, record: CacheRecord): Promise<void>;
  /** Count a lookup for `cache stats`. */
  count(hit: boolean): Promise<void>;
  stats(): Promise<CacheStats>;
  /** Remove every entry; returns how many there were. */
  clear(): Promise<number>;
  close(): Promise<void>;
}
