// The store lock as a user meets it (built CLI): a plain file named store.lock is an immediate,
// explained STORE_ERROR; a lock whose owner died is taken over at once; one whose owner stopped
// refreshing it is waited on with a line saying so, then taken over once stale; and a lock that
// stays held gives up with what to delete.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execa } from 'execa';
import { beforeEach, describe, expect, it } from 'vitest';
import { LocalStore } from '../src/core/store/store.js';
import { BIN, readStore, runCli, tempHome } from './support/cli.js';
import { makeRoadmap } from './support/fixtures.js';

const ID = 'rlock01';
let home: string;
let lock: string;
let storeText: string;

beforeEach(() => {
  home = tempHome();
  lock = path.join(home, 'store.lock');
  const saved = { id: ID, created_at: '2026-01-01T10:00:00.000Z', model: 'm', input: { role: 'Backend Developer' }, roadmap: makeRoadmap(1), progress: {} };
  storeText = JSON.stringify({ roadmaps: { [ID]: saved }, __internal__: { migrations: { version: '1.0.0' } } });
  fs.writeFileSync(path.join(home, 'store.json'), storeText);
});

/** A pid that is surely not running: a process that has exited. */
async function deadPid(): Promise<number> {
  const child = await execa('node', ['-e', 'console.log(process.pid)']);
  return Number(child.stdout);
}

function heldBy(pid: number, ageMs = 0): void {
  fs.mkdirSync(lock);
  fs.writeFileSync(path.join(lock, 'owner'), `${pid} ${os.hostname()}\n`);
  const at = new Date(Date.now() - ageMs);
  fs.utimesSync(lock, at, at);
}

describe('the store lock', () => {
  it('a plain file named store.lock fails at once with STORE_ERROR saying what to delete, the store untouched', async () => {
    fs.writeFileSync(lock, 'hello');
    const started = Date.now();
    const r = await runCli(['progress', 'done', ID, '1.1.1'], { home });
    expect(Date.now() - started).toBeLessThan(10_000); // it used to retry for ~25 s
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toBe(`careerforge: ${lock} is a file, not CareerForge's lock directory: if no careerforge is running, delete it (rm ${lock}) and run again\n`);
    expect(fs.readFileSync(path.join(home, 'store.json'), 'utf8')).toBe(storeText);
    expect(fs.readFileSync(lock, 'utf8')).toBe('hello');
  });

  it('a lock left by a dead careerforge is taken over at once, in silence', async () => {
    heldBy(await deadPid());
    const r = await runCli(['progress', 'done', ID, '1.1.1'], { home });
    expect({ exit: r.exitCode, stderr: r.stderr }).toEqual({ exit: 0, stderr: '' });
    expect(readStore(home).roadmaps[ID].progress).toEqual({ '1.1.1': 'done' });
    expect(fs.existsSync(lock)).toBe(false);
  });

  it('a lock with no owner that is older than the stale time is taken over', async () => {
    fs.mkdirSync(lock);
    const old = new Date(Date.now() - 60_000);
    fs.utimesSync(lock, old, old);
    const r = await runCli(['progress', 'done', ID, '1.1.1'], { home });
    expect({ exit: r.exitCode, stderr: r.stderr }).toEqual({ exit: 0, stderr: '' });
    expect(readStore(home).roadmaps[ID].progress).toEqual({ '1.1.1': 'done' });
  });

  it('a live owner is waited on, said after a second; once it stops refreshing the lock it is taken over when stale', async () => {
    heldBy(process.pid); // alive (this test); it refreshes the lock, as a busy owner does, until the waiter says it waits
    const touch = () => fs.utimesSync(lock, new Date(), new Date());
    const refresh = setInterval(touch, 300);
    const child = execa('node', [BIN, 'progress', 'done', ID, '1.1.1'], { reject: false, env: { CAREERFORGE_HOME: home, CI: '1' }, timeout: 30_000 });
    let stderr = '';
    let stoppedAt = 0;
    child.stderr!.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      if (stoppedAt === 0 && stderr.includes('waiting for the store lock')) {
        clearInterval(refresh);
        touch();
        stoppedAt = Date.now();
      }
    });
    const result = await child.finally(() => clearInterval(refresh));
    expect(result.exitCode).toBe(0);
    expect(stderr).toBe(`warning: waiting for the store lock held by another careerforge (pid ${process.pid})...\n`);
    expect(stoppedAt).toBeGreaterThan(0);
    expect(Date.now() - stoppedAt).toBeGreaterThan(4_000); // proper-lockfile's stale time is 5 s
    expect(readStore(home).roadmaps[ID].progress).toEqual({ '1.1.1': 'done' });
  }, 40_000);

  it('a lock that stays held gives up with what to delete (LocalStore with short limits)', async () => {
    heldBy(process.pid);
    const warnings: string[] = [];
    const store = new LocalStore(home, (m) => warnings.push(m), { sayAfterMs: 50, giveUpMs: 600 });
    await expect(store.update(() => undefined)).rejects.toThrow(
      new RegExp(`^The store lock ${lock} is still held by another careerforge \\(pid ${process.pid}\\) after \\d+ s: if no careerforge is running, delete it \\(rm -r ${lock}\\) and run again$`),
    );
    expect(warnings).toEqual([`waiting for the store lock held by another careerforge (pid ${process.pid})...`]);
    expect(fs.readFileSync(path.join(home, 'store.json'), 'utf8')).toBe(storeText);
  });
});
