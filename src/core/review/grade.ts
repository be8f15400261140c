// A multiple-choice answer as an FSRS grade: wrong or skipped is Again; right is the learner's own
// rating when given (Hard, Good or Easy), otherwise read from the answer time: an instant answer
// was easy, a long think was hard, anything between is Good.
import type { Grade } from './schema.js';

/** Right within this long: Easy (a 4-option question takes longer than this to reason out). */
export const EASY_WITHIN_MS = 5_000;
/** Right only after this long: Hard. */
export const HARD_AFTER_MS = 30_000;

export type RightRating = Exclude<Grade, 'again'>;

export interface GradedAnswer {
  correct: boolean;
  /** The learner's own rating of a right answer. */
  rating?: RightRating;
  /** Milliseconds from the question appearing to the answer. */
  ms?: number;
}

/** The grade a right answer gets from its time alone. */
export function gradeFromTime(ms: number | undefined): RightRating {
  if (ms === undefined || !Number.isFinite(ms)) return 'good';
  if (ms <= EASY_WITHIN_MS) return 'easy';
  if (ms >= HARD_AFTER_MS) return 'hard';
  return 'good';
}

export function gradeAnswer(answer: GradedAnswer): Grade {
  if (!answer.correct) return 'again';
  return answer.rating ?? gradeFromTime(answer.ms);
}
