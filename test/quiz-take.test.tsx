// The quiz component with ink-testing-library: number keys and arrows to answer, skipping,
// feedback with the explanation, the score with a review of mistakes, Esc to stop.
import React from 'react';
import { render } from 'ink-testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup } from 'ink-testing-library';
import { QuizTaker } from '../src/ui/quiz-take.js';
import type { GivenAnswer } from '../src/core/quiz/attempts.js';
import type { QuizQuestion } from '../src/core/quiz/schema.js';
import { press as pressKeys, ready, shows } from './ink-keys.js';

const KEYS = { down: '\u001b[B', up: '\u001b[A', enter: '\r', esc: '\u001b' };

function question(n: number, correct: number): QuizQuestion {
  const options = ['Alpha', 'Bravo', 'Charlie', 'Delta'].map((o) => `${o} ${n}`);
  return { id: `q${n}`, question: `What is ${n}?`, options, correct_index: correct, explanation: `Explained ${n}.`, topic: `topic ${n}` };
}

async function setup(questions: QuizQuestion[]) {
  const answers: GivenAnswer[] = [];
  const app = render(<QuizTaker questions={questions} title="SQL" onAnswer={(a) => answers.push(a)} />);
  await ready(app);
  const press = (...keys: string[]) => pressKeys(app, ...keys);
  return { app, answers, press };
}

afterEach(() => cleanup());

describe('QuizTaker', () => {
  it('shows a question with numbered options and the keys', async () => {
    const { app } = await setup([question(1, 2)]);
    const frame = app.lastFrame()!;
    expect(frame).toContain('SQL · question 1 of 1 · topic 1');
    expect(frame).toContain('What is 1?');
    expect(frame).toMatch(/❯ 1\. Alpha 1/);
    expect(frame).toContain('4. Delta 1');
    expect(frame).toContain('s: skip');
  });

  it('answers with a number key, shows feedback with the explanation, and scores', async () => {
    const { app, answers, press } = await setup([question(1, 2), question(2, 0)]);
    await press('3');
    await shows(app, '✔ Correct!');
    await shows(app, 'Explained 1.');
    expect(answers).toMatchObject([{ question: question(1, 2), chosen: 2 }]);
    await press(KEYS.enter, '2');
    await shows(app, '✘ Not quite. The answer is 1. Alpha 2');
    await press(KEYS.enter);
    const frame = await shows(app, 'Score: 1/2 (50%)');
    expect(frame).toContain('Review of mistakes');
    expect(frame).toContain('you: 2. Bravo 2 · answer: 1. Alpha 2');
    expect(frame).not.toContain('What is 1?');
  });

  it('moves with the arrows and answers with Enter', async () => {
    const { app, answers, press } = await setup([question(1, 1)]);
    await press(KEYS.down, KEYS.down, KEYS.up);
    await shows(app, /❯ 2\. Bravo 1/);
    await press(KEYS.up, KEYS.up);
    await shows(app, /❯ 4\. Delta 1/);
    await press(KEYS.down, KEYS.down, KEYS.enter);
    expect(answers[0]!.chosen).toBe(1);
    await shows(app, '✔ Correct!');
  });

  it('skips a question, shows the answer, and counts it as skipped', async () => {
    const { app, answers, press } = await setup([question(1, 3)]);
    await press('s');
    await shows(app, 'Skipped. The answer is 4. Delta 1');
    expect(answers).toMatchObject([{ question: question(1, 3), chosen: null }]);
    await press(KEYS.enter);
    await shows(app, 'Score: 0/1 (0%) · 1 skipped');
    await shows(app, 'you: skipped');
  });

  it('ignores keys that are not answers', async () => {
    const { app, answers, press } = await setup([question(1, 0)]);
    await press('9', 'x', '0');
    expect(answers).toEqual([]);
    await shows(app, 'What is 1?');
  });

  it('stops on Esc without answering further', async () => {
    const { app, answers, press } = await setup([question(1, 0), question(2, 0)]);
    await press('1', KEYS.enter);
    await press(KEYS.esc);
    app.stdin.write('1');
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(answers).toHaveLength(1);
    expect(app.lastFrame()).not.toContain('Score:');
  });
});
