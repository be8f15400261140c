// The roadmap the model must produce, and the parts used when a long plan is generated as an
// outline followed by one call per month. Field names are the public --json contract.
import * as z from '../zod.js';
import { LEVELS } from '../vocabulary.js';

const str = () => z.string().check(z.minLength(1));

export const weekSchema = z.object({
  week: z.int(),
  focus: str(),
  hours: z.number(),
  tasks: z.array(str()),
});

export const projectSchema = z.object({
  name: str(),
  difficulty: z.enum(LEVELS),
  estimated_hours: z.number(),
});

export const monthSchema = z.object({
  month: z.int(),
  title: str(),
  weeks: z.array(weekSchema).check(z.minLength(1)),
  tools: z.array(str()),
  projects: z.array(projectSchema),
  checkpoint: str(),
});

export const resourcesSchema = z.object({
  official_docs: z.array(str()),
  courses: z.array(str()),
  youtube_channels: z.array(str()),
});

export const roadmapSchema = z.object({
  career_role: str(),
  overview: str(),
  timeline: str(),
  roadmap: z.array(monthSchema).check(z.minLength(1)),
  final_outcome: str(),
  resources: resourcesSchema,
});

/** First call of a long plan: everything but the weeks, with one line of intent per month. */
export const outlineSchema = z.object({
  career_role: str(),
  overview: str(),
  timeline: str(),
  months: z.array(z.object({ month: z.int(), title: str(), focus: str() })).check(z.minLength(1)),
  final_outcome: str(),
  resources: resourcesSchema,
});

export type Week = z.infer<typeof weekSchema>;
export type Month = z.infer<typeof monthSchema>;
export type Roadmap = z.infer<typeof roadmapSchema>;
export type Outline = z.infer<typeof outlineSchema>;
