// The store lock: a proper-lockfile directory, store.lock, held only for one read-modify-write
// (milliseconds). Reads take no lock (conf replaces files in one rename, so a reader sees the old
// file or the new). What a waiting user needs: after a second we say what we wait on; a lock
// whose owner is dead is taken over at once (the owner's pid is written inside the lock), one
// whose owner stopped updating it goes stale after STALE_MS (proper-lockfile's `stale`); a
// non-directory store.lock is not ours and we say what to delete instead of retrying.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import lockfile from 'proper-lockfile';
import { CareerForgeError } from '../errors.js';

export type Warn = (message: string) => void;

/** proper-lockfile's minimum: a live owner refreshes the lock's mtime every STALE_MS / 2. */
const STALE_MS = 5_000;
const SAY_AFTER_MS = 1_000;
const GIVE_UP_MS = 30_000;
const OWNER = 'owner';

export interface LockOptions {
  /** Test seam: how long before the waiting line and before giving up. */
  sayAfterMs?: number;
  giveUpMs?: number;
}

interface Owner {
  pid: number;
  host: string;
}

export const lockPath = (home: string) => path.join(home, 'store.lock');

function readOwner(lock: string): Owner | undefined {
  try {
    const [pid, host] = fs.readFileSync(path.join(lock, OWNER), 'utf8').trim().split(' ');
    return Number.isInteger(Number(pid)) && Number(pid) > 0 ? { pid: Number(pid), host: host ?? '' } : undefined;
  } catch {
    return undefined;
  }
}

/** Whether the owner is known to be gone: same host and no such process (EPERM means it exists). */
function ownerIsDead(owner: Owner | undefined): boolean {
  if (!owner || owner.host !== os.hostname()) return false;
  try {
    process.kill(owner.pid, 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

function notALockDir(lock: string): CareerForgeError | undefined {
  let stat: fs.Stats;
  try {
    stat = fs.lstatSync(lock);
  } catch {
    return undefined;
  }
  if (stat.isDirectory()) return undefined;
  const what = stat.isSymbolicLink() ? 'a symbolic link' : stat.isFile() ? 'a file' : 'not a directory';
  return new CareerForgeError('STORE_ERROR', `${lock} is ${what}, not CareerForge's lock directory: if no careerforge is running, delete it (rm ${lock}) and run again`);
}

/** Remove a lock left by a dead or stalled owner, unless someone else took it over meanwhile. */
function takeOver(lock: string, seen: Owner | undefined): void {
  const now = readOwner(lock);
  if (now?.pid !== seen?.pid) return;
  // Two waiters may both decide to take over: the re-read above narrows that to a window of a few
  // microseconds between it and the removal, the same window proper-lockfile's own stale check has.
  fs.rmSync(lock, { recursive: true, force: true });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Create the home if needed, hold the store lock for `run`, and release it even when `run` throws. */
export async function withLock<R>(home: string, warn: Warn, run: () => R, opts: LockOptions = {}): Promise<R> {
  try {
    fs.mkdirSync(home, { recursive: true });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    throw new CareerForgeError('STORE_ERROR', `Cannot create the CareerForge home ${home} (${code}): set CAREERFORGE_HOME to a writable directory`);
  }
  const lock = lockPath(home);
  const started = Date.now();
  let said = false;
  let release: () => Promise<void>;
  for (;;) {
    const wrong = notALockDir(lock);
    if (wrong) throw wrong;
    try {
      release = await lockfile.lock(home, { lockfilePath: lock, realpath: false, stale: STALE_MS, retries: 0 });
      break;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      // ENOTEMPTY: proper-lockfile found the lock stale but cannot rmdir it (our owner file is inside).
      if (code !== 'ELOCKED' && code !== 'ENOTEMPTY') {
        throw new CareerForgeError('STORE_ERROR', `Cannot lock the store in ${home} (${code ?? (error as Error).message}): check that the directory is writable`);
      }
      const owner = readOwner(lock);
      if (code === 'ENOTEMPTY' || ownerIsDead(owner)) {
        takeOver(lock, owner);
        continue;
      }
      const waited = Date.now() - started;
      const who = owner ? `another careerforge (pid ${owner.pid})` : 'another careerforge';
      if (waited > (opts.giveUpMs ?? GIVE_UP_MS)) {
        throw new CareerForgeError('STORE_ERROR', `The store lock ${lock} is still held by ${who} after ${Math.round(waited / 1000)} s: if no careerforge is running, delete it (rm -r ${lock}) and run again`);
      }
      if (!said && waited >= (opts.sayAfterMs ?? SAY_AFTER_MS)) {
        said = true;
        warn(`waiting for the store lock held by ${who}...`);
      }
      await sleep(10 + Math.random() * 90);
    }
  }
  try {
    // Name the owner, so a waiter can tell a crashed owner from a busy one.
    fs.writeFileSync(path.join(lock, OWNER), `${process.pid} ${os.hostname()}\n`);
  } catch {
    // Without it, a crash of ours is noticed by the lock going stale instead: no reason to fail.
  }
  try {
    return run();
  } finally {
    fs.rmSync(path.join(lock, OWNER), { force: true });
    await release().catch(() => undefined);
  }
}
