// `careerforge progress` through the CLI in-process (test/support/in-process.ts): listing, show, done/skip/undo by address, bad
// addresses (exit 2, store untouched), and the Markdown and iCalendar exports.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseEnvelope, readStore, tempHome } from './support/cli.js';
import { runInProcess as runCli } from './support/in-process.js';
import { startFakeOllama, type FakeOllama } from './support/fake-ollama.js';
import { jsonReply, makeRoadmap } from './support/fixtures.js';

const ID = 'rtest01';

/** A store.json as schemas/store.ts describes it, with one 2-month plan (8 weeks, 16 tasks). */
function seed(home: string, progress: Record<string, string> = {}): string {
  const roadmap = makeRoadmap(2, 10, 'Backend Developer');
  // Long, comma-and-semicolon-laden, non-ASCII text so folding and escaping are exercised.
  roadmap.roadmap[0]!.weeks[0]!.tasks[0] = 'Read the café guide; then build a REST API, test it, and write notes about ✓ every endpoint you made this week';
  const store = {
    roadmaps: { [ID]: { id: ID, created_at: '2026-01-01T10:00:00.000Z', model: 'm', input: { role: 'Backend Developer', months: 2 }, roadmap, progress } },
    __internal__: { migrations: { version: '1.0.0' } },
  };
  fs.writeFileSync(path.join(home, 'store.json'), JSON.stringify(store));
  return home;
}

let home: string;
beforeEach(() => {
  home = seed(tempHome());
});

describe('progress list and show', () => {
  it('lists saved roadmaps with percent done and a bar per month, as text and as JSON', async () => {
    seed(home, { '1.1.1': 'done', '1.1.2': 'skipped', '2.4.2': 'done' });
    const text = await runCli(['progress'], { home });
    expect(text.exitCode).toBe(0);
    expect(text.stdout).toContain(`${ID}  Backend Developer (2 months)  19% done  3/16 tasks`);
    expect(text.stdout).toMatch(/M1 {2}█{5}░{15} {2}25%/);
    expect(text.stdout).toMatch(/M2 {2}█{3}░{17} {2}13%/);
    expect(text.stdout).not.toContain('\u001b['); // piped: no escape codes

    const json = await runCli(['progress', 'list', '--json'], { home });
    const env = parseEnvelope(json.stdout);
    expect(env.success).toBe(true);
    expect(env.data.roadmaps).toHaveLength(1);
    expect(env.data.roadmaps[0]).toMatchObject({ id: ID, total: 16, done: 2, skipped: 1, percent: 19 });
    expect(env.data.roadmaps[0].months.map((m: { percent: number }) => m.percent)).toEqual([25, 13]);
  });

  it('shows the plan with checkboxes, as text and as JSON', async () => {
    seed(home, { '1.1.2': 'done', '1.2.1': 'skipped' });
    const text = await runCli(['progress', 'show', ID], { home });
    expect(text.exitCode).toBe(0);
    expect(text.stdout).toContain('[x] 1.1.2 Task 1.1.2');
    expect(text.stdout).toContain('[-] 1.2.1 Task 1.2.1');
    expect(text.stdout).toContain('[ ] 2.4.2 Task 2.4.2');
    const env = parseEnvelope((await runCli(['progress', 'show', ID, '--json'], { home })).stdout);
    expect(env.data.progress).toEqual({ '1.1.2': 'done', '1.2.1': 'skipped' });
    expect(env.data.summary).toMatchObject({ total: 16, done: 1, skipped: 1, percent: 13 });
  });
});

describe('progress on a roadmap made by the CLI', () => {
  let fake: FakeOllama;
  beforeEach(async () => {
    fake = await startFakeOllama();
  });
  afterEach(() => fake.close());

  it('tracks a plan saved by roadmap --json, listed newest first', async () => {
    fake.onChat(() => jsonReply(makeRoadmap(2, 10, 'Data Analyst')));
    const made = await runCli(['roadmap', '--role', 'Data Analyst', '--months', '2', '--json'], { host: fake.host, home });
    expect(made.exitCode).toBe(0);
    const id = parseEnvelope(made.stdout).meta.id as string;
    const done = parseEnvelope((await runCli(['progress', 'done', id, '2.4', '--json'], { home })).stdout);
    expect(done.data).toMatchObject({ id, mark: 'done', tasks: ['2.4.1', '2.4.2'], summary: { role: 'Data Analyst', done: 2, total: 16, percent: 13 } });
    const list = parseEnvelope((await runCli(['progress', '--json'], { home })).stdout);
    expect(list.data.roadmaps.map((r: { id: string }) => r.id)).toEqual([id, ID]);
  });
});

describe('progress done, skip, undo', () => {
  it('marks single tasks and whole weeks, and undoes them', async () => {
    const done = await runCli(['progress', 'done', ID, '1.1.1', '2.3.2'], { home });
    expect(done.exitCode).toBe(0);
    expect(done.stdout).toBe(`${ID}: marked done 2 tasks (1.1.1, 2.3.2); now 13% done (2/16)\n`);
    const skip = parseEnvelope((await runCli(['progress', 'skip', ID, '1.2', '--json'], { home })).stdout);
    expect(skip.data).toMatchObject({ id: ID, mark: 'skipped', tasks: ['1.2.1', '1.2.2'], summary: { done: 2, skipped: 2, percent: 25 } });
    const undo = parseEnvelope((await runCli(['progress', 'undo', ID, '1.2.1', '--json'], { home })).stdout);
    expect(undo.data.tasks).toEqual(['1.2.1']);
    expect(readStore(home).roadmaps[ID].progress).toEqual({ '1.1.1': 'done', '2.3.2': 'done', '1.2.2': 'skipped' });
  });

  it.each([
    ['9.9.9', /month 9 is not in the plan \(it has 2\)/],
    ['1.x', /bad task address "1.x"/],
    ['1.5', /month 1 has no week 5/],
    ['1.1.3', /week 1.1 has no task 3/],
    ['0.1.1', /month 0 is not in the plan/],
  ])('rejects %s with exit 2 and one line, leaving the store untouched', async (address, message) => {
    seed(home, { '1.1.1': 'done' });
    const before = fs.readFileSync(path.join(home, 'store.json'), 'utf8');
    // A good address next to the bad one must not be applied either.
    const result = await runCli(['progress', 'done', ID, '2.1.1', address], { home });
    expect(result.exitCode).toBe(2);
    expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(message);
    expect(result.stdout).toBe('');
    expect(fs.readFileSync(path.join(home, 'store.json'), 'utf8')).toBe(before);
  });

  it('rejects an unknown id and a missing task with exit 2; --json gives the error envelope', async () => {
    const before = fs.readFileSync(path.join(home, 'store.json'), 'utf8');
    const unknown = await runCli(['progress', 'done', 'rnope', '1.1.1', '--json'], { home });
    expect(unknown.exitCode).toBe(2);
    expect(parseEnvelope(unknown.stdout).error).toMatchObject({ code: 'NOT_FOUND' });
    expect(unknown.stderr).toContain(`no roadmap with id "rnope" (saved ids: ${ID}`);
    const none = await runCli(['progress', 'skip', ID], { home });
    expect(none.exitCode).toBe(2);
    expect(none.stderr).toMatch(/name at least one task/);
    const show = await runCli(['progress', 'show', 'rnope'], { home });
    expect(show.exitCode).toBe(2);
    expect(fs.readFileSync(path.join(home, 'store.json'), 'utf8')).toBe(before);
  });
});

describe('progress export', () => {
  it('writes a Markdown checklist to stdout, and inside the JSON envelope', async () => {
    seed(home, { '1.1.2': 'done', '1.2.1': 'skipped' });
    const md = await runCli(['progress', 'export', ID, '--format', 'md'], { home });
    expect(md.exitCode).toBe(0);
    expect(md.stdout).toMatch(/^# Backend Developer \(2 months\)\n/);
    expect(md.stdout).toContain('## Month 2: Month 2 topic');
    expect(md.stdout).toContain('- [x] Task 1.1.2\n');
    expect(md.stdout).toContain('- [x] ~~Task 1.2.1~~ (skipped)\n');
    expect(md.stdout).toContain('- [ ] Task 2.4.2\n');
    expect(md.stdout.match(/^- \[[ x]\] /gm)).toHaveLength(16);
    const env = parseEnvelope((await runCli(['progress', 'export', ID, '--json'], { home })).stdout);
    expect(env.data).toMatchObject({ id: ID, format: 'md' });
    expect(env.data.content).toBe(md.stdout);
  });

  it('writes RFC 5545 iCalendar: CRLF, folded lines, one all-day VEVENT per week from --start', async () => {
    const result = await runCli(['progress', 'export', ID, '--format', 'ics', '--start', '2026-12-28'], { home });
    expect(result.exitCode).toBe(0);
    const ics = result.stdout;
    expect(ics.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:')).toBe(true);
    expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/); // no bare CR or LF anywhere
    const physical = ics.split('\r\n').slice(0, -1);
    for (const line of physical) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
    expect(physical.some((line) => line.startsWith(' '))).toBe(true); // the long description was folded
    const unfolded = ics.replace(/\r\n /g, '');
    expect(unfolded.match(/^BEGIN:VEVENT$/gm)).toHaveLength(8);
    expect(unfolded.match(/^END:VEVENT$/gm)).toHaveLength(8);
    // Weekly from --start, across a year boundary; all-day events last one day.
    const starts = [...unfolded.matchAll(/^DTSTART;VALUE=DATE:(\d{8})$/gm)].map((m) => m[1]);
    expect(starts).toEqual(['20261228', '20270104', '20270111', '20270118', '20270125', '20270201', '20270208', '20270215']);
    expect(unfolded).toContain('DTEND;VALUE=DATE:20261229');
    const uids = [...unfolded.matchAll(/^UID:(.+)$/gm)].map((m) => m[1]);
    expect(new Set(uids).size).toBe(8);
    expect(unfolded.match(/^DTSTAMP:\d{8}T\d{6}Z$/gm)).toHaveLength(8);
    // Text escaping survives folding: commas and semicolons escaped, newlines as \n, UTF-8 intact.
    expect(unfolded).toContain('[ ] 1.1.1 Read the café guide\\; then build a REST API\\, test it\\, and write notes about ✓ every endpoint');
    expect(unfolded).toContain('DESCRIPTION:Month 1: Month 1 topic\\nAbout 8 h this week.\\n\\n');
  });

  it('writes timed events with --time and --duration to --out, and reports it under --json', async () => {
    const out = path.join(home, 'plan.ics');
    const result = await runCli(['progress', 'export', ID, '--format', 'ics', '--start', '2026-03-02', '--time', '18:30', '--duration', '90', '--out', out, '--json'], { home });
    expect(result.exitCode).toBe(0);
    const env = parseEnvelope(result.stdout);
    expect(env.data).toMatchObject({ id: ID, format: 'ics', events: 8, out });
    const ics = fs.readFileSync(out, 'utf8');
    expect(env.data.bytes).toBe(Buffer.byteLength(ics));
    expect(ics).toContain('\r\nDTSTART:20260302T183000\r\nDTEND:20260302T200000\r\n');
    expect(ics).toContain('\r\nDTSTART:20260420T183000\r\n'); // week 8
  });

  it.each([
    [['--format', 'ics'], /needs --start DATE/],
    [['--format', 'ics', '--start', '2026-02-30'], /--start: expected a date like 2026-01-05, got "2026-02-30"/],
    [['--format', 'ics', '--start', '2026-03-02', '--time', '25:00'], /--time: expected a time like 18:30/],
    [['--format', 'pdf'], /--format: expected md or ics/],
    [['--format', 'md', '--start', '2026-03-02'], /only apply to --format ics/],
  ])('rejects bad export options %j with exit 2', async (options, message) => {
    const result = await runCli(['progress', 'export', ID, ...options], { home });
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stdout).toBe('');
  });
});

describe('progress takes ids as list, show and rm do', () => {
  /** A second plan beside rtest01, newer, whose id shares its first letter. */
  function seedTwo(): void {
    const store = readStore(home);
    const other = { ...store.roadmaps[ID], id: 'rother9', created_at: '2026-02-01T10:00:00.000Z', progress: {} };
    fs.writeFileSync(path.join(home, 'store.json'), JSON.stringify({ ...store, roadmaps: { ...store.roadmaps, rother9: other } }));
  }

  it('latest, a unique prefix, and the exact id name the same plan; output names the real id', async () => {
    seedTwo();
    const done = await runCli(['progress', 'done', 'latest', '1.1.1'], { home });
    expect(done.exitCode, done.stderr).toBe(0);
    expect(done.stdout).toBe('rother9: marked done 1 task (1.1.1); now 6% done (1/16)\n');
    expect(readStore(home).roadmaps.rother9.progress).toEqual({ '1.1.1': 'done' });
    expect(readStore(home).roadmaps[ID].progress).toEqual({});
    const shown = parseEnvelope((await runCli(['progress', 'show', 'rte', '--json'], { home })).stdout);
    expect(shown.data.id).toBe(ID);
    const exported = await runCli(['progress', 'export', 'roth'], { home });
    expect(exported.exitCode, exported.stderr).toBe(0);
  });

  it('an ambiguous prefix lists the matches, an unknown one the saved ids; exit 2, nothing written', async () => {
    seedTwo();
    const before = fs.readFileSync(path.join(home, 'store.json'), 'utf8');
    const ambiguous = await runCli(['progress', 'done', 'r', '1.1.1'], { home });
    expect(ambiguous.exitCode).toBe(2);
    expect(ambiguous.stderr).toBe('careerforge: "r" matches 2 roadmaps (rtest01, rother9): type more of the id\n');
    const unknown = await runCli(['progress', 'show', 'zz'], { home });
    expect(unknown.exitCode).toBe(2);
    expect(unknown.stderr).toBe('careerforge: no roadmap with id "zz" (saved ids: rtest01, rother9; see careerforge progress)\n');
    expect(fs.readFileSync(path.join(home, 'store.json'), 'utf8')).toBe(before);
  });
});
