// `careerforge config` in-process (test/support/in-process.ts), and the store surviving a corrupt file: stored settings feed
// the next run (below flags and env), bad keys and values exit 2, garbage is set aside not lost.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseEnvelope, readStore, tempHome } from './support/cli.js';
import { runInProcess as runCli } from './support/in-process.js';
import { answerByFormat, DEFAULT_MODEL, expectFailure, useFake } from './support/spine.js';

const fake = useFake();
const ROADMAP = ['roadmap', '--role', 'Backend Developer', '--months', '1', '--json'];

describe('config', () => {
  it('stores a model that the next roadmap uses, and env still beats it', async () => {
    fake().setModels([{ name: DEFAULT_MODEL }, { name: 'qwen2.5:7b' }, { name: 'llama3.1:8b' }]);
    answerByFormat(fake(), 1);
    const home = tempHome();
    const set = await runCli(['config', 'set', 'model', 'qwen2.5:7b'], { home });
    expect(set.exitCode, set.stderr).toBe(0);
    expect(set.stdout).toBe('model = qwen2.5:7b\n');
    const get = await runCli(['config', 'get', 'model', '--json'], { home });
    expect(parseEnvelope(get.stdout).data).toEqual({ key: 'model', value: 'qwen2.5:7b', source: 'config' });

    const stored = await runCli(ROADMAP, { host: fake().host, home });
    expect(stored.exitCode, stored.stderr).toBe(0);
    const fromEnv = await runCli(ROADMAP, { host: fake().host, home, env: { CAREERFORGE_MODEL: 'llama3.1:8b' } });
    expect(fromEnv.exitCode, fromEnv.stderr).toBe(0);
    expect(fake().chatRequests().map((r) => r.body.model)).toEqual(['qwen2.5:7b', 'llama3.1:8b']);

    const unset = await runCli(['config', 'unset', 'model'], { home });
    expect(unset.exitCode).toBe(0);
    const back = await runCli(['config', 'get', 'model', '--json'], { home });
    expect(parseEnvelope(back.stdout).data).toEqual({ key: 'model', value: DEFAULT_MODEL, source: 'default' });
  });

  it('stores num_ctx and sends it on every call', async () => {
    answerByFormat(fake(), 1);
    const home = tempHome();
    expect((await runCli(['config', 'set', 'num-ctx', '4096'], { home })).exitCode).toBe(0);
    const r = await runCli(ROADMAP, { host: fake().host, home });
    expect(r.exitCode, r.stderr).toBe(0);
    expect(parseEnvelope(r.stdout).meta.num_ctx).toBe(4096);
    expect(fake().chatRequests()[0]!.body.options.num_ctx).toBe(4096);
  });

  it('rejects a value out of bounds with exit 2 and stores nothing', async () => {
    const home = tempHome();
    const r = await runCli(['config', 'set', 'num_ctx', '10'], { home });
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toBe('careerforge: config num_ctx: must be at least 512 (got 10)\n');
    const list = parseEnvelope((await runCli(['config', 'list', '--json'], { home })).stdout);
    expect(list.data.settings.find((s: { key: string }) => s.key === 'num_ctx')).toMatchObject({ value: 8192, source: 'default' });
  });

  it('rejects an unknown key with exit 2, listing the known ones', async () => {
    const r = await runCli(['config', 'set', 'colour', 'blue', '--json']);
    const { message } = expectFailure(r, 2, 'USAGE');
    expect(message).toBe('unknown config key "colour": one of provider, host, model, num_ctx, num_predict, timeout, retries, temperature, seed, fold_system, concurrency, retention, role, level, hours_per_week, months, topic');
  });

  it('lists every setting with its value, source, env variable and default', async () => {
    const home = tempHome();
    await runCli(['config', 'set', 'temperature', '0.2'], { home });
    const r = await runCli(['config', 'list', '--json'], { home, host: '10.0.0.5', env: { CAREERFORGE_RETRIES: '5' } });
    expect(r.exitCode, r.stderr).toBe(0);
    const rows = parseEnvelope(r.stdout).data.settings as Array<Record<string, unknown>>;
    expect(rows.map((row) => row.key)).toEqual(['provider', 'host', 'model', 'num_ctx', 'num_predict', 'timeout', 'retries', 'temperature', 'seed', 'fold_system', 'concurrency', 'retention', 'role', 'level', 'hours_per_week', 'months', 'topic']);
    for (const row of rows) expect(Object.keys(row)).toEqual(['key', 'value', 'source', 'env', 'default']);
    const byKey = Object.fromEntries(rows.map((row) => [row.key, row]));
    expect(byKey.host).toEqual({ key: 'host', value: 'http://10.0.0.5:11434', source: 'env', env: 'OLLAMA_HOST', default: 'http://127.0.0.1:11434' });
    expect(byKey.retries).toMatchObject({ value: 5, source: 'env', env: 'CAREERFORGE_RETRIES' });
    expect(byKey.temperature).toMatchObject({ value: 0.2, source: 'config', default: 0.4 });
    expect(byKey.model).toMatchObject({ value: DEFAULT_MODEL, source: 'default' });
    expect(byKey.seed).toMatchObject({ value: null, source: 'unset' });
  });

  it('stores profile defaults for the input forms: validated, listed, never model settings', async () => {
    const home = tempHome();
    const set = await runCli(['config', 'set', 'level', 'advanced'], { home });
    expect(set.exitCode, set.stderr).toBe(0);
    expect(set.stdout).toBe('level = advanced\n');
    expect((await runCli(['config', 'set', 'hours-per-week', '12'], { home })).exitCode).toBe(0);
    const get = await runCli(['config', 'get', 'level'], { home });
    expect(get.stdout).toBe('advanced\n');
    const getJson = parseEnvelope((await runCli(['config', 'get', 'level', '--json'], { home })).stdout);
    expect(getJson.data).toEqual({ key: 'level', value: 'advanced', source: 'config' });
    const rows = parseEnvelope((await runCli(['config', 'list', '--json'], { home })).stdout).data.settings as Array<Record<string, unknown>>;
    const byKey = Object.fromEntries(rows.map((row) => [row.key, row]));
    expect(byKey.level).toEqual({ key: 'level', value: 'advanced', source: 'config', env: null, default: null });
    expect(byKey.hours_per_week).toMatchObject({ value: 12, source: 'config' });
    expect(byKey.topic).toEqual({ key: 'topic', value: null, source: 'unset', env: null, default: null });
    const text = await runCli(['config', 'list'], { home });
    expect(text.stdout).toMatch(/^level +advanced +\(config\)$/m);
    expect(text.stdout).toMatch(/^topic +- +\(unset\)$/m);

    const bad = await runCli(['config', 'set', 'level', 'expert'], { home });
    expect(bad.exitCode).toBe(2);
    expect(bad.stderr).toBe('careerforge: config level: must be one of beginner, intermediate, advanced (got "expert")\n');
    const months = await runCli(['config', 'set', 'months', 'six'], { home });
    expect(months.exitCode).toBe(2);
    expect(months.stderr).toBe('careerforge: config months: expected a number, got "six"\n');
    expect((await runCli(['config', 'get', 'level'], { home })).stdout).toBe('advanced\n');

    const unset = await runCli(['config', 'unset', 'level'], { home });
    expect(unset.exitCode).toBe(0);
    expect(parseEnvelope((await runCli(['config', 'get', 'level', '--json'], { home })).stdout).data).toEqual({ key: 'level', value: null, source: 'unset' });
  });

  it('prints the paths of the home, config and store', async () => {
    const home = tempHome();
    const text = await runCli(['config', 'path'], { home });
    expect(text.stdout).toBe(`${home}\n`);
    const json = parseEnvelope((await runCli(['config', 'path', '--json'], { home })).stdout);
    expect(json.data).toEqual({ home, config: path.join(home, 'config.json'), store: path.join(home, 'store.json') });
  });

  it('says what to do when CAREERFORGE_HOME cannot be created (exit 1, STORE_ERROR, one line)', async () => {
    const file = path.join(tempHome(), 'a-file');
    fs.writeFileSync(file, 'not a directory');
    const home = path.join(file, 'home');
    // A read needs no home (it reads as empty); a change says why it cannot make one.
    expect((await runCli(['config', 'list', '--json'], { home })).exitCode).toBe(0);
    const r = await runCli(['config', 'set', 'retries', '3', '--json'], { home });
    const { message } = expectFailure(r, 1, 'STORE_ERROR');
    expect(message).toBe(`Cannot create the CareerForge home ${home} (ENOTDIR): set CAREERFORGE_HOME to a writable directory`);
    expect(fs.readFileSync(file, 'utf8')).toBe('not a directory');
  });
});

describe('a corrupt store', () => {
  it('is set aside with a warning; the roadmap still succeeds and the garbage is kept', async () => {
    answerByFormat(fake(), 1);
    const home = tempHome();
    const garbage = '{"roadmaps": {"r1": tru';
    fs.writeFileSync(path.join(home, 'store.json'), garbage);
    const r = await runCli(ROADMAP, { host: fake().host, home });
    expect(r.exitCode, r.stderr).toBe(0);
    const warnings = r.stderr.trimEnd().split('\n');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/^warning: .*store\.json was not valid JSON .*: kept it byte for byte as .*quarantine\/store-.*\.json and started a fresh store; see careerforge store list$/);
    const backups = fs.readdirSync(path.join(home, 'quarantine'));
    expect(backups).toHaveLength(1);
    expect(fs.readFileSync(path.join(home, 'quarantine', backups[0]!), 'utf8')).toBe(garbage);
    const id = parseEnvelope(r.stdout).meta.id;
    expect(Object.keys(readStore(home).roadmaps)).toEqual([id]);
  });
});
