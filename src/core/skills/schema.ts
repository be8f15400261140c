// `careerforge skills`: the input (flags, --input JSON, a CV and a job description) and the
// skills-gap report the model must produce. Field names are the public --json contract.
import * as z from '../zod.js';
import { line, savedRecordFields, text } from '../common-schema.js';
import { LEVELS, SKILL_LEVELS, orList, type Level } from '../vocabulary.js';
import { wholeNumber } from '../zod-messages.js';

/** A CV or a job description: plain text, at most 50 KB (the file reader enforces bytes). */
export const MAX_DOCUMENT_BYTES = 50 * 1024;

// "TypeScript", "TypeScript:advanced" or "TypeScript: beginner"; the level is optional.
const SKILL_ENTRY = new RegExp(`^[^:]+(:\\s*(${LEVELS.join('|')}))?$`, 'i');

export const skillsInputSchema = z.strictObject({
  role: line(120),
  skills: z._default(
    z.array(line(80).check(z.regex(SKILL_ENTRY, `expected "Skill" or "Skill:level" with level ${orList(LEVELS)}`))).check(z.maxLength(50, 'at most 50 skills')),
    [],
  ),
  resume: z.optional(text(MAX_DOCUMENT_BYTES, { min: 1 })),
  job: z.optional(text(MAX_DOCUMENT_BYTES, { min: 1 })),
  goal: z.optional(text(500)),
  // Used only with --to-roadmap: the length and pace of the plan that closes the gaps.
  months: z._default(wholeNumber(1, 24), 6),
  hours_per_week: z._default(wholeNumber(1, 80), 10),
});

export type SkillsInput = z.infer<typeof skillsInputSchema>;

export interface ClaimedSkill {
  name: string;
  level?: Level;
}

/** "TypeScript:advanced" -> { name: "TypeScript", level: "advanced" } (validated by the schema). */
export function parseSkill(entry: string): ClaimedSkill {
  const at = entry.lastIndexOf(':');
  if (at < 0) return { name: entry.trim() };
  return { name: entry.slice(0, at).trim(), level: entry.slice(at + 1).trim().toLowerCase() as Level };
}

const str = () => z.string().check(z.minLength(1));

export const gapSchema = z.object({
  skill: str(),
  category: z.enum(['technical', 'tool', 'soft']),
  importance: z.enum(['critical', 'important', 'nice-to-have']),
  current_level: z.enum(SKILL_LEVELS),
  target_level: z.enum(LEVELS),
  estimated_hours: z.number(),
  first_step: str(),
});

export const skillsReportSchema = z.object({
  target_role: str(),
  readiness_score: z.int().check(z.gte(0), z.lte(100)),
  readiness_rationale: str(),
  strengths: z.array(z.object({ skill: str(), evidence: str() })),
  gaps: z.array(gapSchema),
  transferable_skills: z.array(z.object({ skill: str(), relevance: str() })),
  learning_order: z.array(str()),
});

export type Gap = z.infer<typeof gapSchema>;
export type SkillsReport = z.infer<typeof skillsReportSchema>;

const videoSchema = z.object({ title: z.string(), channel: z.string(), url: z.string(), duration: z.string() });

export const savedSkillsSchema = z.object({
  // input is the profile as given, without the CV and job text (kept out of the store on purpose).
  ...savedRecordFields,
  report: skillsReportSchema,
  roadmap_id: z.optional(z.string()),
  videos: z.optional(z.array(z.object({ skill: z.string(), query: z.string(), results: z.array(videoSchema) }))),
});

export type SavedSkills = z.infer<typeof savedSkillsSchema>;
