// A spaced-repetition review taken in a real terminal (util-linux `script`, CI removed): the due
// cards are asked on the quiz screen, a right answer rated Easy, a wrong one graded Again, both
// rescheduled in cards.json; the card not due is neither asked nor touched. Flashcards graded
// by hand, and a review with nothing due.
import { describe, expect, it } from 'vitest';
import { parseEnvelope, runCli } from './support/cli.js';
import { readCards, seedCards } from './support/cards.js';
import { ptyTests } from './support/pty.js';

const pty = ptyTests();

describe('quiz --review on a terminal', () => {
  it('asks the 2 due cards, saves Easy and Again, and leaves nothing due', async () => {
    seedCards(pty.home, [
      { n: 1, dueInDays: -3, correct: 1 },
      { n: 2, dueInDays: -1, correct: 2 },
      { n: 3, dueInDays: 5 },
    ]);
    const before = readCards(pty.home);
    const run = pty.start(['quiz', '--review'], { cols: 100, rows: 30 });
    await run.waitFor(/Review: 2 cards due · question 1 of 2/, 30_000);
    await run.waitFor(/Card question 1\?/);
    run.type('2');
    await run.waitFor(/✔ Correct!/);
    await run.waitFor(/Rate it: h hard · g good · e easy · Enter keeps/);
    run.type('e');
    await run.waitFor(/question 2 of 2/);
    run.type('1');
    await run.waitFor(/✘ Not quite\. The answer is 3\. Charlie 2/);
    await run.waitFor(/Graded Again: this card comes back soon/);
    run.type('\r');
    await run.waitFor(/Score: 1\/2/);
    const exit = await run.exit(20_000);
    expect(exit.code, run.text().slice(-2000)).toBe(0);
    expect(run.text()).toMatch(/Rescheduled 2 cards; the first comes back on \d{4}-\d\d-\d\d\./);
    expect(run.text()).not.toContain('Card question 3?');

    const after = readCards(pty.home);
    const [one, two] = [after['zseed01:q1']!, after['zseed01:q2']!];
    expect(one.reviews.at(-1)).toMatchObject({ grade: 'easy', correct: true, source: 'review' });
    expect(two.reviews.at(-1)).toMatchObject({ grade: 'again', correct: false, source: 'review' });
    expect(two.fsrs.lapses).toBe(1);
    expect(Date.parse(one.fsrs.due)).toBeGreaterThan(Date.parse(two.fsrs.due));
    expect(Date.parse(two.fsrs.due)).toBeGreaterThan(Date.now());
    expect(after['zseed01:q3']).toEqual(before['zseed01:q3']);

    const due = await runCli(['quiz', '--due', '--json'], { home: pty.home });
    expect(parseEnvelope(due.stdout).data).toMatchObject({ due: 0, total: 3 });
  }, 60_000);
});

describe('quiz --flashcards and an empty review on a terminal', () => {
  it('shows the cards of a topic, turns them, saves the self-grades', async () => {
    seedCards(pty.home, [
      { n: 1, dueInDays: 6, topic: 'Python', correct: 3 },
      { n: 2, dueInDays: -1, topic: 'SQL' },
    ]);
    const run = pty.start(['quiz', '--flashcards', '--topic', 'python'], { cols: 100, rows: 30 });
    await run.waitFor(/Flashcards: python · card 1 of 1 · Python basics/, 30_000);
    await run.waitFor(/Space or Enter: show the answer/);
    expect(run.text()).not.toContain('Answer: D)');
    run.type(' ');
    await run.waitFor(/Answer: D\) Delta 1/);
    run.type('4');
    await run.waitFor(/Graded 1 card/);
    const exit = await run.exit(20_000);
    expect(exit.code, run.text().slice(-2000)).toBe(0);
    const cards = readCards(pty.home);
    expect(cards['zseed01:q1']!.reviews.at(-1)).toMatchObject({ grade: 'easy', source: 'flashcards' });
    expect(cards['zseed01:q1']!.reviews.at(-1)!.correct).toBeUndefined();
    expect(cards['zseed01:q2']!.reviews).toHaveLength(1);
  }, 60_000);

  it('with nothing due, --review says so and when the next card comes, exit 0', async () => {
    seedCards(pty.home, [{ n: 1, dueInDays: 3 }]);
    const run = pty.start(['quiz', '--review'], { cols: 100, rows: 30 });
    const exit = await run.exit(30_000);
    expect(exit.code, run.text().slice(-2000)).toBe(0);
    expect(run.text()).toMatch(/Nothing to review: no card is due today \(1 card; the next on \d{4}-\d\d-\d\d\)\./);
  }, 60_000);
});
