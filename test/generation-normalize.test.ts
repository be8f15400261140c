// Issue 10, "fix what needs no model" and "repair only what failed", in-process against the fake
// Ollama (which, like a server that ignores `format`, sends back whatever it is given):
// - sloppy but repairable answers (every month numbered 1, weeks out of order, "Beginner",
//   "8" for an integer, padded strings, repeated list items) end valid in one call per part,
//   counted in meta.normalized;
// - a single-call plan with one bad month regenerates that month alone, from a repair turn that
//   carries only that month and its problems; the good months are kept as they came;
// - prose instead of JSON ends in a clear INVALID_OUTPUT;
// - the month prompts of a long plan share everything but their last line (the server's KV cache).
import { describe, expect, it } from 'vitest';
import { parseEnvelope, readStore } from './support/cli.js';
import { runInProcess } from './support/in-process.js';
import { jsonReply, makeMonth, makeOutline, makeRoadmap } from './support/fixtures.js';
import { askedMonth, formatKind, useFake } from './support/spine.js';
import { makeInterviewBatch, makeQuizBatch } from './quiz-interview-fixtures.js';

const fake = useFake();
const roadmap = (months: number, extra: string[] = []) =>
  runInProcess(['roadmap', '--role', 'Backend Developer', '--months', String(months), '--json', ...extra], { host: fake().host });

/** A month as a careless model writes it: wrong numbers, wrong case, strings for integers, padding, repeats. */
function sloppyMonth(month: number): unknown {
  const m = makeMonth(month) as any;
  return {
    ...m,
    month: 1,
    title: `  ${m.title}  `,
    weeks: m.weeks.map((w: any) => ({ ...w, week: 1, hours: String(w.hours) })),
    tools: ['Git', 'git', 'Docker', ''],
    projects: m.projects.map((p: any) => ({ ...p, difficulty: 'Intermediate' })),
  };
}

describe('mechanical fixes, no repair round', () => {
  it('a single-call plan numbered 1,1,1 with "8" hours and "Intermediate" is valid after one call', async () => {
    const plan = { ...makeRoadmap(3), roadmap: [1, 2, 3].map(sloppyMonth) };
    fake().reply(jsonReply(plan));
    const r = await roadmap(3);
    expect(r.exitCode, r.stderr).toBe(0);
    const env = parseEnvelope(r.stdout);
    expect(fake().chatRequests()).toHaveLength(1);
    expect(env.meta.attempts).toBe(1);
    expect(env.data.roadmap.map((m: any) => m.month)).toEqual([1, 2, 3]);
    expect(env.data.roadmap[0].weeks.map((w: any) => [w.week, w.hours])).toEqual([[1, 8], [2, 8], [3, 8], [4, 8]]);
    expect(env.data.roadmap[0].title).toBe('Month 1 topic');
    expect(env.data.roadmap[0].tools).toEqual(['Git', 'Docker']);
    expect(env.data.roadmap[0].projects[0].difficulty).toBe('intermediate');
    // Per month: 2 renumbered (month 2 and 3; month 1 was right), 3 weeks renumbered, 4 hours, 1 title, 2 tools, 1 difficulty.
    expect(env.meta.normalized).toBe(2 + 3 * (3 + 4 + 1 + 2 + 1));
    expect(readStore(r.home).roadmaps[env.meta.id].roadmap).toEqual(env.data);
  });

  it('an outlined plan: the outline numbered all 1 and each month numbered wrong need no second call', async () => {
    fake().onChat((req) => {
      if (formatKind(req) === 'outline') {
        const outline = makeOutline(12);
        return jsonReply({ ...outline, months: outline.months.map((m) => ({ ...m, month: 1 })) });
      }
      return jsonReply(sloppyMonth(askedMonth(req)));
    });
    const r = await roadmap(12);
    expect(r.exitCode, r.stderr).toBe(0);
    const env = parseEnvelope(r.stdout);
    expect(fake().chatRequests()).toHaveLength(13);
    expect(env.meta).toMatchObject({ strategy: 'outline+months', calls: 13, attempts: 13 });
    expect(env.data.roadmap.map((m: any) => m.month)).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
    expect(env.meta.normalized).toBeGreaterThan(12 * 10);
  });

  it('interview types in the wrong case are folded, not repaired', async () => {
    const batch = makeInterviewBatch(2) as any;
    batch.questions = batch.questions.map((q: any) => ({ ...q, type: 'Technical', difficulty: 'MEDIUM' }));
    fake().reply(jsonReply(batch));
    const r = await runInProcess(['interview', '--role', 'SRE', '--type', 'technical', '--count', '2', '--json'], { host: fake().host });
    expect(r.exitCode, r.stderr).toBe(0);
    const env = parseEnvelope(r.stdout);
    expect(fake().chatRequests()).toHaveLength(1);
    expect(env.data.questions.map((q: any) => [q.type, q.difficulty])).toEqual([['technical', 'medium'], ['technical', 'medium']]);
    expect(env.meta.normalized).toBe(4);
  });

  it('a clean answer reports normalized: 0', async () => {
    fake().reply(jsonReply(makeRoadmap(2)));
    const env = parseEnvelope((await roadmap(2)).stdout);
    expect(env.meta.normalized).toBe(0);
  });
});

describe('repair only what failed', () => {
  it('a single-call plan with one bad month regenerates that month alone from its own repair turn', async () => {
    const plan = makeRoadmap(4);
    const bad = { ...makeMonth(3), weeks: makeMonth(3).weeks.map((w) => ({ ...w, tasks: [] })) };
    plan.roadmap[2] = bad as any;
    const fixed = makeMonth(3);
    fixed.title = 'Month 3, redone';
    fake().reply(jsonReply(plan), jsonReply(fixed));
    const r = await roadmap(4);
    expect(r.exitCode, r.stderr).toBe(0);
    const env = parseEnvelope(r.stdout);
    const [first, second] = fake().chatRequests();
    expect(fake().chatRequests()).toHaveLength(2);
    expect(formatKind(first!)).toBe('roadmap');
    // The second request is a month request for month 3 only, starting at a repair turn.
    expect(second!.body.format.properties.month).toEqual({ type: 'number', const: 3 });
    const messages = second!.body.messages as Array<{ role: string; content: string }>;
    expect(messages.map((m) => m.role)).toEqual(['system', 'user', 'assistant', 'user']);
    expect(JSON.parse(messages[2]!.content)).toMatchObject({ month: 3, title: 'Month 3 topic' });
    expect(messages[2]!.content).not.toContain('Month 1 topic');
    expect(messages[3]!.content).toMatch(/month\.weeks\.0\.tasks/);
    expect(messages[1]!.content).toContain('Month 3 topic'); // the plan's own outline
    // Good months as they came, the bad one replaced.
    expect(env.data.roadmap[0]).toEqual(plan.roadmap[0]);
    expect(env.data.roadmap[1]).toEqual(plan.roadmap[1]);
    expect(env.data.roadmap[2].title).toBe('Month 3, redone');
    expect(env.data.roadmap[3]).toEqual(plan.roadmap[3]);
    expect(env.meta).toMatchObject({ strategy: 'single', calls: 2, attempts: 2 });
  });

  it('most months bad: the whole plan is repaired in one turn, as before', async () => {
    const plan = makeRoadmap(3);
    for (const m of plan.roadmap) m.weeks[0]!.tasks = [];
    fake().reply(jsonReply(plan), jsonReply(makeRoadmap(3)));
    const r = await roadmap(3);
    expect(r.exitCode, r.stderr).toBe(0);
    const second = fake().chatRequests()[1]!;
    expect(formatKind(second)).toBe('roadmap');
    expect(parseEnvelope(r.stdout).meta).toMatchObject({ calls: 1, attempts: 2 });
  });
});

describe('a server that ignores format', () => {
  it('prose every time ends in INVALID_OUTPUT, exit 1, one line, nothing saved', async () => {
    fake().onChat(() => ({ content: 'Sure! Here is a great roadmap for you: first learn Go, then Kubernetes.' }));
    const r = await roadmap(2);
    expect(r.exitCode).toBe(1);
    const env = parseEnvelope(r.stdout);
    expect(env.error!.code).toBe('INVALID_OUTPUT');
    expect(env.error!.message).toMatch(/not valid JSON/);
    expect(fake().chatRequests()).toHaveLength(3);
    expect(readStore(r.home)?.roadmaps ?? {}).toEqual({});
  });

  it('prose once, then sloppy JSON: valid after the repair', async () => {
    const plan = { ...makeRoadmap(2), roadmap: [1, 2].map(sloppyMonth) };
    fake().reply({ content: 'Here you go:\n\n- Month 1: basics' }, jsonReply(plan));
    const r = await roadmap(2);
    expect(r.exitCode, r.stderr).toBe(0);
    expect(parseEnvelope(r.stdout).meta).toMatchObject({ attempts: 2, calls: 1 });
  });
});

describe('stable prompt prefixes', () => {
  it('the month prompts of a 12-month plan differ only in their last line', async () => {
    fake().onChat((req) => (formatKind(req) === 'outline' ? jsonReply(makeOutline(12)) : jsonReply(makeMonth(askedMonth(req)))));
    expect((await roadmap(12)).exitCode).toBe(0);
    const prompts = fake().chatRequests().slice(1).map((req) => String(req.body.messages[1].content).trimEnd());
    const heads = new Set(prompts.map((p) => p.slice(0, p.lastIndexOf('\n'))));
    expect(heads.size).toBe(1);
    expect(prompts.map((p) => p.slice(p.lastIndexOf('\n') + 1))).toEqual(Array.from({ length: 12 }, (_, i) => `Write month ${i + 1} of 12.`));
    expect(prompts[0]!.length).toBeGreaterThan(2000);
  });
});

describe('stable prompt prefixes in batches', () => {
  it('the two batches of a 20-question quiz share everything before the questions asked already', async () => {
    let from = 1;
    fake().onChat(() => {
      const batch = makeQuizBatch(10, from);
      from += 10;
      return jsonReply(batch);
    });
    const r = await runInProcess(['quiz', '--topic', 'SQL', '--count', '20', '--json'], { host: fake().host });
    expect(r.exitCode, r.stderr).toBe(0);
    const [a, b] = fake().chatRequests().map((req) => String(req.body.messages[1].content));
    const cut = (p: string) => p.slice(0, p.indexOf('Questions already in this quiz'));
    expect(cut(a!).length).toBeGreaterThan(1000);
    expect(cut(b!)).toBe(cut(a!));
    expect(a).toContain('(none yet)');
    expect(b).toContain('Question number 1 about SQL joins?');
  });
});
