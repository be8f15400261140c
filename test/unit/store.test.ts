// The local store: reads and writes under a lock, never loses concurrent updates, and sets a
// corrupt or invalid file aside (with a warning) instead of wiping it.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LocalStore } from '../../src/core/store/store.js';
import { tempHome } from '../support/cli.js';
import { makeRoadmap } from '../support/fixtures.js';

function saved(id: string) {
  return { id, created_at: '2025-01-01T00:00:00.000Z', model: 'm', input: { role: 'Dev' }, roadmap: makeRoadmap(1), progress: {} };
}

function storeIn(home = tempHome()) {
  const warnings: string[] = [];
  return { home, warnings, store: new LocalStore(home, (m) => warnings.push(m)) };
}

describe('LocalStore', () => {
  it('starts empty and keeps what was saved', async () => {
    const { home, store, warnings } = storeIn();
    expect((await store.read()).roadmaps).toEqual({});
    await store.update((data) => void (data.roadmaps.r1 = saved('r1')));
    const again = new LocalStore(home, (m) => warnings.push(m));
    expect((await again.read()).roadmaps.r1).toEqual(saved('r1'));
    expect(warnings).toEqual([]);
    expect(fs.existsSync(path.join(home, 'store.lock'))).toBe(false);
  });

  it('returns what the change function returns', async () => {
    const { store } = storeIn();
    expect(await store.update((data) => Object.keys(data.roadmaps).length)).toBe(0);
  });

  it('loses no update when many run at once', async () => {
    const { home, warnings } = storeIn();
    const stores = Array.from({ length: 12 }, () => new LocalStore(home, (m) => warnings.push(m)));
    await Promise.all(stores.map((s, i) => s.update((data) => void (data.roadmaps[`r${i}`] = saved(`r${i}`)))));
    expect(Object.keys((await new LocalStore(home, (m) => warnings.push(m)).read()).roadmaps).sort()).toEqual(Array.from({ length: 12 }, (_, i) => `r${i}`).sort());
    expect(warnings).toEqual([]);
  });

  it('moves a file that is not JSON aside, keeps its bytes and warns', async () => {
    const { home, store, warnings } = storeIn();
    fs.writeFileSync(path.join(home, 'store.json'), 'garbage{');
    expect((await store.read()).roadmaps).toEqual({});
    const backups = fs.readdirSync(home).filter((f) => f.startsWith('store.json.corrupt-'));
    expect(backups).toHaveLength(1);
    expect(fs.readFileSync(path.join(home, backups[0]!), 'utf8')).toBe('garbage{');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/store\.json was unreadable \(not valid JSON .*\); moved it to .*store\.json\.corrupt-.* and started a fresh one$/);
  });

  it('moves a file that no longer fits the schema aside, naming the problem', async () => {
    const { home, store, warnings } = storeIn();
    const bad = JSON.stringify({ roadmaps: { r1: { id: 'r1' } } });
    fs.writeFileSync(path.join(home, 'store.json'), bad);
    await store.update((data) => void (data.roadmaps.r2 = saved('r2')));
    expect(warnings[0]).toMatch(/unreadable \(roadmaps\.r1\.created_at: .*\)/);
    const backup = fs.readdirSync(home).find((f) => f.startsWith('store.json.corrupt-'))!;
    expect(fs.readFileSync(path.join(home, backup), 'utf8')).toBe(bad);
    expect(Object.keys((await store.read()).roadmaps)).toEqual(['r2']);
  });

  it('keeps unknown top-level collections of newer versions', async () => {
    const { home, store, warnings } = storeIn();
    fs.writeFileSync(path.join(home, 'store.json'), JSON.stringify({ roadmaps: {}, future_things: { f1: { n: 1 } } }));
    await store.update((data) => void (data.roadmaps.r1 = saved('r1')));
    const raw = JSON.parse(fs.readFileSync(path.join(home, 'store.json'), 'utf8'));
    expect(raw.future_things).toEqual({ f1: { n: 1 } });
    expect(warnings).toEqual([]);
    expect(Object.keys(raw.roadmaps)).toEqual(['r1']);
  });

  it('reads and updates the config separately from the store', async () => {
    const { home, store } = storeIn();
    await store.updateConfig((config) => void (config.model = 'qwen2.5:7b'));
    expect(await store.readConfig()).toEqual({ model: 'qwen2.5:7b' });
    expect(JSON.parse(fs.readFileSync(path.join(home, 'config.json'), 'utf8')).model).toBe('qwen2.5:7b');
    expect(store.path('config')).toBe(path.join(home, 'config.json'));
    expect((await store.read()).roadmaps).toEqual({});
  });

  it('sets an invalid config aside too', async () => {
    const { home, store, warnings } = storeIn();
    fs.writeFileSync(path.join(home, 'config.json'), JSON.stringify({ num_ctx: 10 }));
    expect(await store.readConfig()).toEqual({});
    expect(warnings[0]).toMatch(/config\.json was unreadable \(num_ctx: /);
  });
});
