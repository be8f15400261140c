// The roadmap generator. A plan whose JSON fits comfortably in the context is generated in one
// call; a longer one as an outline followed by one call per month, so no single answer has to
// stay coherent (and untruncated) for thousands of tokens on a 7B model.
import type { OllamaHandle } from '../llm/client.js';
import { addStats, emptyStats, type CallStats, type GenEvent } from '../events.js';
import { answerBudget, roomFor } from '../llm/budget.js';
import { generateStructured, jsonSchemaOf } from '../llm/generate.js';
import { renderPrompt } from '../llm/prompts.js';
import { dataBlock } from '../sanitize.js';
import type { RoadmapInput } from './input-schema.js';
import { monthRequestSchema, outlineRequestSchema, roadmapRequestSchema } from './request-schema.js';
import type { Month, Outline, Roadmap } from './schema.js';
import type { GenerationOutcome } from '../meta.js';

// Measured on hand-written plans of the shape we ask for: about 2,000 characters of JSON per
// month (4 weeks, tasks, tools, projects), i.e. ~550 tokens, plus ~400 for the frame.
export const TOKENS_PER_MONTH = 600;
export const FRAME_TOKENS = 400;

export interface RoadmapOutcome extends GenerationOutcome {
  roadmap: Roadmap;
  strategy: NonNullable<GenerationOutcome['strategy']>;
}

export async function* generateRoadmap(handle: OllamaHandle, input: RoadmapInput): AsyncGenerator<GenEvent, RoadmapOutcome> {
  const system = renderPrompt('system', {});
  const profile = dataBlock('profile', input);
  const schema = roadmapRequestSchema(input);
  const prompt = renderPrompt('roadmap', {
    profile,
    months: input.months,
    hours_per_week: input.hours_per_week,
    schema: JSON.stringify(jsonSchemaOf(schema)),
  });
  const room = roomFor(handle, [system, prompt]);
  const want = FRAME_TOKENS + input.months * TOKENS_PER_MONTH;
  const cap = handle.settings.num_predict;
  if (Math.ceil(want * 1.25) <= room && (cap === undefined || want <= cap)) {
    const result = yield* generateStructured(handle, {
      task: 'roadmap',
      schema,
      system,
      prompt,
      numPredict: Math.min(room, cap ?? Math.ceil(want * 1.5)),
      check: (r) => checkRoadmap(r, input),
    });
    return { roadmap: result.value, attempts: result.attempts, calls: 1, strategy: 'single', stats: result.stats };
  }
  return yield* generateInParts(handle, input, system, profile);
}

async function* generateInParts(handle: OllamaHandle, input: RoadmapInput, system: string, profile: string): AsyncGenerator<GenEvent, RoadmapOutcome> {
  const outlineSchema = outlineRequestSchema(input);
  const outlinePrompt = renderPrompt('roadmap-outline', {
    profile,
    months: input.months,
    schema: JSON.stringify(jsonSchemaOf(outlineSchema)),
  });
  const outline = yield* generateStructured(handle, {
    task: 'outline',
    schema: outlineSchema,
    system,
    prompt: outlinePrompt,
    numPredict: answerBudget(handle, FRAME_TOKENS * 2 + input.months * 80, [system, outlinePrompt]),
    check: (o) => checkOutline(o, input),
  });
  const plan = outline.value.months;
  const parts = yield* generateMonths(handle, { system, profile, outline: plan, numbers: plan.map((m) => m.month), total: input.months, hoursPerWeek: input.hours_per_week });
  const months = parts.months;
  const stats = addStats(outline.stats, parts.stats);
  const attempts = outline.attempts + parts.attempts;
  const { months: _outlineMonths, ...frame } = outline.value;
  const roadmap: Roadmap = { ...frame, roadmap: months };
  return { roadmap, attempts, calls: months.length + 1, strategy: 'outline+months', stats: stats ?? emptyStats() };
}

export interface MonthsJob {
  system: string;
  /** The profile data block (a re-plan adds the learner's progress). */
  profile: string;
  /** Every month of the plan, in order: the ones already written as well as those to write. */
  outline: Array<{ month: number; title: string; focus: string }>;
  /** The months to write now. */
  numbers: number[];
  total: number;
  hoursPerWeek: number;
}

/** One call per month of `numbers`, each given the whole outline: the per-month half of a long plan, and a re-plan. */
export async function* generateMonths(handle: OllamaHandle, job: MonthsJob): AsyncGenerator<GenEvent, { months: Month[]; attempts: number; stats: CallStats }> {
  let stats = emptyStats();
  let attempts = 0;
  const months: Month[] = [];
  // The prompt quotes one schema for every month (a shared prefix); `format` pins this month's number.
  const monthSchemaText = JSON.stringify(jsonSchemaOf(monthRequestSchema({ of: job.total }, job.hoursPerWeek)));
  const plan = dataBlock('outline', job.outline);
  for (const month of job.numbers) {
    const prompt = renderPrompt('roadmap-month', {
      profile: job.profile,
      outline: plan,
      month,
      months: job.total,
      hours_per_week: job.hoursPerWeek,
      schema: monthSchemaText,
    });
    const result = yield* generateStructured(handle, {
      task: `month ${month} of ${job.total}`,
      schema: monthRequestSchema(month, job.hoursPerWeek),
      system: job.system,
      prompt,
      numPredict: answerBudget(handle, TOKENS_PER_MONTH * 2, [job.system, prompt]),
      check: (m) => checkMonth(m, month, job.hoursPerWeek),
    });
    months.push(result.value);
    stats = addStats(stats, result.stats);
    attempts += result.attempts;
  }
  return { months, attempts, stats };
}

/** Semantic checks on a whole plan; each problem is phrased for the repair prompt. */
export function checkRoadmap(roadmap: Roadmap, input: Pick<RoadmapInput, 'months' | 'hours_per_week'>): string[] {
  const problems: string[] = [];
  if (roadmap.roadmap.length !== input.months) {
    problems.push(`roadmap has ${roadmap.roadmap.length} months but the plan must have exactly ${input.months}`);
  }
  roadmap.roadmap.forEach((month, i) => problems.push(...checkMonth(month, i + 1, input.hours_per_week, `roadmap[${i}]`)));
  return problems;
}

export function checkOutline(outline: Outline, input: Pick<RoadmapInput, 'months'>): string[] {
  const problems: string[] = [];
  if (outline.months.length !== input.months) {
    problems.push(`months has ${outline.months.length} entries but the plan must have exactly ${input.months}`);
  }
  outline.months.forEach((m, i) => {
    if (m.month !== i + 1) problems.push(`months[${i}].month is ${m.month} but must be ${i + 1} (numbered 1..${input.months} with no gap)`);
  });
  return problems;
}

export function checkMonth(month: Month, expected: number, hoursPerWeek: number, at = 'month'): string[] {
  const problems: string[] = [];
  if (month.month !== expected) problems.push(`${at}.month is ${month.month} but must be ${expected} (months are numbered 1..N with no gap)`);
  month.weeks.forEach((week, w) => {
    const where = `${at}.weeks[${w}]`;
    if (week.week !== w + 1) problems.push(`${where}.week is ${week.week} but must be ${w + 1} (weeks are numbered 1, 2, 3... in each month)`);
    if (!(week.hours > 0) || week.hours > hoursPerWeek) {
      problems.push(`${where}.hours is ${week.hours} but must be more than 0 and at most ${hoursPerWeek} (the learner's hours per week)`);
    }
    if (week.tasks.length === 0 || week.tasks.some((t) => t.trim() === '')) problems.push(`${where}.tasks must list at least one non-empty task`);
  });
  if (month.weeks.length > 5) problems.push(`${at} has ${month.weeks.length} weeks; a month has at most 5`);
  month.projects.forEach((p, j) => {
    if (!(p.estimated_hours > 0)) problems.push(`${at}.projects[${j}].estimated_hours must be positive`);
  });
  return problems;
}
