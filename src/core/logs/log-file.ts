// The call log on disk: JSON Lines under <home>/logs/. Each entry is one line appended with a
// single write to a file opened O_APPEND, so concurrent commands never interleave or overwrite
// each other, and a reader sees whole lines (a line still being written has no newline yet and is
// left for the next read). The log is bounded: past `maxBytes` the current file is rotated to
// calls.1.jsonl (and that one to calls.2.jsonl, dropping the oldest), under a lock so two
// processes never rotate at once and push an unread file out.
import fs from 'node:fs';
import path from 'node:path';
import lockfile from 'proper-lockfile';

export const LOG_FILE = 'calls.jsonl';
/** Rotated files kept besides the current one. */
export const KEEP_ROTATED = 2;
export const DEFAULT_MAX_BYTES = 8 * 1024 * 1024;

export function logDir(home: string): string {
  return path.join(home, 'logs');
}

export function logPath(home: string): string {
  return path.join(logDir(home), LOG_FILE);
}

/** The marker `careerforge logs off` leaves (as simonw/llm's logs-off). */
export function offMarker(home: string): string {
  return path.join(home, 'logs-off');
}

export function loggingEnabled(home: string): boolean {
  return !fs.existsSync(offMarker(home));
}

/** Oldest first: calls.2.jsonl, calls.1.jsonl, calls.jsonl (those that exist). */
export function logFiles(home: string): string[] {
  const dir = logDir(home);
  const names = [...Array.from({ length: KEEP_ROTATED }, (_, i) => `calls.${KEEP_ROTATED - i}.jsonl`), LOG_FILE];
  return names.map((name) => path.join(dir, name)).filter((file) => fs.existsSync(file));
}

/** Append entries as whole lines; rotates first when the current file is over `maxBytes`. */
export function appendEntries(home: string, entries: object[], maxBytes = DEFAULT_MAX_BYTES): void {
  if (entries.length === 0) return;
  const dir = logDir(home);
  fs.mkdirSync(dir, { recursive: true });
  const file = logPath(home);
  if (sizeOf(file) > maxBytes) rotate(dir, file, maxBytes);
  const text = entries.map((entry) => `${JSON.stringify(entry)}\n`).join('');
  // One write of the whole text to an O_APPEND descriptor: the kernel places it at the end of the
  // file atomically with respect to other appenders.
  const fd = fs.openSync(file, 'a');
  try {
    fs.writeSync(fd, text);
  } finally {
    fs.closeSync(fd);
  }
}

function rotate(dir: string, file: string, maxBytes: number): void {
  let release: (() => void) | undefined;
  try {
    release = lockfile.lockSync(dir, { lockfilePath: path.join(dir, 'rotate.lock'), realpath: false, stale: 10_000 });
  } catch {
    return; // another process is rotating right now: append to whichever file is current
  }
  try {
    if (sizeOf(file) <= maxBytes) return; // it rotated while we waited
    for (let i = KEEP_ROTATED; i >= 1; i--) {
      const from = i === 1 ? file : path.join(dir, `calls.${i - 1}.jsonl`);
      if (fs.existsSync(from)) fs.renameSync(from, path.join(dir, `calls.${i}.jsonl`));
    }
  } finally {
    release();
  }
}

function sizeOf(file: string): number {
  try {
    return fs.statSync(file).size;
  } catch {
    return 0;
  }
}

export interface ReadResult {
  entries: unknown[];
  /** Lines that did not parse (a torn file, a hand edit); a line still being written is not one. */
  skipped: number;
  bytes: number;
}

/** Every entry, oldest first, across the rotated files. */
export function readEntries(home: string): ReadResult {
  const entries: unknown[] = [];
  let skipped = 0;
  let bytes = 0;
  for (const file of logFiles(home)) {
    let text: string;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch {
      continue; // rotated away between listing and reading
    }
    bytes += Buffer.byteLength(text);
    const lines = text.split('\n');
    lines.pop(); // after the last newline: empty, or a line another process is still writing
    for (const line of lines) {
      if (line.trim() === '') continue;
      try {
        entries.push(JSON.parse(line));
      } catch {
        skipped++;
      }
    }
  }
  return { entries, skipped, bytes };
}
