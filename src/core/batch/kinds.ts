// What `careerforge batch KIND` runs for one line: the kind's input schema (the fields of its
// --input), a check the schema cannot express, and the core generator whose value is the line's data.
import type { GenEvent } from '../events.js';
import type { GenerationOutcome } from '../meta.js';
import type { LlmHandle } from '../llm/provider.js';
import { generateRoadmap } from '../roadmap/generate.js';
import { roadmapInputSchema } from '../roadmap/input-schema.js';
import { generateSkillsReport } from '../skills/generate.js';
import { skillsInputSchema } from '../skills/schema.js';
import { generateInterview } from '../interview/generate.js';
import { interviewInputSchema } from '../interview/schema.js';
import { generateQuiz, quizSeed } from '../quiz/generate.js';
import { quizInputSchema } from '../quiz/schema.js';
import type * as z from '../zod.js';

export const BATCH_KINDS = ['roadmap', 'skills', 'interview', 'quiz'] as const;
export type BatchKind = (typeof BATCH_KINDS)[number];

export interface LineOutput {
  data: unknown;
  outcome: GenerationOutcome;
  /** Kind-specific meta (the quiz's shuffle seed). */
  meta?: Record<string, unknown>;
}

export interface BatchKindSpec<I> {
  schema: z.ZodMiniType<I>;
  /** A problem the schema cannot express, reported with the line number before anything is sent. */
  check?: (input: I) => string | undefined;
  run: (handle: LlmHandle, input: I) => AsyncGenerator<GenEvent, LineOutput>;
}

function spec<I>(s: BatchKindSpec<I>): BatchKindSpec<unknown> {
  return s as unknown as BatchKindSpec<unknown>;
}

export const batchKinds: Record<BatchKind, BatchKindSpec<unknown>> = {
  roadmap: spec({
    schema: roadmapInputSchema,
    async *run(handle, input) {
      const outcome = yield* generateRoadmap(handle, input);
      return { data: outcome.roadmap, outcome };
    },
  }),
  skills: spec({
    schema: skillsInputSchema,
    check: (input) => (input.skills.length === 0 && !input.resume ? 'nothing to assess: give "skills" or a "resume" text' : undefined),
    async *run(handle, input) {
      const result = yield* generateSkillsReport(handle, input);
      return { data: result.value, outcome: result };
    },
  }),
  interview: spec({
    schema: interviewInputSchema,
    async *run(handle, input) {
      const outcome = yield* generateInterview(handle, input);
      return { data: outcome.interview, outcome };
    },
  }),
  quiz: spec({
    schema: quizInputSchema,
    check: (input) => (!input.topic && !input.role ? 'missing "topic" or "role": say what to quiz on' : undefined),
    async *run(handle, input) {
      const seed = quizSeed(handle.settings.seed);
      const outcome = yield* generateQuiz(handle, input, seed);
      return { data: outcome.quiz, outcome, meta: { shuffle_seed: seed } };
    },
  }),
};
