// The skills-gap generator: one structured call that compares a profile (claimed skills, a CV,
// a job description) with a target role, plus the semantic checks that a schema cannot express.
import type { OllamaHandle } from '../llm/client.js';
import type { GenEvent } from '../events.js';
import { generateStructured, jsonSchemaOf, type StructuredResult } from '../llm/generate.js';
import { renderPrompt } from '../llm/prompts.js';
import { answerBudget } from '../llm/budget.js';
import { dataBlock } from '../sanitize.js';
import { levelForReadiness } from '../vocabulary.js';
import type { RoadmapInput } from '../roadmap/input-schema.js';
import { parseSkill, type SkillsInput, type SkillsReport } from './schema.js';
import { skillsReportRequestSchema } from './request-schema.js';

// A report with ~8 gaps and ~5 strengths is about 1,200 tokens of JSON; leave room for a longer one.
const ANSWER_TOKENS = 2000;
// CV and job text are the bulk of the prompt: bounded so the answer still fits in num_ctx 8192.
const DOCUMENT_CHARS = 12_000;

export async function* generateSkillsReport(handle: OllamaHandle, input: SkillsInput): AsyncGenerator<GenEvent, StructuredResult<SkillsReport>> {
  const system = renderPrompt('system', {});
  const profile = dataBlock('profile', {
    target_role: input.role,
    skills: input.skills.map(parseSkill),
    ...(input.goal ? { goal: input.goal } : {}),
  });
  const documents = [
    input.resume ? document('cv', input.resume) : 'No CV was given: judge from the listed skills only.',
    input.job ? document('job_description', input.job) : 'No job description was given: judge against what the role typically needs.',
  ].join('\n\n');
  const schema = skillsReportRequestSchema();
  const prompt = renderPrompt('skills', { profile, documents, schema: JSON.stringify(jsonSchemaOf(schema)) });
  return yield* generateStructured(handle, {
    task: 'skills gap',
    schema,
    system,
    prompt,
    numPredict: answerBudget(handle, ANSWER_TOKENS, [system, prompt], { minimum: 512, what: 'with this CV and job description', suggest: 16384 }),
    check: checkSkillsReport,
  });
}

/** A long document is cut here, not by dataBlock (whose per-string limit suits short fields). */
function document(name: string, text: string): string {
  const cut = text.length > DOCUMENT_CHARS ? `${text.slice(0, DOCUMENT_CHARS)}\n[… cut]` : text;
  return dataBlock(name, cut, DOCUMENT_CHARS * 3);
}

const norm = (s: string) => s.trim().toLowerCase();

/** Semantic checks; each problem is phrased for the repair prompt. */
export function checkSkillsReport(report: SkillsReport): string[] {
  const problems: string[] = [];
  if (report.readiness_score < 0 || report.readiness_score > 100) {
    problems.push(`readiness_score is ${report.readiness_score} but must be an integer from 0 to 100`);
  }
  const strengths = new Set(report.strengths.map((s) => norm(s.skill)));
  const gaps = new Map<string, number>();
  report.gaps.forEach((gap, i) => {
    const name = norm(gap.skill);
    if (strengths.has(name)) problems.push(`"${gap.skill}" is listed both in strengths and in gaps[${i}]; a skill is one or the other`);
    if (gaps.has(name)) problems.push(`gaps[${i}] repeats "${gap.skill}"; list each gap once`);
    gaps.set(name, 0);
    if (!(gap.estimated_hours > 0)) problems.push(`gaps[${i}].estimated_hours is ${gap.estimated_hours} but must be greater than 0`);
  });
  report.learning_order.forEach((skill, i) => {
    const name = norm(skill);
    const seen = gaps.get(name);
    if (seen === undefined) problems.push(`learning_order[${i}] is "${skill}", which is not the skill of any entry in gaps; name only gaps`);
    else if (seen > 0) problems.push(`learning_order names "${skill}" more than once; name each gap once`);
    else gaps.set(name, 1);
  });
  if (report.gaps.length > 0 && report.learning_order.length === 0) problems.push('learning_order is empty but there are gaps: list the gaps in the order to learn them');
  return problems;
}

/** The gaps in learning order (gaps the order leaves out follow, most important first). */
export function orderedGaps(report: SkillsReport): SkillsReport['gaps'] {
  const rank = { critical: 0, important: 1, 'nice-to-have': 2 } as const;
  const position = new Map(report.learning_order.map((s, i) => [norm(s), i]));
  return [...report.gaps].sort((a, b) => {
    const pa = position.get(norm(a.skill)) ?? Infinity;
    const pb = position.get(norm(b.skill)) ?? Infinity;
    return pa !== pb ? pa - pb : rank[a.importance] - rank[b.importance];
  });
}

/**
 * The roadmap that closes the gaps: the profile's skills (and the strengths found) are what the
 * learner has; the ordered gaps become the goal, so the plan teaches them in that order.
 */
export function roadmapInputFromGaps(input: SkillsInput, report: SkillsReport): RoadmapInput {
  const have = [...input.skills.map((s) => parseSkill(s).name), ...report.strengths.map((s) => s.skill)];
  const skills = [...new Map(have.map((s) => [norm(s), s.slice(0, 60).trim()])).values()].filter(Boolean).slice(0, 50);
  const level = levelForReadiness(report.readiness_score);
  const gaps = orderedGaps(report).map((g) => `${g.skill} (${g.importance}, ${g.current_level} to ${g.target_level}, ~${g.estimated_hours} h)`);
  let goal = gaps.length ? `Close these skill gaps, in this order: ${gaps.join('; ')}.` : `Deepen the skills needed as a ${input.role}.`;
  if (input.goal) goal = `${input.goal.trim()} ${goal}`;
  if (goal.length > 500) goal = `${goal.slice(0, 499)}…`;
  return { role: input.role, level, skills, hours_per_week: input.hours_per_week, months: input.months, goal };
}
