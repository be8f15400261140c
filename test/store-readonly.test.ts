// Read-only commands never write the store, never take its lock, and work in a read-only home.
// The home is chmod 0555 when that is enforced (not as root); in every case it also holds a plain
// FILE named store.lock (any lock attempt fails at once, see store-lock.test.ts) and a file named
// logs (the call log cannot be made), and every byte and mtime under it must be unchanged after.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseEnvelope, tempHome } from './support/cli.js';
import { jsonReply, makeRoadmap } from './support/fixtures.js';
import { runInProcess } from './support/in-process.js';
import { DEFAULT_MODEL, useFake } from './support/spine.js';

const fake = useFake();
const ID = 'rro0001';
const enforced = process.getuid?.() !== 0;

function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of fs.readdirSync(dir).sort()) {
    const file = path.join(dir, name);
    const stat = fs.statSync(file);
    out[name] = stat.isDirectory() ? `dir ${stat.mtimeMs}` : `${stat.mtimeMs} ${fs.readFileSync(file, 'base64')}`;
    if (stat.isDirectory()) for (const [inner, v] of Object.entries(snapshot(file))) out[`${name}/${inner}`] = v;
  }
  return out;
}

let home: string;
beforeEach(() => {
  home = tempHome();
  const saved = { id: ID, created_at: '2026-01-01T10:00:00.000Z', model: 'm', input: { role: 'Backend Developer' }, roadmap: makeRoadmap(1), progress: { '1.1.1': 'done' } };
  fs.writeFileSync(path.join(home, 'store.json'), JSON.stringify({ roadmaps: { [ID]: saved }, __internal__: { migrations: { version: '1.0.0' } } }));
  fs.writeFileSync(path.join(home, 'config.json'), JSON.stringify({ model: DEFAULT_MODEL, retries: 1 }));
  fs.writeFileSync(path.join(home, 'cards.json'), JSON.stringify({ cards: {} }));
  fs.writeFileSync(path.join(home, 'store.lock'), 'not a lock directory');
  fs.writeFileSync(path.join(home, 'logs'), 'a file where the log directory would go');
  if (enforced) fs.chmodSync(home, 0o555);
});
afterEach(() => {
  fs.chmodSync(home, 0o755);
});

describe('a read-only home', () => {
  it(`serves every read-only command and is left byte for byte as it was${enforced ? ' (chmod 0555)' : ' (running as root: chmod is not enforced, the lock file and snapshot prove no write)'}`, async () => {
    fake().onChat(() => jsonReply({ ok: true, word: 'ready' }, { stats: { prompt_eval_count: 40, eval_count: 8 } }));
    fake().setLoaded([{ name: DEFAULT_MODEL, size: 1000, size_vram: 1000 }]);
    const before = snapshot(home);
    const run = (args: string[]) => runInProcess(args, { home, host: fake().host });

    const health = await run(['health', '--json']);
    expect({ exit: health.exitCode, stderr: health.stderr }).toEqual({ exit: 0, stderr: '' });
    expect(parseEnvelope(health.stdout).data.ok).toBe(true);

    const get = await run(['config', 'get', 'retries']);
    expect({ exit: get.exitCode, stdout: get.stdout, stderr: get.stderr }).toEqual({ exit: 0, stdout: '1\n', stderr: '' });

    const cases: Array<[string[], RegExp]> = [
      [['config', 'list'], /retries/],
      [['progress'], new RegExp(ID)],
      [['progress', 'show', ID], /\[x\]/],
      [['progress', 'export', ID, '--format', 'md'], /- \[x\]/],
      [['list'], new RegExp(ID)],
      [['show', ID], /Backend Developer/],
      [['quiz', '--due'], /No quiz cards yet/],
      [['store', 'list'], /^Nothing is set aside: every saved record reads fine\.\n$/],
    ];
    for (const [args, stdout] of cases) {
      const r = await run(args);
      expect({ args, exit: r.exitCode, stderr: r.stderr }).toEqual({ args, exit: 0, stderr: '' });
      expect(r.stdout).toMatch(stdout);
    }
    expect(snapshot(home)).toEqual(before);
  });
});

describe('health', () => {
  it('needs no store: a fresh home gets no store.json, config.json, lock or quarantine', async () => {
    fake().onChat(() => jsonReply({ ok: true, word: 'ready' }, { stats: { prompt_eval_count: 40, eval_count: 8 } }));
    fake().setLoaded([{ name: DEFAULT_MODEL, size: 1000, size_vram: 1000 }]);
    const fresh = tempHome();
    const r = await runInProcess(['health', '--json', '--no-log'], { home: fresh, host: fake().host });
    expect(r.exitCode, r.stderr).toBe(0);
    expect(fs.readdirSync(fresh)).toEqual([]);
  });
});
