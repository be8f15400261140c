// Interview preparation: the input, the questions the model writes, the structured grade of an
// answer in a mock interview, and the saved session (transcript) in the store.
import * as z from '../zod.js';
import { line, savedRecordFields } from '../common-schema.js';
import { DEFAULT_SENIORITY, DIFFICULTIES, SENIORITIES } from '../vocabulary.js';
import { oneOf, wholeNumber } from '../zod-messages.js';

const str = () => z.string().check(z.minLength(1));

export const INTERVIEW_TYPES = ['technical', 'behavioral', 'system-design'] as const;
export const questionTypeSchema = z.enum(INTERVIEW_TYPES);
export const interviewTypeSchema = z.enum([...INTERVIEW_TYPES, 'mixed']);
export const interviewLevelSchema = z.enum(SENIORITIES);

export const interviewInputSchema = z.strictObject({
  role: line(120),
  level: z._default(oneOf(SENIORITIES), DEFAULT_SENIORITY),
  type: z._default(oneOf([...INTERVIEW_TYPES, 'mixed']), 'mixed'),
  company: z.optional(line(120)),
  count: z._default(wholeNumber(1, 30), 5),
});
export type InterviewInput = z.infer<typeof interviewInputSchema>;

export const generatedInterviewQuestionSchema = z.object({
  type: questionTypeSchema,
  difficulty: z.enum(DIFFICULTIES),
  question: str(),
  what_interviewers_look_for: z.array(str()).check(z.minLength(2), z.maxLength(6)),
  model_answer: str(),
  follow_ups: z.array(str()).check(z.minLength(1)),
  common_mistakes: z.array(str()).check(z.minLength(1)),
});

export const interviewBatchSchema = z.object({
  questions: z.array(generatedInterviewQuestionSchema).check(z.minLength(1)),
  tips: z.array(str()),
});

export const interviewQuestionSchema = z.object({ id: z.string(), ...generatedInterviewQuestionSchema.shape });

export const interviewSchema = z.object({
  role: z.string(),
  level: z.string(),
  type: interviewTypeSchema,
  company: z.optional(z.string()),
  questions: z.array(interviewQuestionSchema),
  tips: z.array(z.string()),
});

/** The grade of one answer; `criteria` has one entry per item of what_interviewers_look_for. */
export const gradeSchema = z.object({
  score: z.int().check(z.gte(1), z.lte(10)),
  criteria: z.array(z.object({ criterion: str(), met: z.boolean(), note: str() })).check(z.minLength(1)),
  strengths: z.array(str()),
  stronger_answer: str(),
  follow_up_question: str(),
});

export const savedGradeSchema = z.object({
  ...gradeSchema.shape,
  /** The criteria the answer did not meet, derived from `criteria`. */
  missing: z.array(z.string()),
});

export const mockTurnSchema = z.object({
  question_id: z.string(),
  kind: z.enum(['main', 'follow-up']),
  /** The question as asked: the interview question, or the follow-up. */
  prompt: z.string(),
  answer: z.string(),
  answered_at: z.string(),
  grade: z.optional(savedGradeSchema),
  /** The user skipped this question or follow-up: saved, never graded (answer ""). */
  skipped: z.optional(z.literal(true)),
  /** Why grading failed; the answer is kept and --resume offers it for grading again. */
  grade_error: z.optional(z.string()),
});

export const mockSummarySchema = z.object({
  average_score: z.number(),
  answered: z.int(),
  /** Questions skipped, and answers whose grading failed (not in the average). */
  skipped: z.optional(z.int()),
  ungraded: z.optional(z.int()),
  scores: z.array(z.object({ question_id: z.string(), score: z.int() })),
  top_missing: z.array(z.string()),
});

export const mockSessionSchema = z.object({
  status: z.enum(['in_progress', 'completed']),
  started_at: z.string(),
  updated_at: z.string(),
  turns: z.array(mockTurnSchema),
  summary: z.optional(mockSummarySchema),
});

export const savedInterviewSchema = z.object({
  ...savedRecordFields,
  interview: interviewSchema,
  mock: z.optional(mockSessionSchema),
});

export type GeneratedInterviewQuestion = z.infer<typeof generatedInterviewQuestionSchema>;
export type InterviewQuestion = z.infer<typeof interviewQuestionSchema>;
export type Interview = z.infer<typeof interviewSchema>;
export type Grade = z.infer<typeof gradeSchema>;
export type SavedGrade = z.infer<typeof savedGradeSchema>;
export type MockTurn = z.infer<typeof mockTurnSchema>;
export type MockSummary = z.infer<typeof mockSummarySchema>;
export type MockSession = z.infer<typeof mockSessionSchema>;
export type SavedInterview = z.infer<typeof savedInterviewSchema>;
