// `careerforge rate ID 1-5 [--note]` and `careerforge export --rated` through the built CLI: the
// rating kept on the record and shown by show and logs; the rated generations with the prompts
// from the call log as a JSONL chat dataset; bad ratings exit 2 with one line and change nothing.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseEnvelope, readStore, runCli, tempHome } from './support/cli.js';
import { runInProcess } from './support/in-process.js';
import { jsonReply, makeRoadmap } from './support/fixtures.js';
import { useFake } from './support/spine.js';

const fake = useFake();
const ROADMAP = ['roadmap', '--role', 'Backend Developer', '--months', '1', '--json'];

async function makeRoadmapIn(home: string, extra: string[] = []): Promise<string> {
  const r = await runCli([...ROADMAP, ...extra], { host: fake().host, home });
  expect(r.exitCode, r.stderr).toBe(0);
  return parseEnvelope(r.stdout).meta.id as string;
}

describe('rate and export --rated', () => {
  it('rates by id prefix and latest, shows it in show and logs, and exports the rated ones as JSONL', async () => {
    const home = tempHome();
    // The first roadmap's answer is repaired once: its example must carry the original prompt only.
    fake().reply({ content: '{"career_role": "Backend' }, jsonReply(makeRoadmap(1)));
    const repaired = await makeRoadmapIn(home);
    fake().reply(jsonReply(makeRoadmap(1, 10, 'Data Analyst')));
    const unrated = await makeRoadmapIn(home);
    fake().reply(jsonReply(makeRoadmap(1, 10, 'SRE')));
    const newest = await makeRoadmapIn(home);
    expect(new Set([repaired, unrated, newest]).size).toBe(3);

    const rate = await runCli(['rate', repaired.slice(0, 5), '2', '--note', 'month 1 is too \u201cgeneric\u201d'], { home });
    expect(rate.exitCode, rate.stderr).toBe(0);
    expect(rate.stdout).toBe(`Rated roadmap ${repaired} 2/5: month 1 is too \u201cgeneric\u201d.\n`);
    const latest = parseEnvelope((await runCli(['rate', 'latest', '5', '--json'], { home })).stdout);
    expect(latest.data).toMatchObject({ kind: 'roadmaps', id: newest, rating: { score: 5 } });
    // Rating again replaces the rating and says what it was.
    expect((await runCli(['rate', newest, '4'], { home })).stdout).toBe(`Rated roadmap ${newest} 4/5 (was 5/5).\n`);
    const store = readStore(home);
    expect(store.roadmaps[repaired].rating).toMatchObject({ score: 2, note: 'month 1 is too \u201cgeneric\u201d' });
    expect(store.roadmaps[repaired].rating.rated_at).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(store.roadmaps[unrated].rating).toBeUndefined();

    expect((await runCli(['show', repaired], { home })).stdout).toMatch(/^Rated 2\/5: month 1 is too/);
    expect((await runCli(['show', newest, '--format', 'md'], { home })).stdout).toMatch(/^> Rated 4\/5\n\n# /);
    const logsText = await runCli(['logs', '--id', repaired, '-n', '0'], { home });
    expect(logsText.stdout.match(new RegExp(`rated 2/5: month 1 is too \u201cgeneric\u201d \\(${repaired}\\)`, 'g'))).toHaveLength(2); // both attempts
    const logs = parseEnvelope((await runCli(['logs', '-n', '0', '--json'], { home })).stdout);
    const ratingsOf = (id: string) => logs.data.calls.filter((c: { record_ids: string[] }) => c.record_ids.includes(id)).map((c: { ratings?: unknown }) => c.ratings);
    expect(ratingsOf(unrated)).toEqual([undefined]);
    expect(ratingsOf(newest)).toEqual([[{ record_id: newest, score: 4 }]]);

    // The dataset: one line per accepted call of a rated record, prompts exactly as logged.
    const exported = await runCli(['export', '--rated'], { home });
    expect(exported.exitCode, exported.stderr).toBe(0);
    expect(exported.stderr).toBe('');
    const lines = exported.stdout.trimEnd().split('\n').map((line) => JSON.parse(line));
    expect(lines).toHaveLength(2);
    const byId = Object.fromEntries(lines.map((l) => [l.record_id, l]));
    expect(Object.keys(byId).sort()).toEqual([newest, repaired].sort());
    for (const line of lines) {
      expect(Object.keys(line)).toEqual(['messages', 'rating', 'note', 'record_id', 'kind', 'task', 'model']);
      expect(line.messages.map((m: { role: string }) => m.role)).toEqual(['system', 'user', 'assistant']);
      const call = logs.data.calls.find((c: { record_ids: string[]; outcome: string }) => c.record_ids.includes(line.record_id) && c.outcome === 'ok');
      expect(line.messages.slice(0, 2)).toEqual(call.messages.slice(0, 2));
      expect(line.messages[2].content).toBe(call.reply);
    }
    expect(byId[repaired]).toMatchObject({ rating: 2, note: 'month 1 is too \u201cgeneric\u201d', kind: 'roadmaps', task: 'roadmap' });
    expect(JSON.parse(byId[repaired].messages[2].content)).toEqual(makeRoadmap(1));
    expect(byId[repaired].messages[1].content).toContain('<user_data name="profile">');
    expect(byId[newest]).toMatchObject({ rating: 4, note: null });

    const out = path.join(home, 'rated.jsonl');
    const written = parseEnvelope((await runCli(['export', '--rated', '--out', out, '--json'], { home })).stdout);
    expect(written.data).toMatchObject({ examples: 2, records: 2, unlogged: [], out });
    expect(fs.readFileSync(out, 'utf8')).toBe(exported.stdout);
    expect(written.data.bytes).toBe(Buffer.byteLength(exported.stdout));
  });

  it('leaves out a rated record whose calls were not logged, and says so', async () => {
    const home = tempHome();
    fake().onChat(() => jsonReply(makeRoadmap(1)));
    const id = await makeRoadmapIn(home, ['--no-log']);
    expect((await runInProcess(['rate', id, '3'], { home })).exitCode).toBe(0);
    const r = await runInProcess(['export', '--rated', '--json'], { home });
    expect(r.exitCode).toBe(0);
    expect(parseEnvelope(r.stdout).data).toMatchObject({ examples: 0, records: 0, unlogged: [id], content: '' });
    expect(r.stderr).toContain(`1 rated record has no accepted call in the call log and is left out (${id})`);
  });
});

describe('rate and export: bad input', () => {
  it.each([
    [['0'], /rating: expected a whole number from 1 to 5, got "0"/],
    [['6'], /rating: expected a whole number from 1 to 5, got "6"/],
    [['x'], /rating: expected a whole number from 1 to 5, got "x"/],
    [['4.5'], /got "4.5"/],
    [['3', '--note', ''], /--note: must not be empty/],
    [['3', '--kind', 'bench'], /bench runs are measurements/],
  ])('rate ID %j: exit 2, one line, the store untouched', async (args, message) => {
    const home = tempHome();
    fake().onChat(() => jsonReply(makeRoadmap(1)));
    const id = await makeRoadmapIn(home);
    const before = fs.readFileSync(path.join(home, 'store.json'), 'utf8');
    const r = await runInProcess(['rate', id, ...args], { home });
    expect(r.exitCode).toBe(2);
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(message);
    expect(r.stdout).toBe('');
    expect(fs.readFileSync(path.join(home, 'store.json'), 'utf8')).toBe(before);
  });

  it.each([
    [['rate', 'rnope', '3'], /no generation with an id starting "rnope"/],
    [['rate', 'latest', '3'], /no generation is saved yet/],
    [['rate', 'r1'], /missing required argument 'rating'/],
    [['export'], /export: say what to export: --rated/],
  ])('%j: exit 2 with one line', async (args, message) => {
    const r = await runInProcess(args);
    expect(r.exitCode).toBe(2);
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(message);
  });

  it('rate --json gives the error envelope', async () => {
    const r = await runInProcess(['rate', 'r1', '9', '--json']);
    expect(r.exitCode).toBe(2);
    expect(parseEnvelope(r.stdout).error).toMatchObject({ code: 'INVALID_INPUT' });
  });
});
