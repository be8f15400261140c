// What the local store holds. Records are validated when read, so a hand-edited file that no
// longer fits is noticed (and set aside) instead of crashing a command halfway.
import * as z from '../zod.js';
import { savedRecordFields } from '../common-schema.js';
import { roadmapSchema } from '../roadmap/schema.js';
import { savedSkillsSchema } from '../skills/schema.js';
import { quizAttemptSchema, savedQuizSchema } from '../quiz/schema.js';
import { savedInterviewSchema } from '../interview/schema.js';
import { savedBenchSchema } from '../bench/schema.js';
import { savedEvalSchema } from '../eval/history.js';

export const STORE_VERSION = '1.0.0';

export const taskStateSchema = z.enum(['done', 'skipped']);

export const savedRoadmapSchema = z.object({
  ...savedRecordFields,
  roadmap: roadmapSchema,
  /** Task states keyed by address "M.W.T" (month, week, task; 1-based). */
  progress: z._default(z.record(z.string(), taskStateSchema), {}),
});

export const storeDataSchema = z.looseObject({
  roadmaps: z._default(z.record(z.string(), savedRoadmapSchema), {}),
  skills: z._default(z.record(z.string(), savedSkillsSchema), {}),
  quizzes: z._default(z.record(z.string(), savedQuizSchema), {}),
  quiz_attempts: z._default(z.record(z.string(), quizAttemptSchema), {}),
  interviews: z._default(z.record(z.string(), savedInterviewSchema), {}),
  bench: z._default(z.record(z.string(), savedBenchSchema), {}),
  evals: z._default(z.record(z.string(), savedEvalSchema), {}),
});

export type SavedRoadmap = z.infer<typeof savedRoadmapSchema>;
export type StoreData = z.infer<typeof storeDataSchema>;
