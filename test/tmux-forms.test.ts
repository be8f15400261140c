// The interview and quiz forms in a real terminal: the built CLI runs inside tmux (a TTY on both
// ends), the test types with send-keys and reads the screen with capture-pane. The model is a fake
// Ollama server in this process; CAREERFORGE_HOME is a temp dir with a config file of its own.
import { describe, expect, it } from 'vitest';
import { readStore, runCli } from './support/cli.js';
import { terminalTests } from './support/tmux.js';
import { jsonReply } from './support/fixtures.js';
import { makeInterviewBatch } from './quiz-interview-fixtures.js';

const t = terminalTests('forms', 50);
const { waitFor, keys, type } = t;

describe('input forms in a terminal', () => {
  it('interview with no flags: the form asks, the config role is offered, the questions appear and are saved', async () => {
    const set = await runCli(['config', 'set', 'role', 'Backend Developer'], { home: t.home });
    expect(set.exitCode, set.stderr).toBe(0);
    t.fake.onChat(() => jsonReply(makeInterviewBatch(3)));
    t.start(['interview']);
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
    expect(JSON.stringify(t.fake.chatRequests()[0]!.body.messages)).toContain('Site Reliability Engineer');
    const saved = Object.values(readStore(t.home).interviews) as Array<{ input: Record<string, unknown> }>;
    expect(saved).toHaveLength(1);
    expect(saved[0]!.input).toEqual({ role: 'Site Reliability Engineer', level: 'senior', type: 'technical', count: 3 });
  }, 40_000);

  it('quiz with no flags, Esc on the form: exit 130, nothing sent to the model, nothing saved', async () => {
    t.start(['quiz']);
    await waitFor(/\? Topic/);
    type('SQL');
    await waitFor(/Topic.*: SQL/);
    keys('Escape');
    const done = await waitFor(/\[exit \d+\]/);
    expect(done).toContain('[exit 130]');
    expect(done).toContain('Interrupted: nothing was saved.');
    expect(t.fake.chatRequests()).toHaveLength(0);
    expect(Object.keys(readStore(t.home)?.quizzes ?? {})).toHaveLength(0);
  }, 30_000);

  it('without a terminal the same commands stay usage errors (no form, no raw mode)', async () => {
    const interview = await runCli(['interview'], { host: t.fake.host, home: t.home });
    expect(interview.exitCode).toBe(2);
    expect(interview.stderr).toBe('careerforge: missing --role: say which job to prepare for, e.g. --role "Backend Developer"\n');
    const quiz = await runCli(['quiz'], { host: t.fake.host, home: t.home });
    expect(quiz.exitCode).toBe(2);
    expect(quiz.stderr).toBe('careerforge: missing --topic or --role: say what to quiz on, e.g. --topic SQL\n');
    expect(t.fake.chatRequests()).toHaveLength(0);
  });
});
