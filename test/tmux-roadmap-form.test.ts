// The roadmap form in a real terminal: the built CLI runs inside tmux (a TTY on both ends), the
// test types into it with send-keys and reads the screen with capture-pane. The model is a fake
// Ollama server in this process; CAREERFORGE_HOME is a temp dir.
import { describe, expect, it } from 'vitest';
import { readStore, runCli } from './support/cli.js';
import { terminalTests } from './support/tmux.js';
import { jsonReply, makeRoadmap } from './support/fixtures.js';

const t = terminalTests('roadmap-form', 40);
const { waitFor, keys, type } = t;

describe('roadmap form in a terminal', () => {
  it('asks for the missing inputs, then shows and saves the generated roadmap', async () => {
    t.fake.onChat(() => jsonReply(makeRoadmap(2, 10, 'Data Engineer')));
    t.start(['roadmap']);
    await waitFor(/\? Target role/);
    type('Data Engineer');
    await waitFor(/Target role.*: Data Engineer/);
    keys('Enter');
    await waitFor(/❯ beginner/);
    keys('Down');
    await waitFor(/❯ intermediate/);
    keys('Enter');
    await waitFor(/\? Skills you have/);
    keys('Enter'); // no skills
    await waitFor(/\? Hours per week \(1-80\) \(10\)/);
    keys('Enter'); // the default
    await waitFor(/\? Months \(1-24\) \(6\)/);
    type('2');
    keys('Enter');
    await waitFor(/\? Goal/);
    keys('Enter');
    const done = await waitFor(/\[exit \d+\]/, 20_000);
    expect(done).toContain('[exit 0]');
    expect(done).toMatch(/Data Engineer — 2 months/);
    expect(done).toContain('Month 2: Month 2 topic');
    expect(done).toMatch(/saved as r[0-9a-z]{6}/);

    // The model got the answers from the form, and the store holds the plan under that input.
    expect(JSON.stringify(t.fake.chatRequests()[0]!.body.messages)).toContain('Data Engineer');
    const saved = Object.values(readStore(t.home).roadmaps) as Array<{ input: Record<string, unknown>; roadmap: { roadmap: unknown[] } }>;
    expect(saved).toHaveLength(1);
    expect(saved[0]!.input).toEqual({ role: 'Data Engineer', level: 'intermediate', skills: [], hours_per_week: 10, months: 2 });
    expect(saved[0]!.roadmap.roadmap).toHaveLength(2);
  }, 40_000);

  it.each([['Esc', 'Escape'], ['Ctrl-C', 'C-c']])('cancels with %s: exit 130, nothing sent to the model, nothing saved', async (_name, key) => {
    t.start(['roadmap', '--months', '2']);
    await waitFor(/\? Target role/);
    type('Data');
    keys(key);
    const done = await waitFor(/\[exit \d+\]/);
    expect(done).toContain('[exit 130]');
    expect(done).toContain('Interrupted: nothing was saved.');
    expect(t.fake.chatRequests()).toHaveLength(0);
    expect(Object.keys(readStore(t.home)?.roadmaps ?? {})).toHaveLength(0);
  }, 30_000);

  it('without a terminal, a missing --role is a usage error (no form, no raw mode)', async () => {
    const result = await runCli(['roadmap'], { host: t.fake.host, home: t.home });
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toBe('careerforge: missing --role: say which role to plan for, e.g. --role "Backend Developer"\n');
    expect(t.fake.chatRequests()).toHaveLength(0);
  });
});
