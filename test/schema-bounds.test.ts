// Every schema the CLI sends as `format`, for every command and strategy, read back from the fake
// server's request log: each must be bounded in ways the grammar enforces (no unbounded array,
// string or integer, no pattern, format or $ref) and built from its request (exact counts).
import { afterAll, describe, expect, it } from 'vitest';
import { createOllama } from '../src/core/llm/client.js';
import { drive } from '../src/core/events.js';
import { gradeAnswer } from '../src/core/interview/mock.js';
import { resolveSettings } from '../src/core/config/settings.js';
import * as z from '../src/core/zod.js';
import { jsonSchemaOf } from '../src/core/llm/generate.js';
import { monthSchema } from '../src/core/roadmap/schema.js';
import { parseEnvelope } from './support/cli.js';
import { runInProcess as runCli } from './support/in-process.js';
import type { RecordedRequest } from './support/fake-ollama.js';
import { answerBySchema, replyKind, type ReplyKind } from './support/answer-by-schema.js';
import { auditSchema, grammarSize, repetitions } from './support/schema-audit.js';
import { makeInterviewQuestion } from './quiz-interview-fixtures.js';
import { useFake } from './support/spine.js';

const fake = useFake();
const sent: Array<{ run: string; kind: ReplyKind; req: RecordedRequest }> = [];

async function cli(run: string, args: string[]): Promise<RecordedRequest[]> {
  answerBySchema(fake());
  const r = await runCli([...args, '--json'], { host: fake().host });
  expect(r.exitCode, r.stderr).toBe(0);
  expect(parseEnvelope(r.stdout).success).toBe(true);
  const reqs = fake().chatRequests();
  for (const req of reqs) sent.push({ run, kind: replyKind(req), req });
  return reqs;
}

function expectBounded(reqs: RecordedRequest[]): void {
  expect(reqs.length).toBeGreaterThan(0);
  for (const req of reqs) {
    expect(req.body.format, 'every model call sends a schema').toBeTypeOf('object');
    expect(auditSchema(req.body.format)).toEqual([]);
  }
}

const kinds = (reqs: RecordedRequest[]) => reqs.map(replyKind);

describe('every schema sent as format is bounded', () => {
  it('roadmap in one call: exactly N months of exactly 4 weeks, hours 1..hours_per_week', async () => {
    const reqs = await cli('roadmap single', ['roadmap', '--role', 'Backend Developer', '--months', '3', '--hours-per-week', '7']);
    expect(kinds(reqs)).toEqual(['roadmap']);
    expectBounded(reqs);
    const roadmap = reqs[0]!.body.format.properties.roadmap;
    expect([roadmap.minItems, roadmap.maxItems]).toEqual([3, 3]);
    const month = roadmap.items.properties;
    expect(month.month).toMatchObject({ type: 'integer', minimum: 1, maximum: 3 });
    expect([month.weeks.minItems, month.weeks.maxItems]).toEqual([4, 4]);
    expect(month.weeks.items.properties.hours).toMatchObject({ type: 'integer', minimum: 1, maximum: 7 });
    expect([month.weeks.items.properties.tasks.minItems, month.weeks.items.properties.tasks.maxItems]).toEqual([2, 4]);
    expect([month.projects.minItems, month.projects.maxItems]).toEqual([1, 2]);
  });

  it('roadmap as outline + months: the month number is a constant in each month call', async () => {
    const reqs = await cli('roadmap outlined', ['roadmap', '--role', 'SRE', '--months', '12']);
    expect(kinds(reqs)).toEqual(['outline', ...Array<ReplyKind>(12).fill('month')]);
    expectBounded(reqs);
    const outline = reqs[0]!.body.format.properties.months;
    expect([outline.minItems, outline.maxItems]).toEqual([12, 12]);
    expect(reqs.slice(1).map((r) => r.body.format.properties.month.const)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
  });

  it('skills, and skills --to-roadmap', async () => {
    const skills = await cli('skills', ['skills', '--role', 'Backend Developer', '--skills', 'TypeScript:advanced,SQL']);
    expect(kinds(skills)).toEqual(['skills']);
    expectBounded(skills);
    expect(skills[0]!.body.format.properties.readiness_score).toMatchObject({ type: 'integer', minimum: 0, maximum: 100 });
  });

  it('skills --to-roadmap', async () => {
    const reqs = await cli('skills --to-roadmap', ['skills', '--role', 'Backend Developer', '--skills', 'TypeScript', '--to-roadmap', '--months', '2']);
    expect(kinds(reqs)).toEqual(['skills', 'roadmap']);
    expectBounded(reqs);
  });

  it('interview: exact batch counts; one type when the interview has one', async () => {
    const mixed = await cli('interview', ['interview', '--role', 'Backend Developer', '--count', '7']);
    expect(kinds(mixed)).toEqual(['interview', 'interview']);
    expectBounded(mixed);
    expect(mixed.map((r) => [r.body.format.properties.questions.minItems, r.body.format.properties.questions.maxItems])).toEqual([[4, 4], [3, 3]]);
    fake().requests.length = 0;
    const behavioral = await cli('interview behavioral', ['interview', '--role', 'Backend Developer', '--type', 'behavioral', '--count', '2']);
    expectBounded(behavioral);
    expect(behavioral[0]!.body.format.properties.questions.items.properties.type.enum).toEqual(['behavioral']);
  });

  it('quiz: exact batch counts, exactly four options, correct_index 0..3', async () => {
    const reqs = await cli('quiz', ['quiz', '--topic', 'SQL', '--count', '12']);
    expect(kinds(reqs)).toEqual(['quiz', 'quiz']);
    expectBounded(reqs);
    const question = reqs[0]!.body.format.properties.questions;
    expect([question.minItems, question.maxItems]).toEqual([6, 6]);
    expect([question.items.properties.options.minItems, question.items.properties.options.maxItems]).toEqual([4, 4]);
    expect(question.items.properties.correct_index).toMatchObject({ minimum: 0, maximum: 3 });
  });

  it('health round trip', async () => {
    fake().setLoaded([{ name: 'mistral:7b-instruct-v0.3-q4_K_M', size: 4_372_812_000, size_vram: 4_372_812_000 }]);
    const reqs = await cli('health', ['health']);
    expect(kinds(reqs)).toEqual(['ping']);
    expectBounded(reqs);
  });

  it('mock grading: exactly one criterion per point the question lists', async () => {
    answerBySchema(fake());
    const settings = resolveSettings({ host: fake().url }, {}, {});
    const handle = createOllama(settings, new AbortController().signal);
    const question = { id: 'q1', ...makeInterviewQuestion(1) };
    const { grade } = await drive(gradeAnswer(handle, { question, prompt: question.question, kind: 'main' }, 'My answer.'), () => {});
    expect(grade.criteria).toHaveLength(3);
    const reqs = fake().chatRequests();
    for (const req of reqs) sent.push({ run: 'mock grading', kind: replyKind(req), req });
    expect(kinds(reqs)).toEqual(['grade']);
    expectBounded(reqs);
    const criteria = reqs[0]!.body.format.properties.criteria;
    expect([criteria.minItems, criteria.maxItems]).toEqual([3, 3]);
  });

  afterAll(() => {
    // Every generator was seen at least once across the runs above.
    expect(new Set(sent.map((s) => s.kind))).toEqual(new Set(['roadmap', 'outline', 'month', 'skills', 'interview', 'quiz', 'ping', 'grade']));
  });
});

describe('the audit itself', () => {
  it('catches what the grammar cannot bound', () => {
    const loose = jsonSchemaOf(z.object({ n: z.int(), s: z.string(), a: z.array(z.boolean()), f: z.number(), e: z.email() }));
    expect(auditSchema(loose)).toEqual([
      '$.n: integer range -9007199254740991..9007199254740991 is not meaningful',
      '$.s: string without maxLength',
      '$.a: array without maxItems',
      '$.f: number (the grammar ignores its bounds); use a bounded integer',
      '$.e: has "pattern"',
      '$.e: has "format"',
      '$.e: string without maxLength',
    ]);
    expect(auditSchema({ $ref: '#/$defs/x' })).toEqual(['$: has "$ref"', '$: no type']);
  });

  it('the month schema is small: the grammar it becomes is a fraction of the unbounded one', () => {
    // The unbounded store schema as it was sent before: four +-2^53 integers per month dominate.
    const before = grammarSize(jsonSchemaOf(monthSchema));
    const month = sent.find((s) => s.kind === 'month')?.req.body.format;
    expect(month, 'the outlined roadmap test ran first').toBeDefined();
    const after = grammarSize(month);
    console.info(`month schema: grammar ~${before} chars before, ~${after} now; ${JSON.stringify(month).length} chars of JSON; ${repetitions(month)} repetition rules`);
    expect(before).toBeGreaterThan(10_000);
    expect(after).toBeLessThan(2000);
    expect(after * 10).toBeLessThan(before);
    expect(JSON.stringify(month).length).toBeLessThan(1600);
    // Bounded strings cost rules once parsed; sized to their fields, a month stays well under 2000.
    expect(repetitions(month)).toBeLessThan(2000);
    // The integers, which were most of the grammar, now cost a few rules each.
    const ints = JSON.stringify(month).match(/"type":"integer"[^}]*/g) ?? [];
    for (const int of ints) expect(int).not.toMatch(/9007199254740991/);
  });
});
