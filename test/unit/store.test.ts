// The local store: reads take no lock and write nothing, changes run under the lock and never lose
// concurrent updates, and what no longer fits is set aside (with a warning) instead of wiped.
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

  it('a read of a file that is not JSON warns and leaves it; a change keeps its bytes in quarantine/', async () => {
    const { home, store, warnings } = storeIn();
    fs.writeFileSync(path.join(home, 'store.json'), 'garbage{');
    expect((await store.read()).roadmaps).toEqual({});
    expect(fs.readdirSync(home)).toEqual(['store.json']);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/store\.json is not valid JSON \(.*\): nothing in it can be read, and it is left as it is/);
    await store.update((data) => void (data.roadmaps.r1 = saved('r1')));
    const [kept] = fs.readdirSync(path.join(home, 'quarantine'));
    expect(fs.readFileSync(path.join(home, 'quarantine', kept!), 'utf8')).toBe('garbage{');
    expect(warnings[1]).toMatch(/store\.json was not valid JSON \(.*\): kept it byte for byte as .*quarantine\/store-.*\.json and started a fresh store/);
    expect(Object.keys((await store.read()).roadmaps)).toEqual(['r1']);
  });

  it('sets aside only the record that no longer fits, naming the problem', async () => {
    const { home, store, warnings } = storeIn();
    const bad = JSON.stringify({ roadmaps: { r1: { id: 'r1' }, r3: saved('r3') } });
    fs.writeFileSync(path.join(home, 'store.json'), bad);
    await store.update((data) => void (data.roadmaps.r2 = saved('r2')));
    expect(warnings).toEqual(['1 saved record could not be read and was set aside: roadmap r1 (created_at: missing); see careerforge store list']);
    expect(fs.readFileSync(path.join(home, 'quarantine', 'roadmaps.r1.json'), 'utf8')).toBe('{"id":"r1"}');
    expect(Object.keys((await store.read()).roadmaps).sort()).toEqual(['r2', 'r3']);
  });

  it('takes no lock to read: a read succeeds while another process holds it', async () => {
    const { home, store } = storeIn();
    await store.update((data) => void (data.roadmaps.r1 = saved('r1')));
    fs.mkdirSync(path.join(home, 'store.lock'));
    expect(Object.keys((await store.read()).roadmaps)).toEqual(['r1']);
    expect(await store.readConfig()).toEqual({});
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

  it('reads an invalid config as empty, with a warning, and leaves it as it is', async () => {
    const { home, store, warnings } = storeIn();
    fs.writeFileSync(path.join(home, 'config.json'), JSON.stringify({ num_ctx: 10 }));
    expect(await store.readConfig()).toEqual({});
    expect(warnings[0]).toMatch(/config\.json is unreadable \(num_ctx: .*\); going on without it and leaving it as it is until it is fixed$/);
    expect(fs.readFileSync(path.join(home, 'config.json'), 'utf8')).toBe(JSON.stringify({ num_ctx: 10 }));
  });
});
