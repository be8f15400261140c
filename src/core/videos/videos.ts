// YouTube resources for a plan: a few real search results per month or per gap, through
// youtube-sr. youtube-sr has no timeout of its own and hangs on a dead network, so every search
// here is bounded (a timer races it and aborts its request), searches run a few at a time, the
// whole step has a deadline, and the first failure stops new searches (the network is probably
// down). Results are cached for a day in <home>/videos-cache.json. Videos are an extra: a
// failure never fails the command, it comes back as status 'missing' with the reason.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { sanitizeDeep } from '../sanitize.js';

import type { SearchFn, VideoResult } from './types.js';

export type { SearchFn, VideoResult };

export interface VideoOptions {
  /** The searcher; the command chooses it (commands/videos-source.ts). */
  search: SearchFn;
  /** Per-search bound (default 8 s). */
  timeoutMs?: number;
  /** Bound on the whole step (default 3 per-search timeouts). */
  totalMs?: number;
  concurrency?: number;
  perQuery?: number;
  /** The cache file; none when undefined. */
  cacheFile?: string;
  ttlMs?: number;
  now?: () => number;
}

export interface VideoOutcome {
  groups: Array<{ query: string; results: VideoResult[] }>;
  /** ok: every search answered; partial: some did; missing: none did. */
  status: 'ok' | 'partial' | 'missing';
  reason?: string;
}

export const DAY_MS = 24 * 60 * 60 * 1000;
export const DEFAULT_TIMEOUT_MS = 8000;

interface CacheFile {
  version: 1;
  entries: Record<string, { at: number; results: VideoResult[] }>;
}

export async function findVideos(queries: string[], opts: VideoOptions): Promise<VideoOutcome> {
  const search = opts.search;
  const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const now = opts.now ?? Date.now;
  const ttl = opts.ttlMs ?? DAY_MS;
  const perQuery = opts.perQuery ?? 3;
  const deadline = now() + (opts.totalMs ?? timeoutMs * 3);
  const cache = readCache(opts.cacheFile);
  const key = (q: string) => `${perQuery}:${q.trim().toLowerCase()}`;

  const results: Array<VideoResult[] | undefined> = queries.map((q) => {
    const hit = cache.entries[key(q)];
    return hit && now() - hit.at >= 0 && now() - hit.at < ttl ? hit.results : undefined;
  });
  let failure: string | undefined;
  let fetched = false;
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < queries.length && failure === undefined) {
      const i = next++;
      if (results[i] !== undefined) continue;
      const left = deadline - now();
      if (left <= 0) {
        failure = `the video search took longer than ${Math.round((opts.totalMs ?? timeoutMs * 3) / 1000)} s in all`;
        return;
      }
      try {
        const found = await bounded(search, queries[i]!, perQuery, Math.min(timeoutMs, left));
        results[i] = sanitizeDeep(found.filter(isVideo).slice(0, perQuery));
        cache.entries[key(queries[i]!)] = { at: now(), results: results[i]! };
        fetched = true;
      } catch (error) {
        // fetch's own message ("fetch failed") says little: add the network code when there is one.
        const e = error as (Error & { cause?: { code?: string } }) | undefined;
        failure ??= (e?.message || String(error)) + (e?.cause?.code ? ` (${e.cause.code})` : '');
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(opts.concurrency ?? 3, queries.length)) }, worker));
  if (fetched) writeCache(opts.cacheFile, cache, now(), ttl);

  const groups = queries.map((query, i) => ({ query, results: results[i] ?? [] }));
  const answered = results.filter((r) => r !== undefined).length;
  if (answered === queries.length) return { groups, status: 'ok' };
  const missing = queries.length - answered;
  const reason = `${missing} of ${queries.length} video searches got no answer: ${failure ?? 'not attempted'}`;
  return { groups, status: answered === 0 ? 'missing' : 'partial', reason };
}

/** Run one search with a hard bound: the timer wins even when the search ignores its signal. */
async function bounded(search: SearchFn, query: string, limit: number, ms: number): Promise<VideoResult[]> {
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    // Reject before aborting: the abort can settle the search first, and the timeout is the reason.
    timer = setTimeout(() => {
      reject(new Error(`a YouTube search timed out after ${ms < 1000 ? `${ms} ms` : `${Math.round(ms / 1000)} s`}`));
      controller.abort();
    }, ms);
  });
  try {
    return await Promise.race([search(query, limit, controller.signal), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

function isVideo(v: unknown): v is VideoResult {
  const r = v as Partial<VideoResult> | undefined;
  return !!r && typeof r.title === 'string' && r.title !== '' && typeof r.url === 'string' && /^https:\/\/(www\.)?youtube\.com\//.test(r.url)
    && typeof r.channel === 'string' && typeof r.duration === 'string';
}

export function videoCacheFile(home: string): string {
  return path.join(home, 'videos-cache.json');
}

function readCache(file: string | undefined): CacheFile {
  if (!file) return { version: 1, entries: {} };
  try {
    const data = JSON.parse(fs.readFileSync(file, 'utf8')) as CacheFile;
    if (data?.version === 1 && data.entries && typeof data.entries === 'object') return data;
  } catch {
    // Missing or unreadable: a cache is only ever a shortcut, so start empty.
  }
  return { version: 1, entries: {} };
}

/** Write atomically (temp file + rename) so two runs at once never leave a torn file. */
function writeCache(file: string | undefined, cache: CacheFile, now: number, ttl: number): void {
  if (!file) return;
  const entries = Object.fromEntries(Object.entries(cache.entries).filter(([, e]) => now - e.at < ttl));
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const tmp = `${file}.${randomBytes(4).toString('hex')}.tmp`;
    fs.writeFileSync(tmp, JSON.stringify({ version: 1, entries }));
    fs.renameSync(tmp, file);
  } catch {
    // Not being able to cache costs a search next time, nothing more.
  }
}

export type VideosCollected = VideoOutcome & { meta: { status: VideoOutcome['status']; reason?: string } };

/**
 * The step as commands run it, with the searcher and per-search timeout they chose: the cache in
 * the home, and one warning line on failure.
 */
export async function collectVideos(
  queries: string[],
  ctx: { home: string; search: SearchFn; timeoutMs: number; warn: (message: string) => void },
): Promise<VideosCollected> {
  const outcome = await findVideos(queries, { search: ctx.search, timeoutMs: ctx.timeoutMs, cacheFile: videoCacheFile(ctx.home) });
  if (outcome.reason) ctx.warn(`videos ${outcome.status === 'missing' ? 'unavailable' : 'incomplete'}: ${outcome.reason}`);
  return { ...outcome, meta: { status: outcome.status, ...(outcome.reason ? { reason: outcome.reason } : {}) } };
}
