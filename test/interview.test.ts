// `careerforge interview` through the CLI in-process (test/support/in-process.ts) against the fake Ollama: generation (--json,
// piped text), repairs of the count, types and STAR answers, bad input, interactive modes
// refused without a terminal, spine failures.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startFakeOllama, type FakeOllama } from './support/fake-ollama.js';
import { parseEnvelope, readStore } from './support/cli.js';
import { runInProcess as runCli } from './support/in-process.js';
import { jsonReply } from './support/fixtures.js';
import { makeInterviewBatch } from './quiz-interview-fixtures.js';

let fake: FakeOllama;
beforeEach(async () => {
  fake = await startFakeOllama();
});
afterEach(() => fake.close());

const interview = (args: string[]) => runCli(['interview', ...args], { host: fake.host });

describe('interview generation', () => {
  it('prints the questions and tips under --json and saves them', async () => {
    fake.reply(jsonReply(makeInterviewBatch(3, ['technical', 'behavioral', 'system-design'])));
    const r = await interview(['--role', 'Backend Developer', '--level', 'senior', '--company', 'Acme', '--count', '3', '--json']);
    expect(r.stderr).toBe('');
    expect(r.exitCode).toBe(0);
    const env = parseEnvelope(r.stdout);
    expect(env.data).toMatchObject({ role: 'Backend Developer', level: 'senior', type: 'mixed', company: 'Acme', tips: ['Think aloud.', 'Ask clarifying questions.'] });
    expect(env.data.questions.map((q: any) => [q.id, q.type])).toEqual([['q1', 'technical'], ['q2', 'behavioral'], ['q3', 'system-design']]);
    expect(env.data.questions[0]).toHaveProperty('what_interviewers_look_for');
    expect(readStore(r.home).interviews[env.meta.id].interview).toEqual(env.data);
    const prompt = fake.chatRequests()[0]!.body.messages[1].content as string;
    expect(prompt).toContain('<user_data name="candidate">');
    expect(prompt).toContain('"company": "Acme"');
  });

  it('asks in batches of five and merges the tips', async () => {
    fake.reply(jsonReply(makeInterviewBatch(4)), jsonReply(makeInterviewBatch(3, ['technical'], 5)));
    const r = await interview(['--role', 'SRE', '--type', 'technical', '--count', '7', '--json']);
    expect(r.exitCode).toBe(0);
    const env = parseEnvelope(r.stdout);
    expect(env.data.questions).toHaveLength(7);
    expect(env.data.tips).toHaveLength(2);
    expect(env.meta.calls).toBe(2);
    expect(fake.chatRequests()[1]!.body.messages[1].content).toContain('Interview question 4 (technical)?');
  });

  it('repairs a question of the wrong type', async () => {
    fake.reply(jsonReply(makeInterviewBatch(2, ['technical', 'behavioral'])), jsonReply(makeInterviewBatch(2)));
    const r = await interview(['--role', 'SRE', '--type', 'technical', '--count', '2', '--json']);
    expect(r.exitCode).toBe(0);
    expect(parseEnvelope(r.stdout).meta.attempts).toBe(2);
    expect(fake.chatRequests()[1]!.body.messages.at(-1).content).toContain('questions.1.type: is "behavioral" but every question must be "technical"');
  });

  it('repairs a behavioral model answer without STAR, and duplicates', async () => {
    const bad = makeInterviewBatch(2, ['behavioral']);
    bad.questions[0]!.model_answer = 'I would just work harder.';
    bad.questions[1]!.question = bad.questions[0]!.question;
    fake.reply(jsonReply(bad), jsonReply(makeInterviewBatch(2, ['behavioral'])));
    const r = await interview(['--role', 'PM', '--type', 'behavioral', '--count', '2', '--json']);
    expect(r.exitCode).toBe(0);
    const repair = fake.chatRequests()[1]!.body.messages.at(-1).content as string;
    expect(repair).toContain('questions[0].model_answer must follow STAR');
    expect(repair).toContain('questions[1] repeats an earlier question');
  });

  it('repairs a mixed interview that is all one type', async () => {
    fake.reply(jsonReply(makeInterviewBatch(3)), jsonReply(makeInterviewBatch(3, ['technical', 'behavioral'])));
    const r = await interview(['--role', 'SRE', '--count', '3', '--json']);
    expect(r.exitCode).toBe(0);
    expect(fake.chatRequests()[1]!.body.messages.at(-1).content).toContain('a mixed interview uses at least two');
  });

  it('prints plain text when piped', async () => {
    fake.reply(jsonReply(makeInterviewBatch(1)));
    const r = await interview(['--role', 'SRE', '--count', '1']);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toContain('SRE (mid): mixed interview, 1 question');
    expect(r.stdout).toContain('What interviewers look for:');
    expect(r.stdout).toContain('Model answer: A strong answer to question 1.');
    expect(r.stdout).not.toContain('\u001b[');
  });
});

describe('interview bad input: exit 2, nothing sent to the model', () => {
  const cases: Array<[string[], RegExp]> = [
    [[], /missing --role/],
    [['--role', 'SRE', '--type', 'coding'], /--type: /],
    [['--role', 'SRE', '--level', 'guru'], /--level: /],
    [['--role', 'SRE', '--count', '31'], /--count: must be at most 30/],
    [['--role', 'SRE', '--count', '0'], /--count: must be at least 1/],
    [['--role', 'SRE', '--count', 'many'], /--count: expected a number/],
    [['--role', 'x'.repeat(121)], /--role: must be at most 120 characters/],
    [['--role', 'SRE', '--company', ''], /--company: must not be empty/],
    [['--role', 'SRE', '--mock'], /--mock is interactive: run it in a terminal/],
    [['--resume'], /--resume is interactive: run it in a terminal/],
    [['--role', 'SRE', '--mock', '--json'], /cannot be combined with --json/],
  ];
  for (const [args, message] of cases) {
    it(`rejects ${args.join(' ') || '(no options)'}`, async () => {
      const r = await interview(args);
      expect(r.exitCode).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      if (args.includes('--json')) expect(parseEnvelope(r.stdout).error?.code).toBe('USAGE');
      else expect(r.stdout).toBe('');
      expect(fake.chatRequests()).toHaveLength(0);
    });
  }
});

describe('interview spine failures', () => {
  it('gives up with INVALID_OUTPUT when the reply is not JSON, saving nothing', async () => {
    fake.onChat(() => ({ content: 'Sure! Here are some questions:' }));
    const r = await interview(['--role', 'SRE', '--count', '1', '--json', '--retries', '1']);
    expect(r.exitCode).toBe(1);
    expect(parseEnvelope(r.stdout).error).toMatchObject({ code: 'INVALID_OUTPUT' });
    expect(readStore(r.home)?.interviews ?? {}).toEqual({});
  });

  it('says when the model is not pulled', async () => {
    const r = await interview(['--role', 'SRE', '--count', '1', '--model', 'llama9:404b']);
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toMatch(/llama9:404b/);
  });

  it('retries a stream that ends without done', async () => {
    fake.reply({ fault: 'cut', content: '{"questions": [' }, jsonReply(makeInterviewBatch(1)));
    const r = await interview(['--role', 'SRE', '--count', '1', '--json']);
    expect(r.exitCode).toBe(0);
    expect(parseEnvelope(r.stdout).meta.attempts).toBe(2);
  });
});
