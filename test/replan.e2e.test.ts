// `careerforge progress replan ID` / `roadmap --replan ID` through the built CLI against the fake
// Ollama: the finished months kept byte for byte, the rest written again from the progress, the
// old version kept and shown with --version, progress of kept tasks carried, behind-schedule
// notices in `progress`, and bad input (exit 2, nothing sent, the store untouched).
import fs from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { parseEnvelope, readStore, runCli, tempHome } from './support/cli.js';
import { runInProcess } from './support/in-process.js';
import { jsonReply, makeMonth, makeOutline, makeRoadmap } from './support/fixtures.js';
import type { RecordedRequest } from './support/fake-ollama.js';
import { useFake } from './support/spine.js';

const ID = 'rplan01';
const fake = useFake();

/** A store as written before re-planning existed: no version fields. Month 1 finished, month 2 begun. */
function seed(home: string, extra: Record<string, unknown> = {}, progress?: Record<string, string>): string {
  const marks = progress ?? {
    ...Object.fromEntries([1, 2, 3, 4].flatMap((w) => [[`1.${w}.1`, 'done'], [`1.${w}.2`, w === 3 ? 'skipped' : 'done']])),
    '2.1.1': 'done',
    '2.1.2': 'skipped',
  };
  const roadmap = makeRoadmap(3, 10, 'Backend Developer');
  roadmap.roadmap[0]!.weeks[0]!.tasks[0] = 'Read the café guide ✓ — "quoted", tabs\tand all';
  const record = { id: ID, created_at: '2026-01-01T10:00:00.000Z', model: 'm', input: { role: 'Backend Developer', level: 'beginner', skills: ['SQL'], hours_per_week: 10, months: 3 }, roadmap, progress: marks, ...extra };
  fs.writeFileSync(path.join(home, 'store.json'), JSON.stringify({ roadmaps: { [ID]: record }, __internal__: { migrations: { version: '1.0.0' } } }, null, '\t'));
  return home;
}

/** The outline and months the fake answers with, titled so new months cannot pass for old ones. */
function answerReplan(): void {
  fake().onChat((req: RecordedRequest) => {
    const props = req.body.format.properties;
    if ('months' in props) return jsonReply({ ...makeOutline(props.months.minItems), overview: 'The rest, re-planned.', timeline: 'whatever' });
    return jsonReply({ ...makeMonth(props.month.const, props.weeks.items.properties.hours.maximum), title: `Replanned ${props.month.const}` });
  });
}

const prompt = (req: RecordedRequest) => req.body.messages.map((m: { content: string }) => m.content).join('\n');

let home: string;
beforeEach(() => {
  home = seed(tempHome());
});

describe('progress replan', () => {
  it('keeps the finished month byte for byte, writes the rest from the progress, keeps version 1', async () => {
    answerReplan();
    const before = JSON.parse(fs.readFileSync(path.join(home, 'store.json'), 'utf8')).roadmaps[ID];
    const r = await runCli(['progress', 'replan', ID, '--json'], { host: fake().host, home });
    expect(r.exitCode, r.stderr).toBe(0);
    const env = parseEnvelope(r.stdout);
    expect(env.data.replan).toEqual({ version: 2, from_version: 1, kept_months: 1, new_months: 2, carried: 8 });
    expect(env.meta).toMatchObject({ id: ID, calls: 3, strategy: 'outline+months' });

    const saved = readStore(home).roadmaps[ID];
    expect(JSON.stringify(saved.roadmap.roadmap[0])).toBe(JSON.stringify(before.roadmap.roadmap[0]));
    expect(saved.roadmap.roadmap.map((m: { title: string }) => m.title)).toEqual(['Month 1 topic', 'Replanned 2', 'Replanned 3']);
    expect(saved.roadmap).toMatchObject({ career_role: 'Backend Developer', overview: 'The rest, re-planned.' });
    // Progress of the kept month carried; marks in the months written again are gone with them.
    expect(saved.progress).toEqual(Object.fromEntries(Object.entries(before.progress).filter(([k]) => k.startsWith('1.'))));
    expect(saved.version).toBe(2);
    expect(saved.replanned).toMatchObject({ from_version: 1, kept_months: 1 });
    expect(saved.versions).toHaveLength(1);
    expect(JSON.stringify(saved.versions[0].roadmap)).toBe(JSON.stringify(before.roadmap));
    expect(saved.versions[0].progress).toEqual(before.progress);
    expect(saved.created_at).toBe(before.created_at);

    // What was sent: an outline of months 2-3 told what was done, skipped and left, then months 2 and 3.
    const chats = fake().chatRequests();
    expect(chats).toHaveLength(3);
    const outline = prompt(chats[0]!);
    expect(outline).toContain('Plan the 2 months still to come, months 2 to 3 of a 3-month plan');
    expect(outline).toMatch(/"done": \[\n\s*"Task 2\.1\.1"\n\s*\]/);
    expect(outline).toMatch(/"skipped": \[\n\s*"Task 2\.1\.2"\n\s*\]/);
    expect(outline).toContain('"Task 3.4.2"'); // left open
    expect(outline).toContain('"title": "Month 1 topic"'); // the kept month, by title
    expect(chats.slice(1).map((c) => c.body.format.properties.month.const)).toEqual([2, 3]);
    expect(prompt(chats[1]!)).toContain('Write month 2 of 3.');

    // The old version stays readable; the current one is version 2.
    const v1 = parseEnvelope((await runCli(['progress', 'show', ID, '--version', '1', '--json'], { home })).stdout);
    expect(v1.data.roadmap).toEqual(before.roadmap);
    expect(v1.data.progress).toEqual(before.progress);
    expect(v1.data).toMatchObject({ version: 1, summary: { done: 8, skipped: 2 } });
    const text = await runCli(['progress', 'show', ID], { home });
    expect(text.stdout).toContain(`${ID}  version 2`);
    // The schedule of the new version runs from the re-plan, with the kept month counted as done.
    const list = parseEnvelope((await runCli(['progress', '--json'], { home })).stdout);
    expect(list.data.roadmaps[0].schedule).toMatchObject({ from: 'replan', expected_week: 5, at_week: 5, behind: false });
    expect(text.stdout).toContain('Month 2: Replanned 2');
  });

  it('takes new --hours-per-week, --months (remaining) and --goal; roadmap --replan is the same; text says what happened', async () => {
    answerReplan();
    const r = await runCli(['roadmap', '--replan', ID, '--months', '4', '--hours-per-week', '6', '--goal', 'Ship a side project'], { host: fake().host, home });
    expect(r.exitCode, r.stderr).toBe(0);
    expect(r.stdout).toContain(`Re-planned ${ID} as version 2: kept month 1 as they were, wrote 4 new months, carried 8 task marks over. Version 1 is kept: careerforge progress show ${ID} --version 1`);
    const chats = fake().chatRequests();
    expect(chats).toHaveLength(5);
    expect(chats[0]!.body.format.properties.months.minItems).toBe(4);
    expect(chats.slice(1).map((c) => c.body.format.properties.month.const)).toEqual([2, 3, 4, 5]);
    expect(chats.slice(1).every((c) => c.body.format.properties.weeks.items.properties.hours.maximum === 6)).toBe(true);
    expect(prompt(chats[0]!)).toContain('"goal": "Ship a side project"');
    const saved = readStore(home).roadmaps[ID];
    expect(saved.roadmap.roadmap).toHaveLength(5);
    expect(saved.input).toMatchObject({ role: 'Backend Developer', skills: ['SQL'], hours_per_week: 6, months: 5, goal: 'Ship a side project' });

    // A second re-plan stacks versions; the calls are in the log under the record's id.
    const again = await runCli(['progress', 'replan', ID, '--json'], { host: fake().host, home });
    expect(parseEnvelope(again.stdout).data.replan).toMatchObject({ version: 3, from_version: 2, kept_months: 1, new_months: 4 });
    expect(readStore(home).roadmaps[ID].versions.map((v: { version: number }) => v.version)).toEqual([1, 2]);
    const logs = parseEnvelope((await runCli(['logs', '--id', ID, '-n', '0', '--json'], { home })).stdout);
    expect(logs.data.calls.map((c: { command: string }) => c.command)).toEqual([...Array(5).fill('roadmap'), ...Array(5).fill('progress')]);
  });

  it('re-plans the whole plan when no month is finished, and plans more after the last with --months', async () => {
    answerReplan();
    seed(home, {}, { '1.1.1': 'done' });
    const r = parseEnvelope((await runCli(['progress', 'replan', ID, '--json'], { host: fake().host, home })).stdout);
    expect(r.data.replan).toMatchObject({ kept_months: 0, new_months: 3, carried: 0 });
    expect(r.data.roadmap.roadmap.map((m: { title: string }) => m.title)).toEqual(['Replanned 1', 'Replanned 2', 'Replanned 3']);

    const all = Object.fromEntries([1, 2, 3].flatMap((m) => [1, 2, 3, 4].flatMap((w) => [1, 2].map((t) => [`${m}.${w}.${t}`, 'done']))));
    seed(home, {}, all);
    const more = await runInProcess(['progress', 'replan', ID, '--months', '2', '--json'], { host: fake().host, home });
    expect(parseEnvelope(more.stdout).data.replan).toMatchObject({ kept_months: 3, new_months: 2, carried: 24 });
  });
});

describe('progress replan: bad input', () => {
  it.each([
    [['progress', 'replan', ID, '--months', '0'], /--months: must be a whole number from 1 to 24 \(got 0\)/],
    [['progress', 'replan', ID, '--hours-per-week', 'x'], /--hours-per-week: expected a number, got "x"/],
    [['progress', 'replan', ID, '--months', '24'], /1 kept \+ 24 new months is 25; a plan has at most 24 months/],
    [['progress', 'replan', 'rnope'], /no roadmap with an id starting "rnope"/],
    [['progress', 'replan'], /usage: careerforge progress replan ID/],
    [['roadmap', '--replan', ID, '--role', 'Chef'], /--replan keeps the saved profile: leave out --role/],
    [['progress', 'show', ID, '--version', '2'], /--version: rplan01 has no version 2 \(it has 1\)/],
    [['progress', 'show', ID, '--version', 'x'], /--version: expected a version number/],
  ])('%j: exit 2, one line, nothing sent, store untouched', async (args, message) => {
    const before = fs.readFileSync(path.join(home, 'store.json'), 'utf8');
    const r = await runInProcess(args, { host: fake().host, home });
    expect(r.exitCode).toBe(2);
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(message);
    expect(fake().chatRequests()).toHaveLength(0);
    expect(fs.readFileSync(path.join(home, 'store.json'), 'utf8')).toBe(before);
  });

  it('says when everything is done and there is nothing to re-plan', async () => {
    const all = Object.fromEntries([1, 2, 3].flatMap((m) => [1, 2, 3, 4].flatMap((w) => [1, 2].map((t) => [`${m}.${w}.${t}`, 'skipped']))));
    seed(home, {}, all);
    const r = await runInProcess(['progress', 'replan', ID], { host: fake().host, home });
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain(`all 3 months of ${ID} are done: pass --months N to plan N more`);
  });
});

describe('progress: behind schedule', () => {
  it('counts from the first done, says how far behind and offers the re-plan', async () => {
    seed(home, { started_at: '2026-01-05T09:00:00.000Z' });
    const text = await runInProcess(['progress'], { home });
    expect(text.exitCode).toBe(0);
    expect(text.stdout).toMatch(/Behind schedule by \d+ weeks: the calendar is at week 12 of 12 \(from 2026-01-05\), you are at week 6\. Re-plan the rest: careerforge progress replan rplan01/);
    const env = parseEnvelope((await runInProcess(['progress', 'show', ID, '--json'], { home })).stdout);
    expect(env.data.summary.schedule).toMatchObject({ from: 'first-done', start: '2026-01-05', at_week: 6, behind: true, replan: `careerforge progress replan ${ID}` });
  });

  it('takes --start instead, is on schedule when the calendar has not caught up, and has no schedule before any done', async () => {
    const future = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
    const env = parseEnvelope((await runInProcess(['progress', '--start', future, '--json'], { home })).stdout);
    expect(env.data.roadmaps[0].schedule).toMatchObject({ from: 'start', start: future, behind: false, behind_weeks: 0 });
    expect(env.data.roadmaps[0].schedule.replan).toBeUndefined();
    const none = parseEnvelope((await runInProcess(['progress', 'show', ID, '--json'], { home })).stdout);
    expect(none.data.summary.schedule).toBeUndefined();
    // The first `done` starts the clock.
    await runInProcess(['progress', 'done', ID, '3.1.1'], { home });
    expect(readStore(home).roadmaps[ID].started_at).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    const bad = await runInProcess(['progress', '--start', '2026-02-30'], { home });
    expect(bad.exitCode).toBe(2);
  });
});
