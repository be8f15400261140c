// The interview and quiz forms in a real terminal: the built CLI runs inside tmux (a TTY on both
// ends), the test types with send-keys and reads the screen with capture-pane. The model is a fake
// Ollama server in this process; CAREERFORGE_HOME is a temp dir with a config file of its own.
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readStore, runCli, tempHome } from './support/cli.js';
import { TmuxServer, type Terminal } from './support/tmux.js';
import { startFakeOllama, type FakeOllama } from './support/fake-ollama.js';
import { jsonReply } from './support/fixtures.js';
import { makeInterviewBatch } from './quiz-interview-fixtures.js';

const server = new TmuxServer('forms');
let fake: FakeOllama;
let home: string;
let term: Terminal | undefined;

beforeEach(async () => {
  fake = await startFakeOllama();
  home = tempHome();
});

afterEach(async () => {
  term?.kill();
  term = undefined;
  await fake.close();
});

afterAll(() => server.close());

/** Start `careerforge ARGS` in a 120x50 terminal. */
function start(args: string[]): void {
  term = server.start(args, { home, host: fake.host, rows: 50 });
}

const waitFor = (pattern: RegExp, timeoutMs?: number) => term!.waitFor(pattern, timeoutMs);
const keys = (...k: string[]) => term!.keys(...k);
const type = (text: string) => term!.type(text);

describe('input forms in a terminal', () => {
  it('interview with no flags: the form asks, the config role is offered, the questions appear and are saved', async () => {
    const set = await runCli(['config', 'set', 'role', 'Backend Developer'], { home });
    expect(set.exitCode, set.stderr).toBe(0);
    fake.onChat(() => jsonReply(makeInterviewBatch(3)));
    start(['interview']);
    await waitFor(/\? Role to interview for \(Backend Developer\)/);
    type('Site Reliability Engineer');
    await waitFor(/Role to interview for.*: Site Reliability Engineer/);
    keys('Enter');
    await waitFor(/❯ mid/);
    keys('Down');
    await waitFor(/❯ senior/);
    keys('Enter');
    await waitFor(/❯ mixed/);
    keys('Down');
    await waitFor(/❯ technical/);
    keys('Enter');
    await waitFor(/\? Number of questions \(1-30\) \(5\)/);
    type('3');
    keys('Enter');
    const done = await waitFor(/\[exit \d+\]/, 20_000);
    expect(done).toContain('[exit 0]');
    for (const n of [1, 2, 3]) expect(done).toContain(`Interview question ${n} (technical)?`);

    // The model was asked for what the form collected, and the store holds it under that input.
    expect(JSON.stringify(fake.chatRequests()[0]!.body.messages)).toContain('Site Reliability Engineer');
    const saved = Object.values(readStore(home).interviews) as Array<{ input: Record<string, unknown> }>;
    expect(saved).toHaveLength(1);
    expect(saved[0]!.input).toEqual({ role: 'Site Reliability Engineer', level: 'senior', type: 'technical', count: 3 });
  }, 40_000);

  it('quiz with no flags, Esc on the form: exit 130, nothing sent to the model, nothing saved', async () => {
    start(['quiz']);
    await waitFor(/\? Topic/);
    type('SQL');
    await waitFor(/Topic.*: SQL/);
    keys('Escape');
    const done = await waitFor(/\[exit \d+\]/);
    expect(done).toContain('[exit 130]');
    expect(done).toContain('Interrupted: nothing was saved.');
    expect(fake.chatRequests()).toHaveLength(0);
    expect(Object.keys(readStore(home)?.quizzes ?? {})).toHaveLength(0);
  }, 30_000);

  it('without a terminal the same commands stay usage errors (no form, no raw mode)', async () => {
    const interview = await runCli(['interview'], { host: fake.host, home });
    expect(interview.exitCode).toBe(2);
    expect(interview.stderr).toBe('careerforge: missing --role: say which job to prepare for, e.g. --role "Backend Developer"\n');
    const quiz = await runCli(['quiz'], { host: fake.host, home });
    expect(quiz.exitCode).toBe(2);
    expect(quiz.stderr).toBe('careerforge: missing --topic or --role: say what to quiz on, e.g. --topic SQL\n');
    expect(fake.chatRequests()).toHaveLength(0);
  });
});
