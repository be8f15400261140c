// `careerforge quiz` through the CLI in-process (test/support/in-process.ts) against the fake Ollama: generation (--json and piped
// text), repairs, the option shuffle as a user sees it, bad input, spine failures, --history.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startFakeOllama, type FakeOllama } from './support/fake-ollama.js';
import { parseEnvelope, readStore } from './support/cli.js';
import { runInProcess as runCli } from './support/in-process.js';
import { jsonReply } from './support/fixtures.js';
import { makeQuizBatch } from './quiz-interview-fixtures.js';

let fake: FakeOllama;
beforeEach(async () => {
  fake = await startFakeOllama();
});
afterEach(() => fake.close());

const quiz = (args: string[], env?: Record<string, string>) => runCli(['quiz', ...args], { host: fake.host, env });

describe('quiz generation', () => {
  it('prints the quiz with its answers under --json, shuffled, and saves it', async () => {
    fake.reply(jsonReply(makeQuizBatch(4)));
    const r = await quiz(['--topic', 'SQL', '--count', '4', '--difficulty', 'hard', '--json', '--seed', '7']);
    expect(r.stderr).toBe('');
    expect(r.exitCode).toBe(0);
    const env = parseEnvelope(r.stdout);
    expect(env.success).toBe(true);
    expect(env.data).toMatchObject({ topic: 'SQL', difficulty: 'hard' });
    expect(env.data.questions.map((q: any) => q.id)).toEqual(['q1', 'q2', 'q3', 'q4']);
    for (const [i, q] of env.data.questions.entries()) {
      expect(q.options).toHaveLength(4);
      expect(q.options[q.correct_index]).toBe(`Right answer ${i + 1}`);
    }
    // The model put every right answer first; four questions now use four positions.
    expect(new Set(env.data.questions.map((q: any) => q.correct_index)).size).toBe(4);
    expect(env.meta).toMatchObject({ model: 'mistral:7b-instruct-v0.3-q4_K_M', attempts: 1, calls: 1, shuffle_seed: '7' });
    const saved = readStore(r.home).quizzes[env.meta.id];
    expect(saved.quiz).toEqual(env.data);
    const [req] = fake.chatRequests();
    expect(req!.body.format.properties.questions.items.properties.options).toMatchObject({ minItems: 4, maxItems: 4 });
    expect(req!.body.messages[1].content).toContain('<user_data name="subject">');
    expect(req!.body.messages[1].content).toContain('"topic": "SQL"');
  });

  it('shuffles the same way for the same --seed', async () => {
    fake.onChat(() => jsonReply(makeQuizBatch(5)));
    const a = parseEnvelope((await quiz(['--topic', 'SQL', '--count', '5', '--json', '--seed', '99'])).stdout);
    const b = parseEnvelope((await quiz(['--topic', 'SQL', '--count', '5', '--json', '--seed', '99'])).stdout);
    expect(b.data.questions).toEqual(a.data.questions);
  });

  it('asks in batches of ten, telling later batches what was asked', async () => {
    fake.reply(jsonReply(makeQuizBatch(8)), jsonReply(makeQuizBatch(7, 9)));
    const r = await quiz(['--role', 'Data Engineer', '--count', '15', '--json']);
    expect(r.exitCode).toBe(0);
    expect(parseEnvelope(r.stdout).data.questions).toHaveLength(15);
    const second = fake.chatRequests()[1]!.body.messages[1].content as string;
    expect(second).toContain('<user_data name="asked_already">');
    expect(second).toContain('Question number 8 about SQL joins?');
  });

  it('repairs duplicate options, a positional option and a repeated question', async () => {
    const bad = makeQuizBatch(3);
    bad.questions[0]!.options[2] = 'right ANSWER 1';
    bad.questions[1]!.options[3] = 'All of the above';
    bad.questions[2]!.question = bad.questions[0]!.question;
    fake.reply(jsonReply(bad), jsonReply(makeQuizBatch(3)));
    const r = await quiz(['--topic', 'SQL', '--count', '3', '--json']);
    expect(r.exitCode).toBe(0);
    expect(parseEnvelope(r.stdout).meta.attempts).toBe(2);
    const repair = fake.chatRequests()[1]!.body.messages.at(-1).content as string;
    expect(repair).toContain('questions[0].options must be four different answers');
    expect(repair).toContain('questions[1].options[3] ("All of the above") refers to other options');
    expect(repair).toContain('questions[2] repeats an earlier question');
    expect(r.stderr).toContain('attempt 1 failed');
  });

  it('repairs a wrong number of questions', async () => {
    fake.reply(jsonReply(makeQuizBatch(2)), jsonReply(makeQuizBatch(3)));
    const r = await quiz(['--topic', 'SQL', '--count', '3', '--json']);
    expect(r.exitCode).toBe(0);
    expect(fake.chatRequests()[1]!.body.messages.at(-1).content).toContain('questions: has 2 entries but must have exactly 3');
  });

  it('prints questions and an answer key when piped, without escape codes', async () => {
    fake.reply(jsonReply(makeQuizBatch(2)));
    const r = await quiz(['--topic', 'SQL', '--count', '2']);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toContain('Quiz: SQL (medium, 2 questions)');
    expect(r.stdout).toMatch(/1\. Question number 1 about SQL joins\?/);
    expect(r.stdout).toContain('Answer key');
    expect(r.stdout).not.toContain('\u001b[');
  });

  it('strips terminal escapes from model text', async () => {
    const batch = makeQuizBatch(1);
    batch.questions[0]!.explanation = 'Because \u001b[31mred\u001b[0m.';
    fake.reply(jsonReply(batch));
    const r = await quiz(['--topic', 'SQL', '--count', '1', '--json']);
    expect(parseEnvelope(r.stdout).data.questions[0].explanation).toBe('Because red.');
  });
});

describe('quiz bad input: exit 2, nothing sent to the model', () => {
  const cases: Array<[string[], RegExp]> = [
    [['--count', '3'], /missing --topic or --role/],
    [['--topic', 'SQL', '--count', '0'], /--count: must be a whole number from 1 to 50 \(got 0\)/],
    [['--topic', 'SQL', '--count', '51'], /--count: must be a whole number from 1 to 50 \(got 51\)/],
    [['--topic', 'SQL', '--count', 'ten'], /--count: expected a number, got "ten"/],
    [['--topic', 'SQL', '--count', '2.5'], /--count: /],
    [['--topic', 'SQL', '--difficulty', 'extreme'], /--difficulty: /],
    [['--topic', '   '], /--topic: must not be empty/],
    [['--topic', 'a\u0007b'], /--topic: must not contain control characters/],
    [['--topic', 'SQL', '--retry-mistakes'], /--retry-mistakes is interactive: run it in a terminal/],
    [['--topic', 'SQL', '--retry-mistakes', '--json'], /cannot be combined with --json/],
    [['--topic', 'SQL', '--bogus'], /unknown option '--bogus'/],
  ];
  for (const [args, message] of cases) {
    it(`rejects ${args.join(' ')}`, async () => {
      const r = await quiz(args);
      expect(r.exitCode).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      if (args.includes('--json')) expect(parseEnvelope(r.stdout).error?.code).toBe('USAGE');
      else expect(r.stdout).toBe('');
      expect(fake.chatRequests()).toHaveLength(0);
    });
  }

  it('puts a usage error in the --json envelope', async () => {
    const r = await quiz(['--count', '3', '--json']);
    expect(r.exitCode).toBe(2);
    expect(parseEnvelope(r.stdout).error).toMatchObject({ code: 'USAGE' });
  });
});

describe('quiz spine failures', () => {
  it('gives up with INVALID_OUTPUT after the retries, saving nothing', async () => {
    fake.onChat(() => jsonReply({ questions: [{ question: 'Q?', options: ['a', 'b'], correct_index: 0, explanation: 'e', topic: 't' }] }));
    const r = await quiz(['--topic', 'SQL', '--count', '1', '--json', '--retries', '1']);
    expect(r.exitCode).toBe(1);
    expect(parseEnvelope(r.stdout).error).toMatchObject({ code: 'INVALID_OUTPUT' });
    expect(fake.chatRequests()).toHaveLength(2);
    expect(readStore(r.home)?.quizzes ?? {}).toEqual({});
  });

  it('reports a truncated answer', async () => {
    fake.onChat(() => ({ content: '{"questions": [', doneReason: 'length' }));
    const r = await quiz(['--topic', 'SQL', '--count', '1', '--retries', '0']);
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toMatch(/cut off at num_predict=\d+ tokens/);
  });

  it('retries after a mid-stream error', async () => {
    fake.reply({ fault: 'midstream-error', error: 'model runner crashed' }, jsonReply(makeQuizBatch(1)));
    const r = await quiz(['--topic', 'SQL', '--count', '1', '--json']);
    expect(r.exitCode).toBe(0);
    expect(parseEnvelope(r.stdout).meta.attempts).toBe(2);
  });

  it('says when Ollama is unreachable', async () => {
    await fake.close();
    const r = await quiz(['--topic', 'SQL', '--count', '1', '--json']);
    expect(r.exitCode).toBe(1);
    expect(parseEnvelope(r.stdout).error?.code).toBe('OLLAMA_UNREACHABLE');
  });
});

describe('quiz --history', () => {
  it('says there is nothing yet, and lists a stored attempt with per-topic totals', async () => {
    const empty = await quiz(['--history']);
    expect(empty.exitCode).toBe(0);
    expect(empty.stdout).toContain('No quiz attempts yet');

    fake.reply(jsonReply(makeQuizBatch(2)));
    const made = await quiz(['--topic', 'SQL', '--count', '2', '--json']);
    const id = parseEnvelope(made.stdout).meta.id as string;
    const store = readStore(made.home);
    const [q1, q2] = store.quizzes[id].quiz.questions;
    const fs = await import('node:fs');
    store.quiz_attempts = {
      a1: {
        id: 'a1', quiz_id: id, topic: 'SQL', started_at: '2025-01-02T10:00:00.000Z', finished_at: '2025-01-02T10:05:00.000Z', status: 'completed',
        question_ids: ['q1', 'q2'],
        answers: [
          { question_id: 'q1', topic: q1.topic, chosen_index: q1.correct_index, correct: true, answered_at: '2025-01-02T10:01:00.000Z' },
          { question_id: 'q2', topic: q2.topic, chosen_index: null, correct: false, answered_at: '2025-01-02T10:02:00.000Z' },
        ],
        score: { correct: 1, total: 2, skipped: 1, percent: 50 },
      },
    };
    fs.writeFileSync(`${made.home}/store.json`, JSON.stringify(store));
    const text = await runCli(['quiz', '--history'], { home: made.home });
    expect(text.stdout).toMatch(/2025-01-02 10:05 {2}a1 {2}SQL +1\/2 \(50%\)/);
    expect(text.stdout).toContain('SQL joins');
    const json = parseEnvelope((await runCli(['quiz', '--history', '--json', '--topic', 'sql'], { home: made.home })).stdout);
    expect(json.data.attempts).toHaveLength(1);
    expect(json.data.topics).toEqual({ 'SQL joins': { answered: 2, correct: 1 } });
    expect(fake.chatRequests()).toHaveLength(1);
  });
});
