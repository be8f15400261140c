// list, show, rm and rename through the CLI in-process (test/support/in-process.ts), over records made by the real commands against
// the fake Ollama: every kind listed and shown in text, md and json, ids by unique prefix and
// `latest`, rm asking on a terminal (tmux) and refusing without one, rename kept in the store.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseEnvelope, readStore, tempHome } from './support/cli.js';
import { runInProcess as runCli } from './support/in-process.js';
import { startFakeOllama, type FakeOllama } from './support/fake-ollama.js';
import { jsonReply, makeRoadmap } from './support/fixtures.js';
import { makeSkillsReport } from './support/skills-fixtures.js';
import { pathWithoutGpu } from './support/bench-env.js';
import { formatKind } from './support/spine.js';
import { TmuxServer } from './support/tmux.js';
import { makeInterviewBatch, makeQuizBatch } from './quiz-interview-fixtures.js';

let fake: FakeOllama;
let seeded = '';
const ids: Record<string, string> = {};

/** A home holding one record of every kind, made by the commands themselves. */
async function seed(): Promise<string> {
  const home = tempHome();
  const make = async (kind: string, args: string[], env?: Record<string, string>) => {
    const r = await runCli([...args, '--json'], { host: fake.host, home, env });
    expect(r.exitCode, r.stderr).toBe(0);
    ids[kind] = parseEnvelope(r.stdout).meta.id ?? parseEnvelope(r.stdout).data.id;
  };
  await make('roadmaps', ['roadmap', '--role', 'Backend Developer', '--months', '2']);
  await make('skills', ['skills', '--role', 'Backend Developer', '--skills', 'SQL']);
  await make('interviews', ['interview', '--role', 'Backend Developer', '--count', '2']);
  await make('quizzes', ['quiz', '--topic', 'SQL', '--count', '3']);
  await make('bench', ['bench', '-r', '1', '-p', '16', '-n', '8', '--no-load', '--bandwidth', '360'], { PATH: pathWithoutGpu() });
  return home;
}

beforeAll(async () => {
  fake = await startFakeOllama();
  fake.onChat((req) => {
    const props = Object.keys(req.body?.format?.properties ?? {});
    if (formatKind(req) === 'roadmap') return jsonReply(makeRoadmap(2));
    if (props.includes('readiness_score')) return jsonReply(makeSkillsReport());
    if (props.includes('tips')) return jsonReply(makeInterviewBatch(2));
    if (props.includes('questions')) return jsonReply(makeQuizBatch(3));
    return { content: 'x '.repeat(8) };
  });
  seeded = await seed();
}, 90_000);
afterAll(() => fake.close());

/** A copy of the seeded home, for tests that change it. */
function copyHome(): string {
  const home = tempHome();
  fs.cpSync(seeded, home, { recursive: true });
  return home;
}

describe('list', () => {
  it('lists every kind, newest first, and one kind on request', async () => {
    const r = await runCli(['list', '--json'], { home: seeded });
    expect(r.exitCode, r.stderr).toBe(0);
    const { records } = parseEnvelope(r.stdout).data;
    expect(records.map((x: { kind: string }) => x.kind)).toEqual(['bench', 'quizzes', 'interviews', 'skills', 'roadmaps']);
    expect(records.map((x: { id: string }) => x.id)).toEqual(['bench', 'quizzes', 'interviews', 'skills', 'roadmaps'].map((k) => ids[k]));
    expect(records[4]).toMatchObject({ title: 'Backend Developer — 2 months', renamed: false, model: 'mistral:7b-instruct-v0.3-q4_K_M' });
    expect(records[1].title).toBe('Quiz: SQL (medium, 3 questions)');

    const text = await runCli(['list', 'roadmaps'], { home: seeded });
    expect(text.stdout.split('\n')[0]).toMatch(/^ID\s+KIND\s+CREATED\s+TITLE$/);
    expect(text.stdout.trimEnd().split('\n')).toHaveLength(2);
    expect(text.stdout).toContain(`${ids.roadmaps}  roadmaps  `);
    expect(text.stdout).not.toContain('\u001b');

    const bad = await runCli(['list', 'recipes'], { home: seeded });
    expect(bad.exitCode).toBe(2);
    expect(bad.stderr).toBe('careerforge: unknown kind "recipes": use roadmaps, skills, interviews, quizzes, bench\n');
    const empty = await runCli(['list'], { home: tempHome() });
    expect(empty.stdout).toBe('Nothing saved yet. Generate something with careerforge roadmap, skills, interview or quiz.\n');
  });
});

describe('show', () => {
  it('shows every kind as text, md and json', async () => {
    const expected: Record<string, [RegExp, RegExp]> = {
      roadmaps: [/Backend Developer/, /^# Backend Developer \(2 months\)/],
      skills: [/Backend Developer: readiness \d+\/100/, /^# Backend Developer: readiness \d+\/100/],
      interviews: [/Backend Developer \(mid\)/, /^# Backend Developer \(mid\)/],
      quizzes: [/Answer key/, /^# Quiz: SQL \(medium, 3 questions\)[\s\S]*## Answer key/],
      bench: [/Saved as b/, /^# careerforge bench/],
    };
    for (const [kind, [text, md]] of Object.entries(expected)) {
      const id = ids[kind]!;
      const t = await runCli(['show', id], { home: seeded });
      expect(t.exitCode, t.stderr).toBe(0);
      expect(t.stdout).toMatch(text);
      const m = await runCli(['show', id, '--format', 'md'], { home: seeded });
      expect(m.stdout, kind).toMatch(md);
      const j = await runCli(['show', id, '--format', 'json'], { home: seeded });
      expect(JSON.parse(j.stdout)).toEqual(readStore(seeded)[kind][id]);
      const env = parseEnvelope((await runCli(['show', id, '--json'], { home: seeded })).stdout);
      expect(env.data).toEqual({ kind, id, record: readStore(seeded)[kind][id] });
    }
  }, 60_000);

  it('takes a unique prefix and latest; says so when a prefix is ambiguous or matches nothing', async () => {
    const home = copyHome();
    const byPrefix = parseEnvelope((await runCli(['show', ids.quizzes!.slice(0, 3), '--json'], { home })).stdout);
    expect(byPrefix.data.id).toBe(ids.quizzes);
    const latest = parseEnvelope((await runCli(['show', 'latest', '--json'], { home })).stdout);
    expect(latest.data.id).toBe(ids.bench);
    const latestRoadmap = parseEnvelope((await runCli(['show', 'latest', '--kind', 'roadmap', '--json'], { home })).stdout);
    expect(latestRoadmap.data.id).toBe(ids.roadmaps);

    // A second roadmap makes "r" ambiguous.
    const store = readStore(home);
    const twin = `${ids.roadmaps!.slice(0, 3)}zzz`;
    store.roadmaps[twin] = { ...store.roadmaps[ids.roadmaps!], id: twin };
    fs.writeFileSync(path.join(home, 'store.json'), JSON.stringify(store));
    const ambiguous = await runCli(['show', ids.roadmaps!.slice(0, 3)], { home });
    expect(ambiguous.exitCode).toBe(2);
    expect(ambiguous.stderr).toMatch(/^careerforge: "r\w\w" matches 2 records \(r\w+, r\w+\): type more of the id\n$/);
    const none = await runCli(['show', 'q999', '--json'], { home });
    expect(none.exitCode).toBe(2);
    expect(parseEnvelope(none.stdout).error).toEqual({ code: 'NOT_FOUND', message: 'no record with an id starting "q999" (see careerforge list)' });
    const badFormat = await runCli(['show', 'latest', '--format', 'pdf'], { home });
    expect(badFormat.stderr).toBe('careerforge: --format: expected text, md or json, got "pdf"\n');
  });
});

describe('rename', () => {
  it('keeps the title in the store; list and show use it', async () => {
    const home = copyHome();
    const r = await runCli(['rename', ids.skills!.slice(0, 4), 'Where I stand, December'], { home });
    expect(r.exitCode, r.stderr).toBe(0);
    expect(r.stdout).toBe(`Renamed skills report ${ids.skills} to "Where I stand, December".\n`);
    expect(readStore(home).skills[ids.skills!].title).toBe('Where I stand, December');
    const list = parseEnvelope((await runCli(['list', 'skills', '--json'], { home })).stdout).data.records;
    expect(list[0]).toMatchObject({ title: 'Where I stand, December', renamed: true });
    expect((await runCli(['show', ids.skills!], { home })).stdout.split('\n')[0]).toBe('Where I stand, December');
    // The store keeps the title through later writes by other commands.
    await runCli(['progress', 'done', ids.roadmaps!, '1.1.1'], { home });
    expect(readStore(home).skills[ids.skills!].title).toBe('Where I stand, December');
    const bad = await runCli(['rename', ids.skills!, '  '], { home });
    expect(bad.exitCode).toBe(2);
    expect(bad.stderr).toBe('careerforge: title: must not be empty\n');
  });
});

describe('rm', () => {
  it('without a terminal needs --yes; with it deletes the record (a quiz with its attempts)', async () => {
    const home = copyHome();
    const store = readStore(home);
    store.quiz_attempts.a000001 = { id: 'a000001', quiz_id: ids.quizzes, topic: 'SQL', started_at: store.quizzes[ids.quizzes!].created_at, status: 'in_progress', question_ids: ['q1'], answers: [] };
    fs.writeFileSync(path.join(home, 'store.json'), JSON.stringify(store));
    const before = fs.readFileSync(path.join(home, 'store.json'), 'utf8');
    const refused = await runCli(['rm', ids.quizzes!], { home });
    expect(refused.exitCode).toBe(2);
    expect(refused.stderr).toBe(`careerforge: rm ${ids.quizzes}: pass --yes to delete without a terminal to confirm on\n`);
    expect(fs.readFileSync(path.join(home, 'store.json'), 'utf8')).toBe(before);

    const r = await runCli(['rm', ids.quizzes!, '--yes', '--json'], { home });
    expect(r.exitCode, r.stderr).toBe(0);
    expect(parseEnvelope(r.stdout).data).toEqual({ kind: 'quizzes', id: ids.quizzes, removed: [ids.quizzes, 'a000001'] });
    const after = readStore(home);
    expect(after.quizzes).toEqual({});
    expect(after.quiz_attempts).toEqual({});
    expect(Object.keys(after.roadmaps)).toEqual([ids.roadmaps]);
    const again = await runCli(['rm', ids.quizzes!, '--yes'], { home });
    expect(again.exitCode).toBe(2);
  });

  it('asks on a terminal: n keeps the record, y deletes it', async () => {
    const home = copyHome();
    const tmux = new TmuxServer('rm');
    try {
      const no = tmux.start(['rm', ids.interviews!], { home, host: fake.host });
      await no.waitFor(/Delete interview i\w+ "Backend Developer \(mid\): mixed interview, 2 questions"\? \[y\/N\]/);
      no.type('n');
      no.keys('Enter');
      await no.waitFor(/Nothing deleted\.\s+\[exit 0\]/);
      expect(readStore(home).interviews[ids.interviews!]).toBeDefined();
      const yes = tmux.start(['rm', ids.interviews!], { home, host: fake.host });
      await yes.waitFor(/\[y\/N\]/);
      yes.type('y');
      yes.keys('Enter');
      await yes.waitFor(/Deleted interview i\w+ .*\s+\[exit 0\]/);
      expect(readStore(home).interviews).toEqual({});
    } finally {
      tmux.close();
    }
  }, 40_000);
});
