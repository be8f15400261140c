// The store never loses an update: twenty processes marking different tasks at once all land, and
// a corrupt or hand-broken store is moved aside (kept as a backup, said on stderr), never wiped.
import fs from 'node:fs';
import path from 'node:path';
import { execa } from 'execa';
import { beforeEach, describe, expect, it } from 'vitest';
import { BIN, parseEnvelope, readStore, runCli, tempHome } from './support/cli.js';
import { makeRoadmap } from './support/fixtures.js';

const ID = 'rstore1';

function seed(home: string): void {
  // 3 months x 4 weeks x 2 tasks: 24 tasks, enough for 20 distinct writers.
  const saved = { id: ID, created_at: '2026-01-01T10:00:00.000Z', model: 'm', input: { role: 'Backend Developer' }, roadmap: makeRoadmap(3), progress: {} };
  fs.writeFileSync(path.join(home, 'store.json'), JSON.stringify({ roadmaps: { [ID]: saved }, __internal__: { migrations: { version: '1.0.0' } } }));
}

let home: string;
beforeEach(() => {
  home = tempHome();
  seed(home);
});

describe('concurrent writers', () => {
  it('records all 20 tasks marked by 20 processes started at once', async () => {
    const tasks = Array.from({ length: 20 }, (_, i) => `${Math.floor(i / 8) + 1}.${Math.floor((i % 8) / 2) + 1}.${(i % 2) + 1}`);
    expect(new Set(tasks).size).toBe(20);
    const runs = await Promise.all(
      tasks.map((task) =>
        execa('node', [BIN, 'progress', 'done', ID, task, '--json'], {
          reject: false,
          timeout: 60_000,
          env: { CAREERFORGE_HOME: home, CI: '1' },
        }),
      ),
    );
    for (const run of runs) expect({ exitCode: run.exitCode, stderr: run.stderr }).toEqual({ exitCode: 0, stderr: '' });
    const progress = readStore(home).roadmaps[ID].progress;
    expect(Object.keys(progress).sort()).toEqual([...tasks].sort());
    expect(Object.values(progress).every((state) => state === 'done')).toBe(true);
    const list = parseEnvelope((await runCli(['progress', '--json'], { home })).stdout);
    expect(list.data.roadmaps[0]).toMatchObject({ done: 20, total: 24, percent: 83 });
    expect(fs.existsSync(path.join(home, 'store.lock'))).toBe(false); // every lock was released
  }, 90_000);
});

describe('a broken store', () => {
  const backups = () => fs.readdirSync(home).filter((name) => name.startsWith('store.json.corrupt-'));

  it.each([
    ['not JSON', '{"roadmaps": {"rstore1": '],
    ['JSON that does not fit the schema', JSON.stringify({ roadmaps: { x: { id: 1, roadmap: 'nope' } } })],
  ])('is moved aside with a warning when it is %s, and the command goes on with a fresh one', async (_what, broken) => {
    fs.writeFileSync(path.join(home, 'store.json'), broken);
    const result = await runCli(['progress', '--json'], { home });
    expect(result.exitCode).toBe(0);
    expect(parseEnvelope(result.stdout).data.roadmaps).toEqual([]);
    expect(result.stderr).toMatch(/^warning: .*store\.json was unreadable \(.+\); moved it to .*store\.json\.corrupt-.* and started a fresh one\n$/);
    expect(backups()).toHaveLength(1);
    expect(fs.readFileSync(path.join(home, backups()[0]!), 'utf8')).toBe(broken); // the backup is byte for byte what was there
    // The fresh store works and the backup stays put.
    const again = await runCli(['progress', '--json'], { home });
    expect(again.stderr).toBe('');
    expect(backups()).toHaveLength(1);
  });

  it('keeps a corrupt config aside too, and writes still work after recovery', async () => {
    fs.writeFileSync(path.join(home, 'config.json'), '{"model": 42}');
    const set = await runCli(['config', 'set', 'retries', '3'], { home });
    expect(set.exitCode).toBe(0);
    expect(set.stderr).toMatch(/config\.json was unreadable .* moved it to .*config\.json\.corrupt-/);
    expect(fs.readdirSync(home).some((name) => name.startsWith('config.json.corrupt-'))).toBe(true);
    expect(JSON.parse(fs.readFileSync(path.join(home, 'config.json'), 'utf8'))).toMatchObject({ retries: 3 });
    const done = await runCli(['progress', 'done', ID, '3.4.2'], { home });
    expect(done.exitCode).toBe(0);
    expect(readStore(home).roadmaps[ID].progress).toEqual({ '3.4.2': 'done' });
  });
});
