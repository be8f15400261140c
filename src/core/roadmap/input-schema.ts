// The roadmap input: flags, --input FILE and stdin JSON all validate against this one schema.
import * as z from '../zod.js';
import { levelSchema, line, text } from '../common-schema.js';
import { DEFAULT_LEVEL } from '../vocabulary.js';

export const roadmapInputSchema = z.strictObject({
  role: line(120),
  level: z._default(levelSchema, DEFAULT_LEVEL),
  skills: z._default(z.array(line(60)).check(z.maxLength(50, 'at most 50 skills')), []),
  hours_per_week: z._default(z.int().check(z.gte(1, 'must be at least 1'), z.lte(80, 'must be at most 80')), 10),
  months: z._default(z.int().check(z.gte(1, 'must be at least 1'), z.lte(24, 'must be at most 24')), 6),
  goal: z.optional(text(500)),
});

export type RoadmapInput = z.infer<typeof roadmapInputSchema>;
