// One renderer per static view (issue 8): the text renderers are what a terminal shows too, coloured
// and wrapped to its width; pipes get the same lines unwrapped and without escape codes. In process
// (runCli with captured streams), so each case costs milliseconds.
import { describe, expect, it } from 'vitest';
import stripAnsi from 'strip-ansi';
import { wrapText } from '../../src/render/wrap.js';
import { runInProcess } from '../support/in-process.js';
import { jsonReply, makeRoadmap } from '../support/fixtures.js';
import { useFake } from '../support/spine.js';

const fake = useFake();
const ESC = '\u001b';
const LONG_TASK = 'Build a small REST service with authentication, pagination, rate limiting and a test suite that runs in CI on every push';

function longPlan() {
  const plan = makeRoadmap(1);
  plan.roadmap[0]!.weeks[0]!.tasks[0] = LONG_TASK;
  return plan;
}

describe('wrapText', () => {
  it('wraps a long bullet under its own text (hanging indent) and leaves short lines alone', () => {
    const text = `Title\n    - ${LONG_TASK}\n`;
    const wrapped = wrapText(text, 40).split('\n');
    expect(wrapped[0]).toBe('Title');
    // The first row is wrapped at the hanging width too, so every row fits.
    expect(wrapped[1]).toBe('    - Build a small REST service');
    for (const row of wrapped.slice(2, -1)) expect(row).toMatch(/^ {6}\S/);
    expect(wrapped.every((row) => row.length <= 40)).toBe(true);
    expect(wrapped.slice(1).join(' ').replace(/\s+/g, ' ').trim()).toBe(`- ${LONG_TASK}`);
  });

  it('keeps colour codes intact and does not count them as width', () => {
    const line = `\u001b[32m    [x] 1.1.1 ${LONG_TASK}\u001b[39m`;
    const rows = wrapText(line, 50).split('\n');
    expect(rows.length).toBeGreaterThan(1);
    for (const row of rows) expect(stripAnsi(row).length).toBeLessThanOrEqual(50);
    expect(rows.slice(1).every((row) => stripAnsi(row).startsWith(' '.repeat(14)))).toBe(true);
  });

  it('leaves text alone when the width is unknown (0) or absurdly small', () => {
    const text = `    - ${LONG_TASK}`;
    expect(wrapText(text, 0)).toBe(text);
    expect(wrapText(text, undefined)).toBe(text);
    expect(wrapText(text, 10)).toBe(text);
  });

  it('wraps flush when the indent would take more than half the width', () => {
    const rows = wrapText(`${' '.repeat(30)}${LONG_TASK}`, 50).split('\n');
    expect(rows.slice(1).every((row) => !row.startsWith(' '))).toBe(true);
  });
});

describe('a static result on a terminal and through a pipe is the same view', () => {
  it('roadmap: coloured and wrapped to 60 columns on a terminal; the same words, unwrapped and plain, when piped', async () => {
    fake().reply(jsonReply(longPlan()), jsonReply(longPlan()));
    const args = ['roadmap', '--role', 'Backend Developer', '--months', '1'];
    const tty = await runInProcess(args, { host: fake().host, tty: { columns: 60 } });
    const piped = await runInProcess(args, { host: fake().host });
    expect(tty.exitCode, tty.stderr).toBe(0);
    expect(piped.exitCode, piped.stderr).toBe(0);
    expect(tty.stdout).toContain(`${ESC}[1m`);
    expect(piped.stdout).not.toContain(ESC);
    const screen = stripAnsi(tty.stdout).split('\n');
    expect(screen.every((row) => row.length <= 60)).toBe(true);
    expect(piped.stdout).toContain(`    - ${LONG_TASK}\n`);
    const unwrap = (text: string) => text.replace(/\s+/g, ' ').replace(/saved as \S+ · .*$/, '');
    expect(unwrap(stripAnsi(tty.stdout))).toBe(unwrap(piped.stdout));
    // Written once: no cursor movement, no screen or scrollback clearing.
    // eslint-disable-next-line no-control-regex
    expect(tty.stdout).not.toMatch(/\u001b\[\d*[ABJK]|\u001b\[2J|\u001b\[3J/);
  });

  it('NO_COLOR keeps the terminal view plain but still wrapped', async () => {
    fake().reply(jsonReply(longPlan()));
    const r = await runInProcess(['roadmap', '--role', 'Backend Developer', '--months', '1'], { host: fake().host, tty: { columns: 60 }, env: { NO_COLOR: '1' } });
    expect(r.exitCode, r.stderr).toBe(0);
    expect(r.stdout).not.toContain(ESC);
    expect(r.stdout.split('\n').every((row) => row.length <= 60)).toBe(true);
  });

  it('health: the failing report is the same text on a terminal, with the fix under the failed check', async () => {
    const r = await runInProcess(['health'], { tty: { columns: 100 }, env: { NO_COLOR: '1' } });
    expect(r.exitCode).toBe(1);
    expect(r.stdout).toMatch(/^FAIL {2}Server/m);
    expect(r.stdout).toMatch(/^ {6}fix: /m);
    expect(r.stderr).toMatch(/^careerforge: /);
  });
});
