// The review screens with ink-testing-library: the quiz screen in grading mode (a right answer
// rated on its feedback, handed over as the feedback closes, Esc keeps the answer on screen) and
// the flashcards (turn with Space, grade 1-4 or a/h/g/e, Esc stops). The clock is injected.
import React from 'react';
import { cleanup, render } from 'ink-testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import { QuizTaker } from '../src/ui/quiz-take.js';
import { Flashcards, type FlashGrade } from '../src/ui/flashcards.js';
import type { GivenAnswer } from '../src/core/quiz/attempts.js';
import type { QuizQuestion } from '../src/core/quiz/schema.js';
import { press, ready, shows } from './ink-keys.js';

const KEYS = { enter: '\r', esc: '\u001b', space: ' ' };

function question(n: number, correct: number): QuizQuestion {
  const options = ['Alpha', 'Bravo', 'Charlie', 'Delta'].map((o) => `${o} ${n}`);
  return { id: `q${n}`, question: `What is ${n}?`, options, correct_index: correct, explanation: `Explained ${n}.`, topic: `topic ${n}` };
}

/** A clock the test moves: each question appears at t and is answered `thinkMs` later. */
function clock() {
  let t = 1_000_000;
  return { now: () => t, advance: (ms: number) => (t += ms) };
}

afterEach(() => cleanup());

describe('the quiz screen in grading mode (quiz --review)', () => {
  async function setup(questions: QuizQuestion[]) {
    const answers: GivenAnswer[] = [];
    const c = clock();
    const app = render(<QuizTaker questions={questions} title="Review" grading now={c.now} onAnswer={(a) => answers.push(a)} />);
    await ready(app);
    return { app, answers, c };
  }

  it('offers a rating after a right answer and hands the answer over with it when the feedback closes', async () => {
    const { app, answers, c } = await setup([question(1, 2), question(2, 0)]);
    c.advance(12_000);
    await press(app, '3');
    await shows(app, 'Rate it: h hard · g good · e easy · Enter keeps Good (answered in 12 s)');
    expect(answers).toEqual([]);
    await press(app, 'h');
    await shows(app, 'question 2 of 2');
    expect(answers).toMatchObject([{ question: question(1, 2), chosen: 2, ms: 12_000, rating: 'hard' }]);
    c.advance(2_000);
    await press(app, '2');
    await shows(app, 'Graded Again: this card comes back soon.');
    // Rating keys mean nothing after a wrong answer: only continuing does.
    await press(app, 'e');
    expect(answers).toHaveLength(1);
    await press(app, KEYS.enter);
    await shows(app, 'Score: 1/2 (50%)');
    expect(answers[1]).toMatchObject({ chosen: 1, ms: 2_000 });
    expect(answers[1]!.rating).toBeUndefined();
  });

  it('suggests Easy for a quick right answer and Enter keeps it unrated (the time decides)', async () => {
    const { app, answers, c } = await setup([question(1, 0)]);
    c.advance(3_000);
    await press(app, '1');
    await shows(app, 'Enter keeps Easy (answered in 3 s)');
    await press(app, KEYS.enter);
    await shows(app, 'Score: 1/1');
    expect(answers).toMatchObject([{ chosen: 0, ms: 3_000 }]);
    expect(answers[0]!.rating).toBeUndefined();
  });

  it('Esc on the feedback still hands over the answer on screen', async () => {
    const { app, answers } = await setup([question(1, 0), question(2, 0)]);
    await press(app, 's');
    await shows(app, 'Skipped. The answer is 1. Alpha 1');
    await press(app, KEYS.esc);
    expect(answers).toMatchObject([{ chosen: null }]);
  });
});

describe('flashcards', () => {
  async function setup(cards: QuizQuestion[]) {
    const graded: FlashGrade[] = [];
    const c = clock();
    const app = render(<Flashcards cards={cards} title="Flashcards: SQL" now={c.now} onGrade={(g) => graded.push(g)} />);
    await ready(app);
    return { app, graded, c };
  }

  it('shows the question, turns on Space, grades 1-4 or a/h/g/e, and sums up', async () => {
    const { app, graded, c } = await setup([question(1, 1), question(2, 3)]);
    let frame = await shows(app, 'Flashcards: SQL · card 1 of 2 · topic 1');
    expect(frame).toContain('What is 1?');
    expect(frame).not.toContain('Answer:');
    expect(frame).not.toContain('Explained 1.');
    // Grades mean nothing before the card is turned.
    await press(app, '4');
    expect(graded).toEqual([]);
    c.advance(7_000);
    await press(app, KEYS.space);
    frame = await shows(app, 'Answer: B) Bravo 1');
    expect(frame).toContain('Explained 1.');
    expect(frame).toContain('1 Again · 2 Hard · 3 Good · 4 Easy');
    await press(app, '2');
    await shows(app, 'card 2 of 2');
    await press(app, KEYS.enter, 'a');
    frame = await shows(app, 'Graded 2 cards · 1 to see again soon');
    expect(graded.map((g) => [g.question.id, g.grade])).toEqual([['q1', 'hard'], ['q2', 'again']]);
    expect(graded[0]!.ms).toBe(7_000);
  });

  it('stops on Esc with what was graded so far', async () => {
    const { app, graded } = await setup([question(1, 1), question(2, 3)]);
    await press(app, KEYS.space, 'e', KEYS.esc);
    expect(graded.map((g) => g.grade)).toEqual(['easy']);
  });
});
