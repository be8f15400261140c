// The video step in isolation, with an injected search function: results, the per-search
// timeout, failures, the concurrency limit and the one-day cache. Never touches the network.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DAY_MS, findVideos, type SearchFn, type VideoResult } from '../src/core/videos/videos.js';
import { tempHome } from './support/cli.js';

const video = (query: string, n: number): VideoResult => ({
  title: `${query} part ${n}`,
  channel: `Channel ${n}`,
  url: `https://www.youtube.com/watch?v=${encodeURIComponent(query).slice(0, 8)}${n}`,
  duration: `${10 + n}:00`,
});

/** A search that answers from the query, counting calls and the most searches in flight at once. */
function recorder(delayMs = 5) {
  const calls: string[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  const search: SearchFn = async (query, limit) => {
    calls.push(query);
    maxInFlight = Math.max(maxInFlight, ++inFlight);
    await new Promise((r) => setTimeout(r, delayMs));
    inFlight--;
    return Array.from({ length: limit + 2 }, (_, i) => video(query, i + 1));
  };
  return { search, calls, max: () => maxInFlight };
}

describe('findVideos', () => {
  it('returns up to perQuery results per query, in query order, status ok', async () => {
    const r = recorder();
    const out = await findVideos(['rust basics', 'sql joins'], { search: r.search, perQuery: 2 });
    expect(out.status).toBe('ok');
    expect(out.reason).toBeUndefined();
    expect(out.groups.map((g) => g.query)).toEqual(['rust basics', 'sql joins']);
    expect(out.groups[0]!.results).toEqual([video('rust basics', 1), video('rust basics', 2)]);
    expect(out.groups[1]!.results.map((v) => v.title)).toEqual(['sql joins part 1', 'sql joins part 2']);
  });

  it('bounds a search that never answers, even one that ignores its abort signal', async () => {
    const never: SearchFn = () => new Promise(() => undefined);
    const started = performance.now();
    const out = await findVideos(['a', 'b', 'c'], { search: never, timeoutMs: 30, concurrency: 3 });
    expect(performance.now() - started).toBeLessThan(1000);
    expect(out.status).toBe('missing');
    expect(out.reason).toBe('3 of 3 video searches got no answer: a YouTube search timed out after 30 ms');
    expect(out.groups.every((g) => g.results.length === 0)).toBe(true);
  });

  it('aborts the signal it handed to a timed-out search', async () => {
    let signal: AbortSignal | undefined;
    const hang: SearchFn = (_q, _l, s) => ((signal = s), new Promise(() => undefined));
    await findVideos(['x'], { search: hang, timeoutMs: 20 });
    expect(signal?.aborted).toBe(true);
  });

  it('reports a failure with its message and stops starting new searches after it', async () => {
    const calls: string[] = [];
    const failing: SearchFn = async (q) => {
      calls.push(q);
      throw new Error('getaddrinfo ENOTFOUND youtube.com');
    };
    const out = await findVideos(['a', 'b', 'c', 'd'], { search: failing, concurrency: 1 });
    expect(calls).toEqual(['a']);
    expect(out.status).toBe('missing');
    expect(out.reason).toBe('4 of 4 video searches got no answer: getaddrinfo ENOTFOUND youtube.com');
  });

  it('keeps what answered before a failure: status partial', async () => {
    const search: SearchFn = async (q) => {
      if (q === 'b') throw new Error('Rejected with status code: 429');
      return [video(q, 1)];
    };
    const out = await findVideos(['a', 'b'], { search, concurrency: 1 });
    expect(out.status).toBe('partial');
    expect(out.groups[0]!.results).toEqual([video('a', 1)]);
    expect(out.groups[1]!.results).toEqual([]);
    expect(out.reason).toBe('1 of 2 video searches got no answer: Rejected with status code: 429');
  });

  it('runs at most `concurrency` searches at once', async () => {
    const r = recorder(15);
    const queries = Array.from({ length: 7 }, (_, i) => `topic ${i}`);
    const out = await findVideos(queries, { search: r.search, concurrency: 2 });
    expect(out.status).toBe('ok');
    expect(r.calls.sort()).toEqual([...queries].sort());
    expect(r.max()).toBe(2);
  });

  it('drops results that are not YouTube videos and strips control characters from titles', async () => {
    const search: SearchFn = async () => [
      { title: '\u001b[31mRed\u001b[0m title', channel: 'C', url: 'https://www.youtube.com/watch?v=abc', duration: '1:00' },
      { title: 'Elsewhere', channel: 'C', url: 'https://evil.example/watch', duration: '1:00' },
      { title: '', channel: 'C', url: 'https://www.youtube.com/watch?v=def', duration: '1:00' },
    ];
    const out = await findVideos(['q'], { search });
    expect(out.groups[0]!.results).toEqual([{ title: 'Red title', channel: 'C', url: 'https://www.youtube.com/watch?v=abc', duration: '1:00' }]);
  });

  it('caches results for a day: a hit within it makes no search, a miss after it searches again', async () => {
    const cacheFile = path.join(tempHome(), 'videos-cache.json');
    let clock = Date.UTC(2025, 0, 1);
    const now = () => clock;
    const r = recorder();
    const first = await findVideos(['Docker'], { search: r.search, cacheFile, now });
    expect(r.calls).toEqual(['Docker']);
    expect(JSON.parse(fs.readFileSync(cacheFile, 'utf8')).entries['3:docker'].at).toBe(clock);

    clock += DAY_MS - 1000;
    const hit = await findVideos([' docker '], { search: r.search, cacheFile, now });
    expect(r.calls).toEqual(['Docker']);
    expect(hit.status).toBe('ok');
    expect(hit.groups[0]!.results).toEqual(first.groups[0]!.results);

    clock += 2000;
    await findVideos(['Docker'], { search: r.search, cacheFile, now });
    expect(r.calls).toEqual(['Docker', 'Docker']);
  });

  it('treats an unreadable cache as empty and replaces it', async () => {
    const cacheFile = path.join(tempHome(), 'videos-cache.json');
    fs.writeFileSync(cacheFile, '{ not json');
    const r = recorder();
    const out = await findVideos(['Go'], { search: r.search, cacheFile });
    expect(out.status).toBe('ok');
    expect(r.calls).toEqual(['Go']);
    expect(Object.keys(JSON.parse(fs.readFileSync(cacheFile, 'utf8')).entries)).toEqual(['3:go']);
  });

  it('stops at the total deadline', async () => {
    const slow: SearchFn = (q) => new Promise((resolve) => setTimeout(() => resolve([video(q, 1)]), 40));
    const out = await findVideos(['a', 'b', 'c', 'd'], { search: slow, concurrency: 1, timeoutMs: 1000, totalMs: 60 });
    expect(out.status).toBe('partial');
    expect(out.groups[0]!.results).toHaveLength(1);
    expect(out.reason).toMatch(/^\d of 4 video searches got no answer: /);
  });
});
