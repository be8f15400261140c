// The Ink screens on the user's path: the built CLI on a real pty (util-linux `script`), CI
// removed, keys typed as bytes. Type-ahead during a model call never reaches the mock answer box;
// Ctrl-\ quits a screen (status 131, terminal mode restored); Ctrl-Z suspends it to the shell and
// `fg` brings it back drawn again, with input working.
import { describe, expect, it } from 'vitest';
import { cliCommand, type PtyRun, ptyTests } from './support/pty.js';
import { jsonReply } from './support/fixtures.js';
import { makeInterviewBatch, makeQuizBatch } from './quiz-interview-fixtures.js';

const pty = ptyTests();
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The quiz and the mock interview, each with the text its Ink screen shows once it is up. */
const screens = [
  { name: 'quiz taking', args: ['quiz', '--topic', 'SQL', '--count', '3'], reply: () => jsonReply(makeQuizBatch(3)), up: /question 1 of 3[\s\S]*Esc: stop/ },
  { name: 'mock answer box', args: ['interview', '--mock', '--role', 'SRE', '--count', '2'], reply: () => jsonReply(makeInterviewBatch(2)), up: /Question 1 of 2[\s\S]*Ctrl-S: skip/ },
];

/** The terminal's mode as `stty -a` printed it last. */
function expectCookedMode(run: PtyRun): void {
  const text = run.text();
  const modes = text.slice(text.lastIndexOf('speed'));
  for (const mode of ['icanon', 'echo', 'isig']) expect(modes).toMatch(new RegExp(`(^|\\s)${mode}(\\s|$)`));
}

describe('type-ahead while a question is being generated', () => {
  it('keys typed during the spinner never appear in the mock answer box', async () => {
    let release!: () => void;
    const replied = new Promise<void>((resolve) => (release = resolve));
    pty.fake.onChat(async () => {
      await replied;
      return jsonReply(makeInterviewBatch(1));
    });
    const run = pty.start(['interview', '--mock', '--role', 'SRE', '--count', '1'], { cols: 100, rows: 30 });
    await run.waitFor(/Preparing 1 \w+ question for SRE/);
    while (pty.fake.openModelRequests() < 1) await sleep(20);
    run.type('abc');
    await sleep(300);
    run.type('\x7f\rdef');
    await sleep(300);
    release();
    await run.waitFor(/Interview question 1 \(technical\)\?[\s\S]*\(0\/6000\)/);
    await sleep(500);
    const box = run.text().slice(run.text().lastIndexOf('Interview question 1 (technical)?'));
    expect(box).not.toMatch(/abc|def|ab▌/);
    expect(box).toContain('(0/6000)');
    // The box itself takes keys.
    run.type('xyz');
    await run.waitFor(/xyz▌[\s\S]*\(3\/6000\)/);
    run.type('\x1b');
    expect((await run.exit()).code).toBe(130);
  }, 60_000);
});

describe('Ctrl-\\ and Ctrl-Z in the Ink screens', () => {
  it.each(screens)('$name: Ctrl-\\ quits with status 131 and the terminal in its normal mode', async (s) => {
    pty.fake.onChat(s.reply);
    const run = pty.start(s.args, { cols: 120, rows: 30, after: 'stty -a' });
    await run.waitFor(s.up);
    await sleep(200);
    run.type('\x1c');
    const exit = await run.exit();
    expect(exit.code, run.text().slice(-2000)).toBe(131);
    expectCookedMode(run);
  }, 60_000);

  it.each(screens)('$name: Ctrl-Z suspends to the shell, `fg` draws the screen again and keys work', async (s) => {
    pty.fake.onChat(s.reply);
    const run = pty.startShell({ cols: 120, rows: 30 });
    await run.waitFor(/\$ $/);
    run.type(`${cliCommand(s.args)}\r`);
    await run.waitFor(s.up);
    await sleep(200);
    run.type('\x1a');
    await run.waitFor(/Stopped/);
    // While stopped the shell has the terminal in its own mode: typed text is a command line.
    run.type('echo "shell is back"\r');
    await run.waitFor(/shell is back\s/);
    const before = run.text().length;
    const beforeBytes = run.bytes().length;
    run.type('fg\r');
    const redrawn = () => run.text().slice(before);
    const deadline = Date.now() + 15_000;
    while (!s.up.test(redrawn()) && Date.now() < deadline) await sleep(50);
    expect(redrawn()).toMatch(s.up);
    // Drawn anew below the shell's lines: no cursor-up/erase over them first.
    const bytes = run.bytes().subarray(beforeBytes).toString('utf8');
    const header = s.name === 'quiz taking' ? 'question 1 of 3' : 'Question 1 of 2';
    // eslint-disable-next-line no-control-regex
    expect(bytes.slice(0, bytes.indexOf(header))).not.toMatch(/\x1b\[\d*A/);
    expect(run.text()).toContain('shell is back');
    if (s.name === 'quiz taking') {
      run.type('s');
      await run.waitFor(/Skipped\. The answer is \d\. Right answer 1/);
    } else {
      run.type('after fg');
      await run.waitFor(/after fg▌[\s\S]*\(8\/6000\)/);
    }
    run.type('\x1b');
    await run.waitFor(/Interrupted/);
    run.type('echo "status=$?"\r');
    await run.waitFor(/status=130/);
    run.type('exit\r');
    await run.exit();
  }, 60_000);
});
