// What the terminal receives, byte for byte, on the user's path: the built CLI on a real pty
// (util-linux `script`), CI removed so the spinner and the Ink views run. A 0x0 pty (cron,
// `script` from a non-terminal) must neither flood nor hang; results taller than the window must
// never clear the screen or the scrollback.
import { describe, expect, it } from 'vitest';
import { readStore, runCli } from './support/cli.js';
import { jsonReply, makeMonth, makeOutline, makeRoadmap } from './support/fixtures.js';
import { makeInterviewBatch } from './quiz-interview-fixtures.js';
import { ptyTests } from './support/pty.js';

const pty = ptyTests();

const CLEAR_SCREEN = '\x1b[2J';
const CLEAR_SCROLLBACK = '\x1b[3J';
const count = (haystack: string, needle: string) => haystack.split(needle).length - 1;

/** A roadmap reply that streams for about `ms`, so the spinner draws many frames. */
function slowRoadmap(months: number, ms: number) {
  const reply = jsonReply(makeRoadmap(months, 10, 'Dev'));
  return { ...reply, chunks: 40, chunkDelayMs: Math.ceil(ms / 40) };
}

async function saveRoadmap(months: number): Promise<string> {
  pty.fake.onChat(() => jsonReply(makeRoadmap(months, 10, 'Dev')));
  const saved = await runCli(['roadmap', '--role', 'Dev', '--months', String(months), '--json'], { host: pty.fake.host, home: pty.home });
  expect(saved.exitCode, saved.stderr).toBe(0);
  const doc = JSON.parse(saved.stdout);
  return (doc.meta.id ?? doc.data.id) as string;
}

describe('a 0x0 pty', () => {
  it('roadmap: the spinner runs without flooding, the plan is printed, exit 0', async () => {
    pty.fake.onChat(() => slowRoadmap(3, 1_500));
    const run = pty.start(['roadmap', '--role', 'Dev', '--months', '3'], { after: 'stty size' });
    const exit = await run.exit(30_000);
    const bytes = run.bytes().toString('utf8');
    expect(exit.code, run.text().slice(-2000)).toBe(0);
    expect(run.text()).toMatch(/^0 0\s*$/m); // it really was a 0x0 terminal
    expect(run.text()).toContain('Month 3:');
    // ~20 spinner frames in 1.5 s: a few KB. The bug wrote megabytes of cursor-up codes.
    expect(bytes.length).toBeLessThan(100_000);
    expect(count(bytes, '\x1b[1A')).toBeLessThan(100);
    expect(bytes).not.toContain(CLEAR_SCREEN);
    expect(Object.keys(readStore(pty.home).roadmaps)).toHaveLength(1);
  }, 60_000);

  it('Ctrl-C still interrupts at once: the event loop is never blocked', async () => {
    pty.fake.onChat(() => ({ fault: 'stall' }));
    const run = pty.start(['roadmap', '--role', 'Dev']);
    await run.waitFor(/Planning 6 months for Dev/, 30_000);
    const pressed = Date.now();
    run.type('\x03');
    const exit = await run.exit();
    expect(exit.code).toBe(130);
    expect(exit.at - pressed).toBeLessThan(2_000);
    expect(run.bytes().length).toBeLessThan(100_000);
  }, 60_000);
});

describe('long views in a small terminal (80x10) never erase the scrollback', () => {
  const small = { cols: 80, rows: 10 };

  it('a 6-month plan: written once as plain lines, no clear codes', async () => {
    pty.fake.onChat(() => jsonReply(makeRoadmap(6, 10, 'Dev')));
    const run = pty.start(['roadmap', '--role', 'Dev', '--months', '6'], small);
    const exit = await run.exit(30_000);
    const bytes = run.bytes().toString('utf8');
    expect(exit.code, run.text().slice(-2000)).toBe(0);
    expect(bytes).not.toContain(CLEAR_SCREEN);
    expect(bytes).not.toContain(CLEAR_SCROLLBACK);
    // Each month once: nothing was repainted.
    for (let m = 1; m <= 6; m++) expect(count(run.text(), `Month ${m}:`)).toBe(1);
  }, 60_000);

  it('progress and progress show ID: no clear codes, every line once', async () => {
    const id = await saveRoadmap(6);
    await saveRoadmap(2);
    for (const args of [['progress'], ['progress', 'show', id]]) {
      const run = pty.start(args, small);
      const exit = await run.exit(30_000);
      const bytes = run.bytes().toString('utf8');
      expect(exit.code, run.text().slice(-2000)).toBe(0);
      expect(bytes).not.toContain(CLEAR_SCREEN);
      expect(bytes).not.toContain(CLEAR_SCROLLBACK);
      expect(run.text().split('\n').length).toBeGreaterThan(args.length > 1 ? 10 : 2);
      if (args.length > 1) for (let m = 1; m <= 6; m++) expect(count(run.text(), `Week ${m}.1 `)).toBe(1);
    }
  }, 60_000);

  it('the interview question list: no clear codes, each question once', async () => {
    // Asked in batches of 4: each reply answers its batch.
    pty.fake.onChat((_req, index) => jsonReply(makeInterviewBatch(4, ['technical'], index * 4 + 1)));
    const run = pty.start(['interview', '--role', 'Dev', '--type', 'technical', '--count', '12'], small);
    const exit = await run.exit(30_000);
    const bytes = run.bytes().toString('utf8');
    expect(exit.code, run.text().slice(-2000)).toBe(0);
    expect(bytes).not.toContain(CLEAR_SCREEN);
    expect(bytes).not.toContain(CLEAR_SCROLLBACK);
    for (let n = 1; n <= 12; n++) expect(count(run.text(), `Interview question ${n} (technical)?`)).toBe(1);
  }, 60_000);
});

describe('progressive output on a real terminal', () => {
  it('shows the head and the first months while later months are still being written', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    pty.fake.onChat(async (req) => {
      const props = req.body.format.properties;
      if ('months' in props) return jsonReply(makeOutline(12, 'Dev'));
      const n = props.month.const as number;
      if (n === 12) await gate;
      return jsonReply(makeMonth(n));
    });
    const run = pty.start(['roadmap', '--role', 'Dev', '--months', '12']);
    await run.waitFor(/Month 11: Month 11 topic/, 30_000);
    expect(run.text()).toContain('Dev — 12 months');
    expect(run.text()).not.toContain('Month 12: Month 12 topic');
    release();
    const exit = await run.exit(30_000);
    expect(exit.code, run.text().slice(-2000)).toBe(0);
    const text = run.text();
    expect(text.indexOf('Month 11: Month 11 topic')).toBeLessThan(text.indexOf('Month 12: Month 12 topic'));
    expect(text).toMatch(/saved as r[0-9a-z]{6}/);
    expect(run.bytes().toString('utf8')).not.toContain(CLEAR_SCROLLBACK);
  }, 60_000);

  it('a plan made in one call: the head and month 1 while month 2 is still streaming', async () => {
    const text = JSON.stringify(makeRoadmap(3, 10, 'Dev'));
    const cut = text.indexOf('"month":2') + 12;
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    async function* pieces() {
      for (let i = 0; i < cut; i += 30) yield text.slice(i, Math.min(i + 30, cut));
      await gate;
      for (let i = cut; i < text.length; i += 30) yield text.slice(i, i + 30);
    }
    pty.fake.onChat(() => ({ paced: { pieces: pieces(), stats: () => ({}) } }));
    const run = pty.start(['roadmap', '--role', 'Dev', '--months', '3']);
    await run.waitFor(/Checkpoint: Checkpoint 1/, 30_000);
    expect(run.text()).toContain('Dev — 3 months');
    expect(run.text()).not.toContain('Month 2: Month 2 topic');
    expect(pty.fake.chatRequests()).toHaveLength(1);
    release();
    const exit = await run.exit(30_000);
    expect(exit.code, run.text().slice(-2000)).toBe(0);
    const text2 = run.text();
    expect(count(text2, 'Month 1: Month 1 topic')).toBe(1);
    expect(text2.indexOf('Month 1: Month 1 topic')).toBeLessThan(text2.indexOf('Month 3: Month 3 topic'));
    expect(text2).toMatch(/Outcome: Ready to apply[\s\S]*saved as r[0-9a-z]{6}/);
    expect(run.bytes().toString('utf8')).not.toContain(CLEAR_SCROLLBACK);
  }, 60_000);
});
