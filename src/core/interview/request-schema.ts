// The interview schemas sent as `format`, built from each request: the batch's exact question
// count, the one question type when the interview has one, and in a grade exactly one criterion
// per point the question lists. Every string and list is bounded (core/llm/bounded.ts).
import * as z from '../zod.js';
import { exactly, int, list, text } from '../llm/bounded.js';
import { DIFFICULTIES } from '../vocabulary.js';
import { INTERVIEW_TYPES, questionTypeSchema, type InterviewInput } from './schema.js';

export const LOOK_FOR = { min: 2, max: 5 } as const;

export function interviewBatchRequestSchema(count: number, type: InterviewInput['type']) {
  return z.object({
    questions: exactly(
      z.object({
        type: type === 'mixed' ? questionTypeSchema : z.enum([type] as [(typeof INTERVIEW_TYPES)[number]], { error: (issue) => `is ${JSON.stringify(issue.input)} but every question must be "${type}"` }),
        difficulty: z.enum(DIFFICULTIES),
        question: text(400),
        what_interviewers_look_for: list(text(200), LOOK_FOR.min, LOOK_FOR.max),
        model_answer: text(1500),
        follow_ups: list(text(300), 1, 3),
        common_mistakes: list(text(300), 1, 3),
      }),
      count,
    ),
    tips: list(text(300), 1, 4),
  });
}

/** The grade of one answer: one criterion per point (`criteria` of the question), in order. */
export function gradeRequestSchema(criteria: number) {
  return z.object({
    score: int(1, 10),
    criteria: exactly(z.object({ criterion: text(200), met: z.boolean(), note: text(300) }), criteria),
    strengths: list(text(300), 0, 5),
    stronger_answer: text(1500),
    follow_up_question: text(300),
  });
}
