// One bad record costs that record only: left out of every listing and named in one warning by a
// read (which writes nothing), moved byte for byte to quarantine/ by the next change, listed with
// its reason by `store list`, and put back by `store restore` once fixed (refused while invalid).
// In-process through runCli against temp homes, asserting output, exit codes and the bytes on disk.
import fs from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { parseEnvelope, tempHome } from './support/cli.js';
import { makeRoadmap } from './support/fixtures.js';
import { runInProcess } from './support/in-process.js';

const record = (id: string, progress: Record<string, string> = {}) => ({ id, created_at: '2026-01-01T10:00:00.000Z', model: 'm', input: { role: 'Backend Developer' }, roadmap: makeRoadmap(1), progress });

// The bad record is written with an odd layout (3-space indent), so "byte for byte" can fail.
const BAD_TEXT = JSON.stringify(record('rbad', { '1.1.1': 'done', '1.1.2': 'maybe' }), null, 3);
const STORE_TEXT = `{"roadmaps": {"rgood1": ${JSON.stringify(record('rgood1'))}, "rbad":   ${BAD_TEXT},\n"rgood2": ${JSON.stringify(record('rgood2', { '1.1.1': 'done' }))}}, "__internal__": {"migrations": {"version": "1.0.0"}}}`;
const PROBLEM = 'progress["1.1.2"]: must be one of done, skipped (got "maybe")';

let home: string;
const storeFile = () => path.join(home, 'store.json');
const quarantined = () => path.join(home, 'quarantine', 'roadmaps.rbad.json');
const run = (args: string[]) => runInProcess(args, { home });

beforeEach(() => {
  home = tempHome();
  fs.writeFileSync(storeFile(), STORE_TEXT);
});

describe('one bad record in store.json', () => {
  it('a read-only listing leaves it out, names it in one warning and writes nothing', async () => {
    const before = fs.statSync(storeFile()).mtimeMs;
    const r = await run(['progress', '--json']);
    expect(r.exitCode).toBe(0);
    expect(parseEnvelope(r.stdout).data.roadmaps.map((s: { id: string }) => s.id).sort()).toEqual(['rgood1', 'rgood2']);
    expect(r.stderr).toBe(`warning: 1 saved record could not be read and was set aside: roadmap rbad (${PROBLEM}); see careerforge store list\n`);
    expect(fs.readFileSync(storeFile(), 'utf8')).toBe(STORE_TEXT);
    expect(fs.statSync(storeFile()).mtimeMs).toBe(before);
    expect(fs.readdirSync(home).sort()).toEqual(['store.json']); // no lock, no quarantine, no config
  });

  it('list, show and progress show each say it once and still show the rest', async () => {
    const list = await run(['list']);
    expect(list.exitCode).toBe(0);
    expect(list.stdout).toContain('rgood1');
    expect(list.stdout).not.toContain('rbad');
    expect(list.stderr.match(/warning:/g)).toHaveLength(1);
    const show = await run(['progress', 'show', 'rgood2', '--json']);
    expect(show.exitCode).toBe(0);
    expect(parseEnvelope(show.stdout).data.progress).toEqual({ '1.1.1': 'done' });
    const missing = await run(['progress', 'show', 'rbad']);
    expect(missing.exitCode).toBe(2);
    expect(fs.readFileSync(storeFile(), 'utf8')).toBe(STORE_TEXT);
  });

  it('the next change moves it to quarantine/ byte for byte and keeps every other record', async () => {
    const r = await run(['progress', 'done', 'rgood1', '1.1.1']);
    expect(r.exitCode).toBe(0);
    expect(r.stderr).toBe(`warning: 1 saved record could not be read and was set aside: roadmap rbad (${PROBLEM}); see careerforge store list\n`);
    expect(fs.readFileSync(quarantined(), 'utf8')).toBe(BAD_TEXT);
    const saved = JSON.parse(fs.readFileSync(storeFile(), 'utf8'));
    expect(Object.keys(saved.roadmaps).sort()).toEqual(['rgood1', 'rgood2']);
    expect(saved.roadmaps.rgood1.progress).toEqual({ '1.1.1': 'done' });
    expect(saved.roadmaps.rgood2).toEqual(record('rgood2', { '1.1.1': 'done' }));
    // Set aside now: later runs are quiet.
    const again = await run(['progress']);
    expect(again.stderr).toBe('');
  });

  it('store list shows where it is and why; restore refuses it while invalid and takes it back once fixed', async () => {
    const inStore = await run(['store', 'list']);
    expect(inStore.exitCode).toBe(0);
    expect(inStore.stdout).toBe(`Left out of ${storeFile()} as they are (the next change moves them to quarantine/):\n  roadmap rbad: ${PROBLEM}\n`);
    expect(inStore.stderr).toBe('');

    await run(['progress', 'done', 'rgood1', '1.1.1']);
    const listed = await run(['store', 'list']);
    expect(listed.stdout).toBe(
      `Set aside in ${path.join(home, 'quarantine')}:\n  rbad  roadmap rbad, roadmaps.rbad.json: still invalid: ${PROBLEM}\nFix a file, then put it back with: careerforge store restore ID\n`,
    );
    const json = parseEnvelope((await run(['store', 'list', '--json'])).stdout);
    expect(json.data).toEqual({ quarantined: [{ ref: 'rbad', kind: 'record', collection: 'roadmaps', id: 'rbad', file: quarantined(), restorable: false, problem: PROBLEM }], in_store: [] });

    const refused = await run(['store', 'restore', 'rbad']);
    expect(refused.exitCode).toBe(2);
    expect(refused.stdout).toBe('');
    expect(refused.stderr).toBe(`careerforge: not restored: roadmap rbad is still invalid (${PROBLEM}); fix ${quarantined()} and run again\n`);
    expect(fs.readFileSync(quarantined(), 'utf8')).toBe(BAD_TEXT);

    const unknown = await run(['store', 'restore', 'rnope']);
    expect(unknown.exitCode).toBe(2);
    expect(unknown.stderr).toBe('careerforge: nothing set aside is called "rnope": see careerforge store list\n');

    fs.writeFileSync(quarantined(), BAD_TEXT.replace('"maybe"', '"skipped"'));
    expect((await run(['store', 'list'])).stdout).toContain('  rbad  roadmap rbad, roadmaps.rbad.json: fits again, ready to restore\n');
    const restored = await run(['store', 'restore', 'rbad']);
    expect(restored.exitCode).toBe(0);
    expect(restored.stdout).toBe('Restored roadmap rbad.\n');
    expect(fs.existsSync(quarantined())).toBe(false);
    const saved = JSON.parse(fs.readFileSync(storeFile(), 'utf8'));
    expect(saved.roadmaps.rbad.progress).toEqual({ '1.1.1': 'done', '1.1.2': 'skipped' });
    const progress = parseEnvelope((await run(['progress', '--json'])).stdout);
    expect(progress.data.roadmaps).toHaveLength(3);
    expect((await run(['store', 'list'])).stdout).toBe('Nothing is set aside: every saved record reads fine.\n');
  });
});

describe('a store.json that is not JSON at all', () => {
  const GARBAGE = '{"roadmaps": {"r1": tru';

  it('a read says so and leaves it; a change keeps it byte for byte in quarantine/ before starting afresh', async () => {
    fs.writeFileSync(storeFile(), GARBAGE);
    const read = await run(['progress', '--json']);
    expect(read.exitCode).toBe(0);
    expect(parseEnvelope(read.stdout).data.roadmaps).toEqual([]);
    expect(read.stderr).toMatch(
      new RegExp(`^warning: ${storeFile()} is not valid JSON \\(.+\\): nothing in it can be read, and it is left as it is \\(the next change keeps a copy in ${path.join(home, 'quarantine')}\\); see careerforge store list\\n$`),
    );
    expect(fs.readFileSync(storeFile(), 'utf8')).toBe(GARBAGE);
    expect(fs.readdirSync(home)).toEqual(['store.json']);

    const change = await run(['rename', 'latest', 'x']);
    expect(change.exitCode).toBe(2); // nothing to rename in a fresh store
    const [kept] = fs.readdirSync(path.join(home, 'quarantine'));
    expect(kept).toMatch(/^store-.*\.json$/);
    expect(fs.readFileSync(path.join(home, 'quarantine', kept!), 'utf8')).toBe(GARBAGE);
    expect(change.stderr).toContain(`warning: ${storeFile()} was not valid JSON`);
    expect(change.stderr).toContain(`kept it byte for byte as ${path.join(home, 'quarantine', kept!)} and started a fresh store; see careerforge store list\n`);

    // Fixed by hand, the whole file goes back, merged with what was saved since.
    const ref = kept!.replace(/\.json$/, '');
    expect((await run(['store', 'list'])).stdout).toContain(`  ${ref}  store.json set aside as ${ref}, ${kept}: still invalid: not valid JSON (`);
    fs.writeFileSync(path.join(home, 'quarantine', kept!), JSON.stringify({ roadmaps: { r1: record('r1') } }));
    const restored = await run(['store', 'restore']);
    expect(restored.exitCode).toBe(0);
    expect(restored.stdout).toBe(`Restored store.json set aside as ${ref}.\n`);
    expect(Object.keys(JSON.parse(fs.readFileSync(storeFile(), 'utf8')).roadmaps)).toEqual(['r1']);
  });
});
