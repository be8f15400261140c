// Spaced-repetition cards: one per quiz question answered, with the question as it was asked (so a
// card outlives `careerforge rm` of its quiz), its FSRS state and the reviews that shaped it.
// They live in cards.json under the home; each card is validated on its own, so one bad card
// never costs the others (cards.ts).
import * as z from '../zod.js';
import { quizQuestionSchema } from '../quiz/schema.js';

export const GRADES = ['again', 'hard', 'good', 'easy'] as const;
export const gradeSchema = z.enum(GRADES);
export type Grade = z.infer<typeof gradeSchema>;

export const CARD_STATES = ['new', 'learning', 'review', 'relearning'] as const;

const when = () => z.iso.datetime();
const amount = () => z.number().check(z.gte(0));

/** ts-fsrs's Card, with dates as ISO strings and the state by name (scheduler.ts converts). */
export const fsrsStateSchema = z.object({
  due: when(),
  stability: amount(),
  difficulty: amount(),
  elapsed_days: amount(),
  scheduled_days: amount(),
  learning_steps: z.int().check(z.gte(0)),
  reps: z.int().check(z.gte(0)),
  lapses: z.int().check(z.gte(0)),
  state: z.enum(CARD_STATES),
  last_review: z.optional(when()),
});
export type FsrsState = z.infer<typeof fsrsStateSchema>;

export const reviewSources = ['quiz', 'review', 'flashcards'] as const;

export const cardReviewSchema = z.object({
  at: when(),
  grade: gradeSchema,
  /** Whether the multiple-choice answer was right (absent for self-graded flashcards). */
  correct: z.optional(z.boolean()),
  /** Milliseconds from the question appearing to the answer. */
  ms: z.optional(amount()),
  source: z.enum(reviewSources),
  /** Days until the card came due again after this review. */
  interval_days: amount(),
});
export type CardReview = z.infer<typeof cardReviewSchema>;
export type ReviewSource = CardReview['source'];

export const cardSchema = z.object({
  /** `QUIZ_ID:QUESTION_ID`: the same question answered again is the same card. */
  id: z.string().check(z.minLength(1)),
  quiz_id: z.string(),
  /** The topic the quiz was asked for (`--topic`); the question carries its own sub-topic. */
  quiz_topic: z.string(),
  question: quizQuestionSchema,
  created_at: when(),
  fsrs: fsrsStateSchema,
  reviews: z.array(cardReviewSchema),
});
export type Card = z.infer<typeof cardSchema>;

/** The file: cards stay unknown until each is checked on its own. */
export const cardsFileSchema = z.looseObject({
  cards: z._default(z.record(z.string(), z.unknown()), {}),
});
export type CardsFile = z.infer<typeof cardsFileSchema>;

/** Reviews kept per card: enough history to read, bounded so the file cannot grow without end. */
export const MAX_REVIEWS = 50;
