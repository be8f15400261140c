// What the local store holds. Each record is validated on its own when read, so a hand edit that
// no longer fits costs that one record (set aside, see store/split.ts), never the others.
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

const progressSchema = z._default(z.record(z.string(), taskStateSchema), {});

/** An earlier version of a re-planned roadmap, as it was when it was replaced. */
export const roadmapVersionSchema = z.object({
  version: z.int(),
  saved_at: z.string(),
  model: z.string(),
  input: z.record(z.string(), z.unknown()),
  roadmap: roadmapSchema,
  progress: progressSchema,
});

export const savedRoadmapSchema = z.object({
  ...savedRecordFields,
  roadmap: roadmapSchema,
  /** Task states keyed by address "M.W.T" (month, week, task; 1-based). */
  progress: progressSchema,
  /** When the first task was marked done: the schedule's start unless --start says otherwise. */
  started_at: z.optional(z.string()),
  // Re-planning (`progress replan`). All optional, so stores written before it read unchanged: a
  // record without `version` is version 1 with no history.
  version: z.optional(z.int()),
  /** Earlier versions, oldest first. */
  versions: z.optional(z.array(roadmapVersionSchema)),
  /** How the current version came about: when, and how many months it kept from the one before. */
  replanned: z.optional(z.object({ at: z.string(), from_version: z.int(), kept_months: z.int() })),
});

/** Each collection of the store and the schema of one of its records (checked one by one as read). */
export const collectionSchemas = {
  roadmaps: savedRoadmapSchema,
  skills: savedSkillsSchema,
  quizzes: savedQuizSchema,
  quiz_attempts: quizAttemptSchema,
  interviews: savedInterviewSchema,
  bench: savedBenchSchema,
  evals: savedEvalSchema,
} as const;

export type CollectionName = keyof typeof collectionSchemas;
export const COLLECTIONS = Object.keys(collectionSchemas) as CollectionName[];

/** How a collection's record is named to the user ("roadmap r1a2b3c"). */
export const RECORD_NOUN: Record<CollectionName, string> = {
  roadmaps: 'roadmap',
  skills: 'skills analysis',
  quizzes: 'quiz',
  quiz_attempts: 'quiz attempt',
  interviews: 'interview',
  bench: 'bench run',
  evals: 'eval run',
};

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
export type RoadmapVersion = z.infer<typeof roadmapVersionSchema>;
export type StoreData = z.infer<typeof storeDataSchema>;
