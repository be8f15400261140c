// Reading the call log back: call entries joined with their run's outcome (the records it saved),
// filtered by command or id, newest N in the order they happened.
import { readEntries } from './log-file.js';
import type { CallEntry, RunEntry } from './recorder.js';

export interface LoggedCall extends CallEntry {
  /** Records the run saved (empty while the run is still going, or when it failed). */
  record_ids: string[];
  /** The run's exit code, once it ended. */
  run_exit_code?: number;
  /** Ratings of those records (`careerforge rate`), added by the logs command from the store. */
  ratings?: Array<{ record_id: string; score: number; note?: string }>;
}

export interface LogQuery {
  /** Last N calls; 0 or undefined for all. */
  count?: number;
  command?: string;
  /** A call id, a run id, or a saved record id (or a unique start of one). */
  id?: string;
}

export interface LogView {
  calls: LoggedCall[];
  /** Matching calls before -n cut them. */
  matched: number;
  total: number;
  skipped: number;
  bytes: number;
}

function isCall(e: unknown): e is CallEntry {
  return !!e && typeof e === 'object' && (e as CallEntry).type === 'call' && typeof (e as CallEntry).run === 'string';
}

function isRun(e: unknown): e is RunEntry {
  return !!e && typeof e === 'object' && (e as RunEntry).type === 'run' && Array.isArray((e as RunEntry).record_ids);
}

export function queryLog(home: string, query: LogQuery = {}): LogView {
  const { entries, skipped, bytes } = readEntries(home);
  const runs = new Map<string, RunEntry>();
  for (const entry of entries) if (isRun(entry)) runs.set(entry.run, entry);
  const all: LoggedCall[] = entries.filter(isCall).map((call) => {
    const run = runs.get(call.run);
    return { ...call, record_ids: run?.record_ids ?? [], ...(run ? { run_exit_code: run.exit_code } : {}) };
  });
  const matching = all.filter((call) => {
    if (query.command !== undefined && call.command !== query.command) return false;
    if (query.id !== undefined) {
      const id = query.id;
      return call.id === id || call.run === id || call.record_ids.some((r) => r === id || (id.length >= 2 && r.startsWith(id)));
    }
    return true;
  });
  const calls = query.count ? matching.slice(-query.count) : matching;
  return { calls, matched: matching.length, total: all.length, skipped, bytes };
}
