// The store never loses an update: twenty processes marking different tasks at once all land, and
// a hand-broken record is set aside on its own (kept byte for byte, said on stderr), never wiped.
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
    // On a busy machine a writer may wait over a second, and then says on what (nothing else on stderr).
    for (const run of runs) {
      expect(run.exitCode).toBe(0);
      expect(run.stderr).toMatch(/^(warning: waiting for the store lock held by another careerforge( \(pid \d+\))?\.\.\.\n?)?$/);
    }
    const progress = readStore(home).roadmaps[ID].progress;
    expect(Object.keys(progress).sort()).toEqual([...tasks].sort());
    expect(Object.values(progress).every((state) => state === 'done')).toBe(true);
    const list = parseEnvelope((await runCli(['progress', '--json'], { home })).stdout);
    expect(list.data.roadmaps[0]).toMatchObject({ done: 20, total: 24, percent: 83 });
    expect(fs.existsSync(path.join(home, 'store.lock'))).toBe(false); // every lock was released
  }, 90_000);
});

describe('a broken store (built CLI)', () => {
  it('one bad record is left out by a read (which writes nothing) and quarantined byte for byte by the next change', async () => {
    const good = JSON.parse(fs.readFileSync(path.join(home, 'store.json'), 'utf8')).roadmaps[ID];
    const bad = JSON.stringify({ ...good, id: 'rbad', progress: { '1.1.1': 'maybe' } }, null, 1);
    const text = `{"roadmaps": {"${ID}": ${JSON.stringify(good)}, "rbad": ${bad}}}`;
    fs.writeFileSync(path.join(home, 'store.json'), text);
    const warning = 'warning: 1 saved record could not be read and was set aside: roadmap rbad (progress["1.1.1"]: must be one of done, skipped (got "maybe")); see careerforge store list\n';
    const read = await runCli(['progress', '--json'], { home });
    expect(read.exitCode).toBe(0);
    expect(parseEnvelope(read.stdout).data.roadmaps.map((r: { id: string }) => r.id)).toEqual([ID]);
    expect(read.stderr).toBe(warning);
    expect(fs.readFileSync(path.join(home, 'store.json'), 'utf8')).toBe(text);
    expect(fs.existsSync(path.join(home, 'quarantine'))).toBe(false);
    const change = await runCli(['progress', 'done', ID, '1.1.1'], { home });
    expect(change.exitCode).toBe(0);
    expect(change.stderr).toBe(warning);
    expect(fs.readFileSync(path.join(home, 'quarantine', 'roadmaps.rbad.json'), 'utf8')).toBe(bad);
    expect(Object.keys(readStore(home).roadmaps)).toEqual([ID]);
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
