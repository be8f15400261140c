// What a user's terminal shows around the results, on the user's path: the built CLI on a real pty
// (util-linux `script`, CI removed). The time a person spends in a form is not the CLI's time;
// narrow terminals keep wrapped lines indented; TERM=dumb gets no DEC private modes; a locale
// without UTF-8 gets ASCII chrome; an interrupted bench says so once.
import { describe, expect, it } from 'vitest';
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
