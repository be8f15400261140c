// The profiles `careerforge eval` runs through every generator: evals/profiles.json at the package
// root (shipped with the CLI), validated here, and each turned into the exact input the roadmap,
// skills, interview and quiz commands would validate from their flags.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CareerForgeError } from '../errors.js';
import * as z from '../zod.js';
import { describeIssues } from '../zod.js';
import { levelSchema } from '../common-schema.js';
import { roadmapInputSchema, type RoadmapInput } from '../roadmap/input-schema.js';
import { skillsInputSchema, type SkillsInput } from '../skills/schema.js';
import { interviewInputSchema, interviewLevelSchema, interviewTypeSchema, type InterviewInput } from '../interview/schema.js';
import { quizInputSchema, type QuizInput } from '../quiz/schema.js';

export const GENERATORS = ['roadmap', 'skills', 'interview', 'quiz'] as const;
export type GeneratorName = (typeof GENERATORS)[number];

const profileSchema = z.strictObject({
  id: z.string().check(z.regex(/^[a-z0-9-]+$/)),
  role: z.string(),
  level: levelSchema,
  interview_level: interviewLevelSchema,
  skills: z.array(z.string()),
  hours_per_week: z.int(),
  months: z.int(),
  goal: z.optional(z.string()),
  resume: z.optional(z.string()),
  job: z.optional(z.string()),
  interview: z.strictObject({ type: interviewTypeSchema, count: z.int(), company: z.optional(z.string()) }),
  quiz: z.strictObject({ topic: z.optional(z.string()), role: z.optional(z.string()), difficulty: z.string(), count: z.int() }),
});
export type EvalProfile = z.infer<typeof profileSchema>;

const fileSchema = z.strictObject({ version: z.literal(1), profiles: z.array(profileSchema).check(z.minLength(1)) });

/** evals/profiles.json beside the package (dist/*.js and src/core/eval/*.ts sit at different depths). */
export function shippedProfilesFile(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 4; i++) {
    const candidate = path.join(dir, 'evals', 'profiles.json');
    if (fs.existsSync(candidate)) return candidate;
    dir = path.dirname(dir);
  }
  throw new CareerForgeError('INTERNAL', 'evals/profiles.json not found next to the CareerForge package: reinstall it');
}

export function loadProfiles(file = shippedProfilesFile()): EvalProfile[] {
  const parsed = fileSchema.safeParse(JSON.parse(fs.readFileSync(file, 'utf8')));
  if (!parsed.success) throw new CareerForgeError('INTERNAL', `${file} is invalid: ${describeIssues(parsed.error.issues)[0]}`);
  return parsed.data.profiles;
}

/** --quick: small sizes, so a run on a real model takes minutes rather than an hour. */
export function quickProfile(p: EvalProfile): EvalProfile {
  return { ...p, months: Math.min(p.months, 2), interview: { ...p.interview, count: Math.min(p.interview.count, 2) }, quiz: { ...p.quiz, count: Math.min(p.quiz.count, 3) } };
}

export interface GeneratorInputs {
  roadmap: RoadmapInput;
  skills: SkillsInput;
  interview: InterviewInput;
  quiz: QuizInput;
}

/** The commands' own input schemas validate each input: a profile the CLI would refuse is a bug here. */
export function inputsOf(p: EvalProfile): GeneratorInputs {
  const opt = <K extends string, V>(key: K, value: V | undefined) => (value === undefined ? {} : { [key]: value });
  const strict = <T>(schema: z.ZodMiniType<T>, value: unknown, what: string): T => {
    const parsed = schema.safeParse(value);
    if (!parsed.success) throw new CareerForgeError('INTERNAL', `eval profile ${p.id}: its ${what} input is invalid: ${describeIssues(parsed.error.issues)[0]}`);
    return parsed.data;
  };
  const names = p.skills.map((s) => s.split(':')[0]!.trim());
  return {
    roadmap: strict(roadmapInputSchema, { role: p.role, level: p.level, skills: names, hours_per_week: p.hours_per_week, months: p.months, ...opt('goal', p.goal) }, 'roadmap'),
    skills: strict(skillsInputSchema, { role: p.role, skills: p.skills, ...opt('resume', p.resume), ...opt('job', p.job), ...opt('goal', p.goal), months: p.months, hours_per_week: p.hours_per_week }, 'skills'),
    interview: strict(interviewInputSchema, { role: p.role, level: p.interview_level, type: p.interview.type, count: p.interview.count, ...opt('company', p.interview.company) }, 'interview'),
    quiz: strict(quizInputSchema, { ...opt('topic', p.quiz.topic), ...opt('role', p.quiz.role), difficulty: p.quiz.difficulty, count: p.quiz.count }, 'quiz'),
  };
}
