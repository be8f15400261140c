// `careerforge logs [list] | on | off | status | path`: read and switch the call log.
import { displayText } from '../../core/sanitize.js';
import fs from 'node:fs';
import path from 'node:path';
import { resolveHome } from '../../core/config/settings.js';
import { UsageError } from '../../core/errors.js';
import { DEFAULT_MAX_BYTES, KEEP_ROTATED, logFiles, loggingEnabled, logPath, offMarker } from '../../core/logs/log-file.js';
import { queryLog, type LoggedCall } from '../../core/logs/query.js';
import { ratedRecords } from '../../core/ratings/ratings.js';
import { LocalStore } from '../../core/store/store.js';
import { logsText } from '../../render/logs-text.js';
import { emitPlain } from '../emit-plain.js';
import type { Session } from '../shared.js';

export interface LogsFlags {
  count?: string;
  command?: string;
  id?: string;
  json?: boolean;
}

export async function logsCommand(action: string | undefined, flags: LogsFlags, session: Session): Promise<void> {
  const home = resolveHome(session.env);
  const verb = action ?? 'list';
  if (verb !== 'list' && (flags.count ?? flags.command ?? flags.id) !== undefined) {
    throw new UsageError(`-n, --command and --id apply to \`careerforge logs\` (list), not to \`logs ${verb}\``);
  }
  switch (verb) {
    case 'list': {
      const count = flags.count === undefined ? 10 : Number(flags.count);
      if (!Number.isInteger(count) || count < 0) throw new UsageError(`-n: expected a whole number of calls (0 for all), got "${flags.count}"`);
      const view = queryLog(home, { count, command: flags.command, id: flags.id });
      if (view.skipped > 0) session.warn(`${view.skipped} unreadable line${view.skipped === 1 ? '' : 's'} in the call log skipped`);
      const calls = await withRatings(home, view.calls, session);
      return emitPlain(session, { calls, matched: view.matched, total: view.total }, () => logsText(displayText(calls), view.matched));
    }
    case 'on':
    case 'off': {
      if (verb === 'on') fs.rmSync(offMarker(home), { force: true });
      else {
        fs.mkdirSync(home, { recursive: true });
        fs.writeFileSync(offMarker(home), 'Delete this file (or run `careerforge logs on`) to log model calls again.\n');
      }
      return emitPlain(session, { logging: verb === 'on' }, () => `Logging of model calls is ${verb}.\n`);
    }
    case 'status': {
      const enabled = loggingEnabled(home);
      const view = queryLog(home);
      const files = logFiles(home);
      const data = { logging: enabled, path: logPath(home), files: files.length, bytes: view.bytes, calls: view.total, max_bytes: maxBytes(session), rotated_kept: KEEP_ROTATED };
      return emitPlain(session, data, () =>
        `Logging is ${enabled ? 'on' : 'off'}.\n${view.total} call${view.total === 1 ? '' : 's'} logged, ${kb(view.bytes)} in ${files.length} file${files.length === 1 ? '' : 's'} at ${data.path}\n` +
        `Each file is rotated past ${kb(data.max_bytes)}; ${KEEP_ROTATED} older files are kept.\n`);
    }
    case 'path':
      return emitPlain(session, { path: logPath(home) }, () => `${logPath(home)}\n`);
    default:
      throw new UsageError(`unknown logs action "${verb}": use list, on, off, status or path`);
  }
}

/** Each call with the ratings of the records it produced (`careerforge rate`); the store is only read if there is one. */
async function withRatings(home: string, calls: LoggedCall[], session: Session): Promise<LoggedCall[]> {
  if (calls.length === 0 || !fs.existsSync(path.join(home, 'store.json'))) return calls;
  const rated = new Map(ratedRecords(await new LocalStore(home, session.warn).read()).map((r) => [r.id, r.rating]));
  return calls.map((call) => {
    const ratings = call.record_ids.flatMap((id) => {
      const rating = rated.get(id);
      return rating ? [{ record_id: id, score: rating.score, ...(rating.note ? { note: rating.note } : {}) }] : [];
    });
    return ratings.length ? { ...call, ratings } : call;
  });
}

function maxBytes(session: Session): number {
  const max = Number(session.env.CAREERFORGE_LOG_MAX_BYTES);
  return Number.isInteger(max) && max > 0 ? max : DEFAULT_MAX_BYTES;
}

function kb(bytes: number): string {
  return bytes < 1024 * 1024 ? `${(bytes / 1024).toFixed(1)} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
