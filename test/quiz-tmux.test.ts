// Taking a quiz in a real terminal: the built CLI runs inside tmux (a TTY on both ends), the test
// answers with send-keys after reading the options off the screen with capture-pane (their order
// is shuffled), then checks the score on screen and the attempt saved in the store.
import { describe, expect, it } from 'vitest';
import { readStore } from './support/cli.js';
import { terminalTests } from './support/tmux.js';
import { jsonReply } from './support/fixtures.js';
import { makeQuizBatch } from './quiz-interview-fixtures.js';
import { readCards } from './support/cards.js';

const t = terminalTests('quiz', 40);
const { waitFor, keys } = t;

/** The number shown before an option on the current question. */
function numberOf(text: string, option: string): string {
  const match = new RegExp(`(\\d)\\. ${option}\\s*$`, 'm').exec(text.split('question').at(-1)!);
  if (!match) throw new Error(`option "${option}" not on screen:\n${text}`);
  return match[1]!;
}

describe('quiz in a terminal', () => {
  it('takes a three-question quiz: right, wrong, skipped; shows and saves the score', async () => {
    t.fake.onChat(() => jsonReply(makeQuizBatch(3)));
    t.start(['quiz', '--topic', 'SQL', '--count', '3']);

    let text = await waitFor(/question 1 of 3[\s\S]*4\. /);
    keys(numberOf(text, 'Right answer 1'));
    await waitFor(/✔ Correct!/);
    keys('Enter');
    text = await waitFor(/question 2 of 3[\s\S]*4\. /);
    // Feedback names the options by the numbers shown beside them.
    const right2 = numberOf(text, 'Right answer 2');
    const wrong2 = numberOf(text, 'Wrong answer 2a');
    keys(wrong2);
    await waitFor(new RegExp(`✘ Not quite\\. The answer is ${right2}\\. Right answer 2`));
    keys('Enter');
    await waitFor(/question 3 of 3/);
    keys('s');
    await waitFor(/Skipped\. The answer is/);
    keys('Enter');
    const done = await waitFor(/\[exit \d+\]/);
    expect(done).toContain('[exit 0]');
    expect(done).toContain('Score: 1/3 (33%) · 1 skipped');
    expect(done).toContain('Review of mistakes');
    expect(done).toContain(`you: ${wrong2}. Wrong answer 2a · answer: ${right2}. Right answer 2`);

    const store = readStore(t.home);
    const [attempt] = Object.values(store.quiz_attempts) as any[];
    expect(attempt).toMatchObject({ topic: 'SQL', status: 'completed', score: { correct: 1, total: 3, skipped: 1, percent: 33 } });
    expect(attempt.answers.map((a: any) => [a.question_id, a.correct, a.topic])).toEqual([['q1', true, 'SQL joins'], ['q2', false, 'SQL joins'], ['q3', false, 'SQL joins']]);
    expect(attempt.answers[2].chosen_index).toBeNull();
    expect(store.quizzes[attempt.quiz_id].quiz.questions).toHaveLength(3);
    // Every answer became a spaced-repetition card: the wrong and the skipped one graded Again.
    const cards = Object.values(readCards(t.home));
    expect(cards.map((c) => [c.id, c.reviews[0]!.grade === 'again', c.reviews[0]!.source])).toEqual([
      [`${attempt.quiz_id}:q1`, false, 'quiz'], [`${attempt.quiz_id}:q2`, true, 'quiz'], [`${attempt.quiz_id}:q3`, true, 'quiz'],
    ]);
  }, 40_000);

  it('--retry-mistakes asks the missed questions with each right answer in another place; right still scores', async () => {
    t.fake.onChat(() => jsonReply(makeQuizBatch(3)));
    const first = t.start(['quiz', '--topic', 'SQL', '--count', '3']);
    const before: Record<string, string> = {};
    for (const n of [1, 2, 3]) {
      const text = await waitFor(new RegExp(`question ${n} of 3[\\s\\S]*4\\. `));
      before[n] = numberOf(text, `Right answer ${n}`);
      keys(numberOf(text, n === 1 ? 'Right answer 1' : `Wrong answer ${n}a`));
      await waitFor(n === 1 ? /✔ Correct!/ : new RegExp(`The answer is ${before[n]}\\. Right answer ${n}`));
      keys('Enter');
    }
    expect(await waitFor(/\[exit \d+\]/)).toContain('Score: 1/3 (33%)');
    first.kill();

    t.start(['quiz', '--retry-mistakes']);
    const asked: number[] = [];
    for (const n of [1, 2]) {
      const text = await waitFor(new RegExp(`retrying 2 missed · question ${n} of 2[\\s\\S]*4\\. `));
      const q = Number(/Question number (\d) about/.exec(text.split('question').at(-1)!)![1]);
      asked.push(q);
      const now = numberOf(text, `Right answer ${q}`);
      expect(now).not.toBe(before[q]);
      keys(now);
      await waitFor(/✔ Correct!/);
      keys('Enter');
    }
    expect(asked.sort()).toEqual([2, 3]);
    const done = await waitFor(/\[exit \d+\]/);
    expect(done).toContain('[exit 0]');
    expect(done).toContain('Score: 2/2 (100%)');

    // Saved against the quiz as stored: the chosen index is the stored right answer's.
    const store = readStore(t.home);
    const retry = (Object.values(store.quiz_attempts) as any[]).find((a) => a.question_ids.length === 2);
    const saved = store.quizzes[retry.quiz_id].quiz.questions as any[];
    expect(retry.score).toMatchObject({ correct: 2, total: 2 });
    for (const answer of retry.answers) {
      expect(answer.correct).toBe(true);
      expect(answer.chosen_index).toBe(saved.find((q) => q.id === answer.question_id).correct_index);
    }
  }, 60_000);
});
