// Spaced repetition through the built CLI (bin/careerforge.js): `quiz --due` (--json and piped),
// `progress` with its due line, and the interactive modes refused without a terminal (exit 2,
// at once, stdin never read). Bad cards and bad settings in-process.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseEnvelope, runCli, tempHome } from './support/cli.js';
import { runInProcess } from './support/in-process.js';
import { readCards, seedCards } from './support/cards.js';

function seeded(): string {
  const home = tempHome();
  seedCards(home, [
    { n: 1, dueInDays: -2 },
    { n: 2, dueInDays: -0.5, topic: 'Python' },
    { n: 3, dueInDays: 4 },
  ]);
  return home;
}

describe('quiz --due (built CLI)', () => {
  it('--json counts the cards due today, by topic, with the next date', async () => {
    const home = seeded();
    const r = await runCli(['quiz', '--due', '--json'], { home });
    expect(r.exitCode, r.stderr).toBe(0);
    expect(r.stderr).toBe('');
    const env = parseEnvelope(r.stdout);
    expect(env.success).toBe(true);
    expect(env.data).toMatchObject({ due: 2, total: 3 });
    expect(env.data.next_due.slice(0, 10)).toBe(readCards(home)['zseed01:q3']!.fsrs.due.slice(0, 10));
    expect(env.data.topics).toEqual([
      { topic: 'Python', due: 1, total: 1 },
      { topic: 'SQL', due: 1, total: 2 },
    ]);
    expect(env.meta).toBeTypeOf('object');
  });

  it('piped, says how many and what to run; --topic narrows it', async () => {
    const home = seeded();
    const r = await runCli(['quiz', '--due', '--topic', 'sql'], { home });
    expect(r.exitCode, r.stderr).toBe(0);
    expect(r.stdout).toBe('1 card due today (of 2): careerforge quiz --review\n  SQL  1 due of 2\n');
    expect(r.stdout).not.toContain('\u001b');
  });

  it('with no cards at all, says where they come from', async () => {
    const r = await runCli(['quiz', '--due', '--json']);
    expect(r.exitCode).toBe(0);
    expect(parseEnvelope(r.stdout).data).toEqual({ due: 0, total: 0, next_due: null, topics: [] });
  });
});

describe('progress shows the cards due', () => {
  it('as a line after the roadmaps, and as data.review in --json', async () => {
    const home = seeded();
    const text = await runCli(['progress'], { home });
    expect(text.exitCode, text.stderr).toBe(0);
    expect(text.stdout).toMatch(/^No saved roadmaps yet.*\n2 cards due today \(of 3\): careerforge quiz --review\n$/);
    const json = await runCli(['progress', '--json'], { home });
    expect(parseEnvelope(json.stdout).data).toMatchObject({ roadmaps: [], review: { due: 2, total: 3 } });
  });
});

describe('interactive modes without a terminal', () => {
  it('quiz --review piped is a usage error at once, stdin never read', async () => {
    const home = seeded();
    const before = fs.readFileSync(path.join(home, 'cards.json'));
    const r = await runCli(['quiz', '--review'], { home, input: '2\n' });
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toMatch(/^careerforge: --review is interactive: run it in a terminal/m);
    expect(r.stdout).toBe('');
    expect(fs.readFileSync(path.join(home, 'cards.json'))).toEqual(before);
  });

  it('--review --json and --flashcards piped are usage errors too; modes do not combine', async () => {
    const home = seeded();
    const json = await runInProcess(['quiz', '--review', '--json'], { home });
    expect(json.exitCode).toBe(2);
    expect(parseEnvelope(json.stdout)).toMatchObject({ success: false, error: { code: 'USAGE', message: expect.stringMatching(/--review is interactive and cannot be combined with --json/) } });
    const flash = await runInProcess(['quiz', '--flashcards', '--topic', 'SQL'], { home });
    expect([flash.exitCode, flash.stderr]).toEqual([2, expect.stringMatching(/--flashcards is interactive/)]);
    const both = await runInProcess(['quiz', '--due', '--review'], { home });
    expect([both.exitCode, both.stderr]).toEqual([2, expect.stringMatching(/--review and --due cannot be combined/)]);
    const history = await runInProcess(['quiz', '--due', '--history'], { home });
    expect([history.exitCode, history.stderr]).toEqual([2, expect.stringMatching(/--due and --history cannot be combined/)]);
  });
});

describe('bad data and settings', () => {
  it('a broken card is reported and left as it is; the others still count', async () => {
    const home = tempHome();
    seedCards(home, [{ n: 1, dueInDays: -1 }], { 'zseed01:q7': { id: 'zseed01:q7', fsrs: 'soon' } });
    const r = await runInProcess(['quiz', '--due', '--json'], { home });
    expect(r.exitCode).toBe(0);
    expect(parseEnvelope(r.stdout).data).toMatchObject({ due: 1, total: 1 });
    expect(r.stderr).toMatch(/warning: .*cards\.json: 1 card left as it is and not asked \(zseed01:q7: /);
    expect(readCards(home)['zseed01:q7']).toEqual({ id: 'zseed01:q7', fsrs: 'soon' });
  });

  it('--retention out of range, or from the environment, is exit 2 naming its source', async () => {
    const flag = await runInProcess(['quiz', '--due', '--retention', '1.2']);
    expect([flag.exitCode, flag.stderr]).toEqual([2, expect.stringMatching(/--retention: .*0\.99/)]);
    const env = await runInProcess(['quiz', '--due'], { env: { CAREERFORGE_RETENTION: 'lots' } });
    expect([env.exitCode, env.stderr]).toEqual([2, expect.stringMatching(/CAREERFORGE_RETENTION: expected a number, got "lots"/)]);
  });
});
