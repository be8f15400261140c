// The rating line of a spaced-repetition review: after a right answer the learner may say how
// hard it was (h, g, e); Enter keeps the grade read from the answer time. A wrong or skipped
// answer is Again, said plainly, with nothing to choose.
import React from 'react';
import { Text } from 'ink';
import type { GivenAnswer } from '../core/quiz/attempts.js';
import { gradeFromTime, type RightRating } from '../core/review/grade.js';

export const RATING_KEYS: Record<string, RightRating | undefined> = { h: 'hard', g: 'good', e: 'easy' };

const NAME: Record<RightRating, string> = { hard: 'Hard', good: 'Good', easy: 'Easy' };

export function RatingHint({ answer }: { answer: GivenAnswer }) {
  if (answer.chosen === null || answer.chosen !== answer.question.correct_index) {
    return <Text color="yellow">Graded Again: this card comes back soon.</Text>;
  }
  const seconds = answer.ms === undefined ? '' : ` (answered in ${Math.round(answer.ms / 1000)} s)`;
  return (
    <Text color="cyan">
      Rate it: h hard · g good · e easy · Enter keeps {NAME[gradeFromTime(answer.ms)]}{seconds}
    </Text>
  );
}
