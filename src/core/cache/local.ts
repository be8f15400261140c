// The local response cache: one small JSON file per entry under CAREERFORGE_HOME/cache/responses.
// Safe under concurrent writers (parallel batch workers, two shells) without a lock: each entry is
// written to a unique temp file and renamed into place, so a reader sees a whole entry or none,
// and two writers of one key both write the same answer. Bounded: past max_bytes the least
// recently used entries go (a hit touches its file's mtime).
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { CacheBackend, CacheRecord, CacheStats } from './backend.js';

interface StoredEntry extends CacheRecord {
  v: 1;
  key: string;
}

const TEMP_MAX_AGE_MS = 60 * 60 * 1000;

export class LocalCache implements CacheBackend {
  readonly kind = 'local' as const;
  readonly location: string;
  private readonly countsFile: string;
  /** Bytes written since the last scan plus what that scan found; undefined until the first scan. */
  private approxBytes: number | undefined;

  constructor(root: string, private readonly maxBytes: number, private readonly ttlSeconds: number) {
    this.location = path.join(root, 'responses');
    this.countsFile = path.join(root, 'lookups.log');
  }

  private fileOf(key: string): string {
    return path.join(this.location, key.slice(0, 2), `${key}.json`);
  }

  async get(key: string): Promise<CacheRecord | undefined> {
    const file = this.fileOf(key);
    let text: string;
    try {
      text = await fs.promises.readFile(file, 'utf8');
    } catch {
      return undefined; // absent
    }
    let entry: StoredEntry | undefined;
    try {
      entry = JSON.parse(text) as StoredEntry;
    } catch {
      entry = undefined; // damaged on disk (writers rename whole files into place, so never half-written)
    }
    if (entry?.v !== 1 || entry.key !== key || this.expired(entry.created_at)) {
      await fs.promises.rm(file, { force: true });
      return undefined;
    }
    const now = new Date();
    await fs.promises.utimes(file, now, now).catch(() => undefined);
    return { task: entry.task, model: entry.model, created_at: entry.created_at, value: entry.value };
  }

  async set(key: string, record: CacheRecord): Promise<void> {
    const file = this.fileOf(key);
    const body = JSON.stringify({ v: 1, key, ...record } satisfies StoredEntry);
    await fs.promises.mkdir(path.dirname(file), { recursive: true });
    // A random name, so concurrent writers (other processes, or this one) never share a temp file.
    const temp = `${file}.${randomUUID()}.tmp`;
    await fs.promises.writeFile(temp, body);
    await fs.promises.rename(temp, file);
    if (this.approxBytes === undefined) this.approxBytes = (await this.scan()).bytes;
    else this.approxBytes += Buffer.byteLength(body);
    if (this.approxBytes > this.maxBytes) await this.evict();
  }

  async count(hit: boolean): Promise<void> {
    // One byte per lookup with O_APPEND: concurrent processes never overwrite each other's counts.
    await fs.promises.mkdir(path.dirname(this.countsFile), { recursive: true });
    await fs.promises.appendFile(this.countsFile, hit ? 'h' : 'm');
  }

  async stats(): Promise<CacheStats> {
    const { files, bytes } = await this.scan();
    let counts = '';
    try {
      counts = await fs.promises.readFile(this.countsFile, 'latin1');
    } catch {
      // no lookups yet
    }
    const hits = counts.split('h').length - 1;
    return {
      backend: 'local',
      location: this.location,
      entries: files.length,
      bytes,
      max_bytes: this.maxBytes,
      ttl_seconds: this.ttlSeconds,
      hits,
      misses: counts.length - hits,
    };
  }

  async clear(): Promise<number> {
    const { files } = await this.scan();
    await fs.promises.rm(this.location, { recursive: true, force: true });
    await fs.promises.rm(this.countsFile, { force: true });
    this.approxBytes = 0;
    return files.length;
  }

  async close(): Promise<void> {}

  private expired(createdAt: string): boolean {
    const at = Date.parse(createdAt);
    return !Number.isFinite(at) || Date.now() - at > this.ttlSeconds * 1000;
  }

  /** Every entry with its size and last use; stale temp files of crashed writers are removed. */
  private async scan(): Promise<{ files: Array<{ file: string; size: number; used: number }>; bytes: number }> {
    const files: Array<{ file: string; size: number; used: number }> = [];
    let shards: string[] = [];
    try {
      shards = await fs.promises.readdir(this.location);
    } catch {
      return { files, bytes: 0 };
    }
    for (const shard of shards) {
      const dir = path.join(this.location, shard);
      const names = await fs.promises.readdir(dir).catch(() => [] as string[]);
      for (const name of names) {
        const file = path.join(dir, name);
        const stat = await fs.promises.stat(file).catch(() => undefined);
        if (!stat) continue; // removed by another process meanwhile
        if (name.endsWith('.tmp')) {
          if (Date.now() - stat.mtimeMs > TEMP_MAX_AGE_MS) await fs.promises.rm(file, { force: true });
          continue;
        }
        if (name.endsWith('.json')) files.push({ file, size: stat.size, used: stat.mtimeMs });
      }
    }
    return { files, bytes: files.reduce((n, f) => n + f.size, 0) };
  }

  /** Drop least recently used entries until the cache is back under 80% of its bound. */
  private async evict(): Promise<void> {
    const { files, bytes } = await this.scan();
    let total = bytes;
    const target = this.maxBytes * 0.8;
    for (const entry of files.sort((a, b) => a.used - b.used)) {
      if (total <= target) break;
      await fs.promises.rm(entry.file, { force: true });
      total -= entry.size;
    }
    this.approxBytes = total;
  }
}
