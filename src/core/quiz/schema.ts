// The quiz: its input, what the model must produce, and what the store keeps (quizzes and the
// attempts at them, one saved answer per question). Field names are the public --json contract.
import * as z from '../zod.js';
import { line, savedRecordFields } from '../common-schema.js';
import { DEFAULT_DIFFICULTY, DIFFICULTIES } from '../vocabulary.js';
import { oneOf, wholeNumber } from '../zod-messages.js';

const str = () => z.string().check(z.minLength(1));

export const quizDifficultySchema = z.enum(DIFFICULTIES);

export const quizInputSchema = z.strictObject({
  topic: z.optional(line(120)),
  role: z.optional(line(120)),
  difficulty: z._default(oneOf(DIFFICULTIES), DEFAULT_DIFFICULTY),
  count: z._default(wholeNumber(1, 50), 10),
});
export type QuizInput = z.infer<typeof quizInputSchema>;

/** One question as the model writes it; ids are ours, assigned after generation. */
export const generatedQuizQuestionSchema = z.object({
  question: str(),
  options: z.array(str()).check(z.minLength(4), z.maxLength(4)),
  correct_index: z.int().check(z.gte(0), z.lte(3)),
  explanation: str(),
  topic: str(),
});

export const quizBatchSchema = z.object({
  questions: z.array(generatedQuizQuestionSchema).check(z.minLength(1)),
});

export const quizQuestionSchema = z.object({
  id: z.string(),
  question: z.string(),
  options: z.array(z.string()),
  correct_index: z.int(),
  explanation: z.string(),
  topic: z.string(),
});

export const quizSchema = z.object({
  topic: z.string(),
  difficulty: quizDifficultySchema,
  questions: z.array(quizQuestionSchema),
});

export const savedQuizSchema = z.object({
  ...savedRecordFields,
  /** The seed the options were shuffled with, so the order can be reproduced. */
  shuffle_seed: z.string(),
  quiz: quizSchema,
});

export const quizAnswerSchema = z.object({
  question_id: z.string(),
  topic: z.string(),
  /** null when the question was skipped. */
  chosen_index: z.nullable(z.int()),
  correct: z.boolean(),
  answered_at: z.string(),
});

export const quizScoreSchema = z.object({
  correct: z.int(),
  total: z.int(),
  skipped: z.int(),
  percent: z.number(),
});

export const quizAttemptSchema = z.object({
  id: z.string(),
  quiz_id: z.string(),
  topic: z.string(),
  started_at: z.string(),
  finished_at: z.optional(z.string()),
  status: z.enum(['in_progress', 'completed']),
  /** Retry attempts ask a subset of the quiz: the ids asked, in order. */
  question_ids: z.array(z.string()),
  answers: z.array(quizAnswerSchema),
  score: z.optional(quizScoreSchema),
});

export type GeneratedQuizQuestion = z.infer<typeof generatedQuizQuestionSchema>;
export type QuizQuestion = z.infer<typeof quizQuestionSchema>;
export type Quiz = z.infer<typeof quizSchema>;
export type SavedQuiz = z.infer<typeof savedQuizSchema>;
export type QuizAnswer = z.infer<typeof quizAnswerSchema>;
export type QuizScore = z.infer<typeof quizScoreSchema>;
export type QuizAttempt = z.infer<typeof quizAttemptSchema>;
