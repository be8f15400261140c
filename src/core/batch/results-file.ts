// The --out JSONL file: one line per input line, appended and flushed as each finishes, so a crash,
// Ctrl-C or kill -9 loses at most the lines in flight. Each line goes down in one write(2) of the
// whole line and its newline; a line torn by a power cut or a full disk is found on the next run
// (no final newline, or not JSON) and dropped, and that id runs again. On resume, failures are
// dropped too (they are retried) so the finished file holds every id exactly once.
import fs from 'node:fs';
import path from 'node:path';
import { CareerForgeError, UsageError } from '../errors.js';
import { idKey, type BatchId } from './input.js';

export interface ResumeState {
  /** Ids already finished with success:true: skipped. */
  done: Set<string>;
  /** Ids whose earlier line was a failure: retried. */
  retried: Set<string>;
  /** Lines dropped because they were torn or not JSON. */
  repaired: number;
  /** Successful lines for ids that are not in --input (kept untouched). */
  foreign: number;
}

export interface ResultsWriter {
  append(record: { id: BatchId } & Record<string, unknown>): void;
  close(): void;
}

const FSYNC_EVERY_MS = 1000;

function storeError(file: string, error: unknown): CareerForgeError {
  const code = (error as NodeJS.ErrnoException)?.code;
  return new CareerForgeError('STORE_ERROR', `--out ${file}: cannot write (${code ?? (error as Error)?.message}): check the path and free space`);
}

/** Read what an earlier run left, keep one success line per id, and say what will be skipped. */
export function resumeResults(file: string, ids: ReadonlySet<string>, warn: (m: string) => void): ResumeState {
  const state: ResumeState = { done: new Set(), retried: new Set(), repaired: 0, foreign: 0 };
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return state;
    throw new UsageError(`--out ${file}: cannot read it (${(error as NodeJS.ErrnoException).code})`);
  }
  const lines = text.split('\n');
  // Everything after the last newline is an unfinished line (empty when the file ends cleanly).
  const torn = lines.pop() ?? '';
  const kept: string[] = [];
  if (torn !== '') {
    state.repaired++;
    warn(`--out ${file}: line ${lines.length + 1} was cut off by an interrupted run; dropping it (that id runs again)`);
  }
  lines.forEach((line, i) => {
    if (line.trim() === '') return;
    let record: { id?: BatchId; success?: unknown };
    try {
      record = JSON.parse(line) as typeof record;
    } catch {
      state.repaired++;
      return warn(`--out ${file}: line ${i + 1} is not JSON; dropping it`);
    }
    if (record === null || typeof record !== 'object' || (typeof record.id !== 'string' && typeof record.id !== 'number')) {
      state.repaired++;
      return warn(`--out ${file}: line ${i + 1} has no id; dropping it`);
    }
    const key = idKey(record.id);
    if (record.success !== true) {
      if (!state.done.has(key)) state.retried.add(key);
      return;
    }
    if (state.done.has(key)) return; // a second success for one id: the first stands
    state.done.add(key);
    state.retried.delete(key);
    if (!ids.has(key)) state.foreign++;
    kept.push(line);
  });
  const changed = kept.length !== lines.filter((l) => l.trim() !== '').length || torn !== '';
  if (changed) rewrite(file, kept);
  return state;
}

/** Replace the file in one rename, so a crash here leaves the old file or the new, never half. */
function rewrite(file: string, lines: string[]): void {
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  try {
    const fd = fs.openSync(temp, 'w');
    try {
      fs.writeSync(fd, lines.map((l) => `${l}\n`).join(''));
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(temp, file);
  } catch (error) {
    fs.rmSync(temp, { force: true });
    throw storeError(file, error);
  }
}

export function openResults(file: string): ResultsWriter {
  let fd: number;
  try {
    fd = fs.openSync(file, 'a');
  } catch (error) {
    throw storeError(file, error);
  }
  let dirty = false;
  // fsync at most once a second: each line is in the kernel as soon as write(2) returns (that is
  // what a crash of this process needs); the timer bounds what a power cut can take.
  const timer = setInterval(() => {
    if (!dirty) return;
    dirty = false;
    fs.fsync(fd, () => undefined);
  }, FSYNC_EVERY_MS);
  timer.unref();
  return {
    append(record) {
      const bytes = Buffer.from(`${JSON.stringify(record)}\n`);
      try {
        let written = 0;
        while (written < bytes.length) written += fs.writeSync(fd, bytes, written);
      } catch (error) {
        throw storeError(file, error);
      }
      dirty = true;
    },
    close() {
      clearInterval(timer);
      try {
        fs.fsyncSync(fd);
      } catch {
        // a file system without fsync (some FUSE mounts): the lines are written all the same
      }
      fs.closeSync(fd);
    },
  };
}

/**
 * One batch per --out file at a time: two runs appending to one file would write ids twice.
 * The lock file holds the owner's pid, so a lock left by a killed run is taken over at once.
 */
export function lockResults(file: string): () => void {
  const lock = `${file}.lock`;
  for (let tries = 0; tries < 3; tries++) {
    try {
      fs.writeFileSync(lock, `${process.pid}\n`, { flag: 'wx' });
      return () => fs.rmSync(lock, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw storeError(lock, error);
    }
    const pid = Number(fs.readFileSync(lock, 'utf8').trim());
    if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && alive(pid)) {
      throw new UsageError(`--out ${file}: another careerforge batch (pid ${pid}) is writing it; wait for it or use another --out`);
    }
    fs.rmSync(lock, { force: true }); // its owner is gone
  }
  throw new UsageError(`--out ${file}: cannot take its lock file ${lock}`);
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
