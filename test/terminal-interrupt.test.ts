// Ctrl-C, Ctrl-\ and Ctrl-Z while a model call runs, on the user's path: the built CLI on a real
// pty (util-linux `script`), CI removed so the spinner runs and holds stdin in raw mode, the keys
// typed as bytes on the terminal. The fake Ollama never answers (a stalled stream), so only the
// interrupt can end each run.
import { describe, expect, it } from 'vitest';
import { readStore } from './support/cli.js';
import { cliCommand, type PtyRun, ptyTests } from './support/pty.js';

const pty = ptyTests((fake) => fake.onChat(() => ({ fault: 'stall' })));

/** Resolves once the CLI has a model request open and its spinner on the terminal. */
async function untilWaitingOnModel(term: PtyRun, spinnerText: RegExp): Promise<void> {
  await term.waitFor(spinnerText, 30_000);
  const deadline = Date.now() + 30_000;
  while (pty.fake.openModelRequests() < 1) {
    if (Date.now() > deadline) throw new Error(`no model request open; output:\n${term.text().slice(-2000)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function untilClosed(): Promise<number> {
  const deadline = Date.now() + 5_000;
  while (pty.fake.openModelRequests() > 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
  return pty.fake.openModelRequests();
}

const storeCounts = () => {
  const store = readStore(pty.home) ?? {};
  return ['roadmaps', 'skills', 'quizzes', 'interviews'].map((kind) => Object.keys(store[kind] ?? {}).length);
};

// Every long-running command: the label its spinner shows while the model call runs.
const commands: Array<{ name: string; args: string[]; spinner: RegExp; pipe?: string; requests?: number }> = [
  { name: 'roadmap', args: ['roadmap', '--role', 'Dev'], spinner: /Planning 6 months for Dev/ },
  { name: 'roadmap | cat', args: ['roadmap', '--role', 'Dev'], spinner: /Planning 6 months for Dev/, pipe: '| cat' },
  { name: 'skills', args: ['skills', '--role', 'Dev', '--skills', 'Go,SQL'], spinner: /Assessing your skills for Dev/ },
  { name: 'quiz', args: ['quiz', '--topic', 'SQL', '--count', '3'], spinner: /SQL/ },
  { name: 'interview', args: ['interview', '--role', 'Dev', '--count', '3'], spinner: /Dev/ },
  { name: 'interview --mock (question generation)', args: ['interview', '--mock', '--role', 'Dev', '--count', '3'], spinner: /Dev/ },
  { name: 'bench', args: ['bench', '--repetitions', '1'], spinner: /bench: .*warm-up/ },
];

describe('Ctrl-C while a model call runs on a terminal', () => {
  it.each(commands)('$name: stops within 2 s, exit 130, every request aborted, nothing saved, terminal mode restored', async (c) => {
    const run = pty.start(c.args, { cols: 100, rows: 30, pipe: c.pipe, after: 'stty -a' });
    await untilWaitingOnModel(run, c.spinner);
    const pressed = Date.now();
    run.type('\x03');
    const exit = await run.exit();
    expect(exit.code, run.text()).toBe(130);
    expect(exit.at - pressed).toBeLessThan(2_000);
    const text = run.text();
    expect(text).toMatch(/Interrupted/);
    expect(text).not.toContain('interrupted again');
    expect(await untilClosed()).toBe(0);
    expect(storeCounts()).toEqual([0, 0, 0, 0]);
    // `stty -a` ran after the CLI in the same terminal: line editing, echo and signals are back.
    const modes = text.slice(text.lastIndexOf('speed'));
    for (const mode of ['icanon', 'echo', 'isig']) expect(modes).toMatch(new RegExp(`(^|\\s)${mode}(\\s|$)`));
  }, 60_000);

  it('two Ctrl-C at once: the second forces the exit instead of waiting for the first', async () => {
    const run = pty.start(['roadmap', '--role', 'Dev'], { cols: 100, rows: 30 });
    await untilWaitingOnModel(run, /Planning/);
    run.type('\x03\x03');
    const exit = await run.exit();
    expect(exit.code).toBe(130);
    expect(run.text()).toContain('careerforge: interrupted again: exiting now.');
  }, 60_000);

  it('Ctrl-\\ quits (SIGQUIT, status 131) and leaves the terminal in its normal mode', async () => {
    const run = pty.start(['roadmap', '--role', 'Dev'], { cols: 100, rows: 30, after: 'stty -a' });
    await untilWaitingOnModel(run, /Planning/);
    run.type('\x1c');
    const exit = await run.exit();
    expect(exit.code).toBe(131);
    const text = run.text();
    const modes = text.slice(text.lastIndexOf('speed'));
    for (const mode of ['icanon', 'echo', 'isig']) expect(modes).toMatch(new RegExp(`(^|\\s)${mode}(\\s|$)`));
    expect(storeCounts()).toEqual([0, 0, 0, 0]);
  }, 60_000);

  it('Ctrl-Z suspends to the shell (job control), `fg` resumes the spinner, Ctrl-C then still interrupts', async () => {
    const run = pty.startShell({ cols: 100, rows: 30 });
    await run.waitFor(/\$ $/);
    run.type(`${cliCommand(['roadmap', '--role', 'Dev'])}\r`);
    await untilWaitingOnModel(run, /Planning 6 months for Dev/);
    run.type('\x1a');
    await run.waitFor(/Stopped/);
    // While stopped the shell has the terminal in its own mode: typed text is a command line.
    run.type('echo "shell is back"\r');
    await run.waitFor(/shell is back\s/);
    const before = run.text().length;
    run.type('fg\r');
    await run.waitFor(/fg[\s\S]*Planning 6 months for Dev/);
    // Wait for a fresh spinner frame after fg, then interrupt.
    const deadline = Date.now() + 20_000;
    while (!/Planning/.test(run.text().slice(before + 10)) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    run.type('\x03');
    await run.waitFor(/Interrupted: nothing was saved\./);
    run.type('echo "status=$?"\r');
    await run.waitFor(/status=130/);
    run.type('exit\r');
    await run.exit();
    expect(storeCounts()).toEqual([0, 0, 0, 0]);
  }, 60_000);
});
