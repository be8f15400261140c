// What a user's terminal shows around the results, on the user's path: the built CLI on a real pty
// (util-linux `script`, CI removed). The time a person spends in a form is not the CLI's time;
// narrow terminals keep wrapped lines indented; TERM=dumb gets no DEC private modes; a locale
// without UTF-8 gets ASCII chrome; an interrupted bench says so once.
import { describe, expect, it } from 'vitest';
import { pathWithFakeGpu } from './support/bench-env.js';
import { jsonReply, makeRoadmap } from './support/fixtures.js';
import { ptyTests } from './support/pty.js';

const pty = ptyTests();
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('the time in the footer', () => {
  it('a form answered after 3 s: the footer shows the generation time only', async () => {
    pty.fake.onChat(() => jsonReply(makeRoadmap(1, 10, 'Dev')));
    const run = pty.start(['roadmap', '--months', '1', '--hours-per-week', '10', '--level', 'beginner', '--goal', 'a job'], { cols: 100, rows: 40 });
    await run.waitFor(/\? Target role/, 30_000);
    await sleep(3_000);
    run.type('Dev\r');
    await run.waitFor(/\? Skills you have/);
    run.type('\r');
    const exit = await run.exit(30_000);
    expect(exit.code, run.text().slice(-2000)).toBe(0);
    const footer = /saved as \w+ · [^\n]* · (\d+\.\d) s · \d+ tokens/.exec(run.text());
    expect(footer, run.text().slice(-1000)).not.toBeNull();
    // The fake answers at once: well under the 3 s the person took.
    expect(Number(footer![1])).toBeLessThan(2);
  }, 60_000);
});

describe('a 40-column terminal', () => {
  it('roadmap: a long task wraps under its text, a long week line keeps its indent', async () => {
    const roadmap = makeRoadmap(1, 10, 'Dev');
    roadmap.roadmap[0]!.weeks[0]!.tasks[0] = 'Read the whole official documentation on closures, prototypes and the event loop carefully';
    roadmap.roadmap[0]!.weeks[0]!.focus = 'Fundamentals of the language and its runtime model in depth';
    pty.fake.onChat(() => jsonReply(roadmap));
    const run = pty.start(['roadmap', '--role', 'Dev', '--months', '1'], { cols: 40, rows: 30, after: 'stty size' });
    const exit = await run.exit(30_000);
    expect(exit.code, run.text().slice(-2000)).toBe(0);
    const lines = run.text().split(/\r?\n/);
    expect(lines).toContain('30 40'); // it really was 40 columns wide
    const at = lines.findIndex((l) => l.startsWith('    - Read'));
    expect(lines.slice(at, at + 4)).toEqual([
      '    - Read the whole official',
      '      documentation on closures,',
      '      prototypes and the event loop',
      '      carefully',
    ]);
    const week = lines.findIndex((l) => l.startsWith('  Week 1'));
    expect(lines.slice(week, week + 3)).toEqual(['  Week 1 (8 h): Fundamentals of the', '  language and its runtime model in', '  depth']);
    const from = lines.findIndex((l) => l.startsWith('Dev'));
    for (const line of lines.slice(from)) expect(line.length, line).toBeLessThanOrEqual(40);
  }, 60_000);
});

describe('bench', () => {
  it('Ctrl-C during the run: exit 130, the interrupted line shown exactly once', async () => {
    pty.fake.onChat((req) => {
      // Prompt tests answer; the generation test never does, so Ctrl-C lands mid-run.
      if (req.body.options?.num_predict !== 1) return { fault: 'stall' };
      return { content: 'x', stats: { prompt_eval_count: 512, prompt_eval_duration: 1e9, eval_count: 1, eval_duration: 1e6 } };
    });
    const run = pty.start(['bench', '-r', '2', '--no-load'], { cols: 120, rows: 40, env: { PATH: pathWithFakeGpu() } });
    await run.waitFor(/tg128/, 30_000);
    run.type('\x03');
    const exit = await run.exit(20_000);
    expect(exit.code, run.text().slice(-2000)).toBe(130);
    const text = run.text();
    expect(text).toMatch(/\| pp512 \|/); // what finished is still shown
    expect(text.match(/Interrupted/gi) ?? [], text.slice(-2000)).toHaveLength(1);
    expect(text).toContain('careerforge: Interrupted: nothing was saved.');
  }, 60_000);
});

/** A roadmap run that opens the form (no --role), answered at once, with a spinner that draws frames. */
async function roadmapThroughForm(env: Record<string, string>) {
  pty.fake.onChat(() => ({ ...jsonReply(makeRoadmap(1, 10, 'Dev')), chunks: 20, chunkDelayMs: 40 }));
  const run = pty.start(['roadmap', '--months', '1', '--hours-per-week', '10', '--goal', 'a job', '--skills', 'Git'], { cols: 100, rows: 40, env });
  await run.waitFor(/\? Target role/, 30_000);
  run.type('Dev\r');
  await run.waitFor(/Your level/);
  run.type('\r');
  const exit = await run.exit(30_000);
  expect(exit.code, run.text().slice(-2000)).toBe(0);
  expect(run.text()).toContain('Month 1:');
  return run;
}

describe('TERM=dumb and a locale without UTF-8', () => {
  it('TERM=dumb: the form, the spinner and the view send no DEC private mode (no ESC[?...)', async () => {
    const run = await roadmapThroughForm({ TERM: 'dumb' });
    const bytes = run.bytes().toString('latin1');
    expect(bytes).toContain('Target role: Dev');
    expect(bytes).not.toContain('\x1b[?');
    // The same run on an xterm does hide the cursor: the check above can fail.
    const xterm = await roadmapThroughForm({ TERM: 'xterm-256color' });
    expect(xterm.bytes().toString('latin1')).toContain('\x1b[?25l');
  }, 90_000);

  for (const env of [{ LANG: 'C' }, { LANG: 'en_US.UTF-8', LC_ALL: 'C' }] as Array<Record<string, string>>) {
    it(`${JSON.stringify(env)}: the form, the spinner, the view and its footer are pure ASCII`, async () => {
      const run = await roadmapThroughForm(env);
      const bytes = run.bytes();
      const high = [...bytes].filter((b) => b > 0x7f);
      expect(high, run.text().slice(-1500)).toEqual([]);
      const text = run.text();
      expect(text).toContain('v Target role: Dev'); // the tick, in ASCII
      expect(text).toMatch(/Dev - 1 months/); // the title's dash
      expect(text).toMatch(/saved as \w+ - mistral/); // the footer's separator
    }, 60_000);
  }

  it('a UTF-8 locale keeps the Unicode glyphs', async () => {
    const run = await roadmapThroughForm({ LANG: 'en_US.UTF-8' });
    expect(run.text()).toContain('✔ Target role: Dev');
    expect(run.text()).toMatch(/saved as \w+ · mistral/);
  }, 60_000);
});
