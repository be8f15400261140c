// The roadmap input: flags, --input FILE and stdin JSON all validate against this one schema.
import * as z from '../zod.js';
import { line, text } from '../common-schema.js';
import { DEFAULT_LEVEL, LEVELS } from '../vocabulary.js';
import { oneOf, wholeNumber } from '../zod-messages.js';

export const roadmapInputSchema = z.strictObject({
  role: line(120),
  level: z._default(oneOf(LEVELS), DEFAULT_LEVEL),
  skills: z._default(z.array(line(60)).check(z.maxLength(50, 'at most 50 skills')), []),
  hours_per_week: z._default(wholeNumber(1, 80), 10),
  months: z._default(wholeNumber(1, 24), 6),
  goal: z.optional(text(500)),
});

export type RoadmapInput = z.infer<typeof roadmapInputSchema>;
