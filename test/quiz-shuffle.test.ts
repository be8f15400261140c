// The seeded option shuffle: same seed, same quiz; correct_index always follows the right answer;
// and the right answers spread over the positions instead of sticking where the model put them.
import { describe, expect, it } from 'vitest';
import { seededRandom } from '../src/core/random.js';
import { answerPositions, reshuffleForRetry, shuffleOptions } from '../src/core/quiz/shuffle.js';
import { makeQuizQuestion } from './quiz-interview-fixtures.js';

const questions = (n: number) => Array.from({ length: n }, (_, i) => makeQuizQuestion(i + 1));

describe('shuffleOptions', () => {
  it('is deterministic for a seed and differs between seeds', () => {
    const a = shuffleOptions(questions(20), 'seed-1');
    expect(shuffleOptions(questions(20), 'seed-1')).toEqual(a);
    expect(shuffleOptions(questions(20), 'seed-2').map((q) => q.options)).not.toEqual(a.map((q) => q.options));
  });

  it('keeps correct_index on the right answer and keeps every option', () => {
    for (const seed of ['a', 'b', 'c', '42']) {
      const original = questions(12);
      shuffleOptions(original, seed).forEach((q, i) => {
        expect(q.options[q.correct_index]).toBe(`Right answer ${i + 1}`);
        expect([...q.options].sort()).toEqual([...original[i]!.options].sort());
      });
    }
  });

  it('does not mutate its input', () => {
    const original = questions(3);
    const copy = structuredClone(original);
    shuffleOptions(original, 'x');
    expect(original).toEqual(copy);
  });

  it('spreads the right answers evenly although the model always put them first', () => {
    const counts = [0, 0, 0, 0];
    for (const q of shuffleOptions(questions(40), 'spread')) counts[q.correct_index]!++;
    expect(counts).toEqual([10, 10, 10, 10]);
    // Three questions get three different positions.
    for (const seed of ['1', '2', '3', '4', '5']) {
      expect(new Set(shuffleOptions(questions(3), seed).map((q) => q.correct_index)).size).toBe(3);
    }
  });

  it('varies the position of the right answer across seeds for a one-question quiz', () => {
    const seen = new Set(Array.from({ length: 40 }, (_, i) => shuffleOptions(questions(1), `s${i}`)[0]!.correct_index));
    expect(seen.size).toBe(4);
  });

  it('answerPositions deals balanced decks of positions', () => {
    const positions = answerPositions(10, 4, seededRandom('deck'));
    expect(positions).toHaveLength(10);
    expect([...positions.slice(0, 4)].sort()).toEqual([0, 1, 2, 3]);
    expect([...positions.slice(4, 8)].sort()).toEqual([0, 1, 2, 3]);
  });
});

describe('reshuffleForRetry', () => {
  const saved = () => shuffleOptions(questions(6).map((q, i) => ({ ...q, id: `q${i + 1}` })), 'saved');

  it('moves every right answer to another position, and it still scores', () => {
    for (let seed = 0; seed < 50; seed++) {
      const before = new Map(saved().map((q) => [q.id, q]));
      for (const { question, from } of reshuffleForRetry(saved(), seededRandom(seed))) {
        const original = before.get(question.id)!;
        expect(question.correct_index).not.toBe(original.correct_index);
        expect(question.options[question.correct_index]).toBe(original.options[original.correct_index]);
        // `from` maps each option on screen back to the saved question.
        expect(from.map((j) => original.options[j])).toEqual(question.options);
        expect(from[question.correct_index]).toBe(original.correct_index);
        expect([...from].sort()).toEqual([0, 1, 2, 3]);
      }
    }
  });

  it('asks the questions in a new, seeded order', () => {
    const ids = (seed: number) => reshuffleForRetry(saved(), seededRandom(seed)).map((r) => r.question.id);
    expect(ids(7)).toEqual(ids(7));
    expect([...ids(7)].sort()).toEqual(saved().map((q) => q.id).sort());
    const orders = new Set(Array.from({ length: 20 }, (_, seed) => ids(seed).join()));
    expect(orders.size).toBeGreaterThan(10);
    expect([...orders].some((order) => order !== saved().map((q) => q.id).join())).toBe(true);
  });

  it('uses every other position for the right answer across seeds, and leaves its input alone', () => {
    const input = saved();
    const copy = structuredClone(input);
    const seen = new Set(Array.from({ length: 60 }, (_, seed) => reshuffleForRetry(input, seededRandom(seed)).find((r) => r.question.id === input[0]!.id)!.question.correct_index));
    expect(seen).toEqual(new Set([0, 1, 2, 3].filter((j) => j !== input[0]!.correct_index)));
    expect(input).toEqual(copy);
  });
});
