// Where `--videos` gets its searcher, chosen as the command wires its dependencies: the real
// YouTube search (youtube-sr, loaded on first use) or, when CAREERFORGE_VIDEO_FIXTURE names a JSON
// file, that file's canned answer. The seam lives here rather than in core/videos so core never
// reads the environment and never imports the searcher it is handed.
import fs from 'node:fs';
import { collectVideos, DEFAULT_TIMEOUT_MS, type SearchFn, type VideoResult, type VideosCollected } from '../core/videos/videos.js';
import type { Session } from './session.js';

/** The real search, loaded on first use (youtube-sr is not needed on any other path). */
const youtubeSearch: SearchFn = async (query, limit, signal) => (await import('../core/videos/youtube-search.js')).youtubeSearch(query, limit, signal);

/**
 * Test seam: CAREERFORGE_VIDEO_FIXTURE names a JSON file read instead of calling YouTube, since
 * tests of the built CLI cannot inject a function into the spawned process. It holds
 * {"results": [...videos]} (returned for every query), {"hang": true} (never answers) or
 * {"fail": "message"} (every search rejects with that message).
 */
export function searchFromEnv(env: Session['env']): SearchFn {
  const file = env.CAREERFORGE_VIDEO_FIXTURE;
  if (!file) return youtubeSearch;
  return (_query, limit, signal) => {
    const fixture = JSON.parse(fs.readFileSync(file, 'utf8')) as { results?: VideoResult[]; hang?: boolean; fail?: string };
    if (fixture.fail !== undefined) return Promise.reject(new Error(fixture.fail));
    if (fixture.hang) return new Promise<never>((_, reject) => signal.addEventListener('abort', () => reject(new Error('aborted')), { once: true }));
    return Promise.resolve((fixture.results ?? []).slice(0, limit));
  };
}

/** The per-search bound: CAREERFORGE_VIDEO_TIMEOUT seconds (1..120), else the default. */
export function videoTimeoutMs(env: Session['env']): number {
  const seconds = Number(env.CAREERFORGE_VIDEO_TIMEOUT);
  return seconds > 0 && seconds <= 120 ? seconds * 1000 : DEFAULT_TIMEOUT_MS;
}

/** The video step as a command runs it: the searcher and timeout from the session's env, the cache in the home. */
export function videosFor(queries: string[], session: Session, home: string): Promise<VideosCollected> {
  return collectVideos(queries, { home, search: searchFromEnv(session.env), timeoutMs: videoTimeoutMs(session.env), warn: session.warn });
}
