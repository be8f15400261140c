// `careerforge cache stats|clear`.
import { cacheStats, clearCache, type CacheReport } from '../../core/cache/admin.js';
import { resolveHome } from '../../core/config/settings.js';
import { UsageError } from '../../core/errors.js';
import { successEnvelope, writeJson } from '../../render/json.js';
import type { Session } from '../shared.js';
import { plural } from '../../core/plural.js';

function size(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

export function statsText(s: CacheReport): string {
  const lookups = s.hits + s.misses;
  const rate = lookups > 0 ? `, ${Math.round((s.hits / lookups) * 100)}% answered from the cache` : '';
  return [
    `backend   ${s.backend}${s.enabled ? '' : ' (CAREERFORGE_CACHE=off: not used)'}`,
    `location  ${s.location}`,
    `entries   ${s.entries} (${size(s.bytes)}${s.max_bytes ? ` of ${size(s.max_bytes)}` : ''})`,
    `ttl       ${s.ttl_seconds}s`,
    `lookups   ${lookups} (${plural(s.hits, 'hit')}, ${plural(s.misses, 'miss', 'misses')}${rate})`,
  ].join('\n');
}

export async function cacheCommand(action: string, opts: { json?: boolean }, session: Session): Promise<void> {
  const home = resolveHome(session.env);
  if (action === 'stats') {
    const stats = await cacheStats(session.env, home);
    if (opts.json) return writeJson(session.stdout, successEnvelope(stats, session.meta));
    return void session.stdout.write(`${statsText(stats)}\n`);
  }
  if (action === 'clear') {
    const cleared = await clearCache(session.env, home);
    if (opts.json) return writeJson(session.stdout, successEnvelope(cleared, session.meta));
    return void session.stdout.write(`Removed ${cleared.removed} cached ${cleared.removed === 1 ? 'answer' : 'answers'} from ${cleared.location}\n`);
  }
  throw new UsageError(`cache: unknown action "${action}": use stats or clear`);
}
