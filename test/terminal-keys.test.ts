// Keys as a fast typist or a paste delivers them, on a real pty (util-linux `script`, CI
// removed): several Backspaces in one read, text and a newline in one read. Every 0x7f deletes one
// character, control bytes never become text, and a pasted line ending in "\n" submits the field.
import { describe, expect, it } from 'vitest';
import { readStore } from './support/cli.js';
import { jsonReply, makeRoadmap } from './support/fixtures.js';
import { ptyTests } from './support/pty.js';

const pty = ptyTests();

describe('Backspace bursts and pastes in a form', () => {
  it('"\\x7f\\x7f" in one chunk deletes two characters; "neer\\n" pasted submits; the number field takes "8\\x7f\\x7f\\x7f2\\r" as 2', async () => {
    pty.fake.onChat(() => jsonReply(makeRoadmap(2, 10, 'Data Engineer')));
    const run = pty.start(['roadmap'], { cols: 100, rows: 40 });
    await run.waitFor(/\? Target role/, 30_000);
    run.type('Data Engixx');
    await run.waitFor(/Target role.*: Data Engixx/);
    run.type('\x7f\x7fneer\n');
    await run.waitFor(/Target role: Data Engineer/);
    await run.waitFor(/❯ beginner/);
    run.type('\r');
    await run.waitFor(/\? Skills you have/);
    run.type('\r');
    await run.waitFor(/\? Hours per week/);
    run.type('\r');
    await run.waitFor(/\? Months \(1-24\)/);
    run.type('8\x7f\x7f\x7f2\r');
    await run.waitFor(/\? Goal/);
    run.type('\r');
    const exit = await run.exit(30_000);
    expect(exit.code, run.text().slice(-2000)).toBe(0);
    expect(run.text()).not.toMatch(/expected a number/);
    const [saved] = Object.values(readStore(pty.home).roadmaps) as Array<{ input: Record<string, unknown> }>;
    expect(saved!.input).toMatchObject({ role: 'Data Engineer', months: 2 });
    expect(JSON.stringify(saved!.input)).not.toMatch(/\\u007f|\\b/);
  }, 60_000);
});
