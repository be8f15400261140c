// Seeded option shuffling for quizzes. Models put the right answer at the same index far too
// often (usually the first), so after generation every question's options are reordered. The
// positions of the right answers are dealt from a shuffled deck of 0..3 repeated, which spreads
// them evenly over a quiz (three questions get three different positions) instead of leaving it to
// chance; the other options fill the remaining slots in a seeded order. The same seed always gives
// the same quiz, and correct_index always follows the right answer.
import { seededRandom, shuffled, type Random } from '../random.js';

export interface Shuffleable {
  options: string[];
  correct_index: number;
}

/** Where each question's right answer goes: balanced over the positions, in a seeded order. */
export function answerPositions(count: number, optionCount: number, random: Random): number[] {
  const positions: number[] = [];
  while (positions.length < count) {
    positions.push(...shuffled(Array.from({ length: optionCount }, (_, i) => i), random));
  }
  return positions.slice(0, count);
}

/** Reorder the options of every question; `correct_index` is updated to follow the right answer. */
export function shuffleOptions<Q extends Shuffleable>(questions: readonly Q[], seed: string): Q[] {
  const random = seededRandom(seed);
  const width = questions[0]?.options.length ?? 4;
  const targets = answerPositions(questions.length, width, random);
  return questions.map((q, i) => {
    const right = q.options[q.correct_index]!;
    const others = shuffled(q.options.filter((_, j) => j !== q.correct_index), random);
    const target = Math.min(targets[i]!, q.options.length - 1);
    const options = [...others.slice(0, target), right, ...others.slice(target)];
    return { ...q, options, correct_index: target };
  });
}

export interface Retried<Q> {
  /** The question as asked now: options reordered, correct_index following the right answer. */
  question: Q;
  /** For each option as asked now, its index in the saved question. */
  from: number[];
}

/**
 * A retry asks missed questions again, so a learner must not get them right by remembering where
 * the answer was: the questions come in a new order and each right answer moves to another position
 * than the one it had (the other options in a seeded order). `from` maps an answer given on screen
 * back to the saved question's indices, which the attempt and the cards keep.
 */
export function reshuffleForRetry<Q extends Shuffleable>(questions: readonly Q[], random: Random): Retried<Q>[] {
  return shuffled(questions, random).map((q) => {
    const indices = q.options.map((_, j) => j);
    if (indices.length < 2) return { question: q, from: indices };
    const others = indices.filter((j) => j !== q.correct_index);
    const target = others[Math.floor(random() * others.length)]!;
    const rest = shuffled(others, random);
    const from = [...rest.slice(0, target), q.correct_index, ...rest.slice(target)];
    return { question: { ...q, options: from.map((j) => q.options[j]!), correct_index: target }, from };
  });
}
