// The roadmap generator. A plan whose JSON fits comfortably in the context is generated in one
// call; a longer one as an outline followed by one call per month, so no single answer has to
// stay coherent (and untruncated) for thousands of tokens on a 7B model.
import type { OllamaHandle } from '../llm/client.js';
import { sumCounts, type GenEvent } from '../events.js';
import { answerBudget, roomFor } from '../llm/budget.js';
import { generateStructured, jsonSchemaOf, type Salvaged } from '../llm/generate.js';
import { poolEvents } from '../llm/pool.js';
import { renderPrompt } from '../llm/prompts.js';
import { dataBlock } from '../sanitize.js';
import { describeIssues } from '../zod.js';
import type { RoadmapInput } from './input-schema.js';
import { frameRequestSchema, monthRequestSchema, outlineRequestSchema, roadmapRequestSchema } from './request-schema.js';
import { normalizeMonth, normalizeOutline, normalizeRoadmap } from './normalize.js';
import { planParts } from './stream-parts.js';
import type { Month, Outline, Roadmap } from './schema.js';
import type { GenerationOutcome } from '../meta.js';
import { plural } from '../plural.js';

// Measured on hand-written plans of the shape we ask for: about 2,000 characters of JSON per
// month (4 weeks, tasks, tools, projects), i.e. ~550 tokens, plus ~400 for the frame.
const TOKENS_PER_MONTH = 600;
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
      normalize: normalizeRoadmap,
      salvage: (json) => salvageMonths(handle, { input, system, profile }, json),
      parts: planParts(input),
    });
    return { roadmap: result.value, attempts: result.attempts, calls: result.calls, normalized: result.normalized, strategy: 'single', stats: result.stats };
  }
  return yield* generateInParts(handle, input, system, profile);
}

/** What every call of one plan shares: the request, the system prompt and the profile block. */
export interface PlanContext {
  input: RoadmapInput;
  system: string;
  profile: string;
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
    normalize: normalizeOutline,
  });
  yield { type: 'part', part: { kind: 'outline', outline: outline.value } };
  const months = yield* generateMonths(handle, { input, system, profile }, outline.value.months, outline.value.months.map((item) => ({ item })));
  const { months: _outlineMonths, ...frame } = outline.value;
  const roadmap: Roadmap = { ...frame, roadmap: months.value };
  return { roadmap, ...sumCounts([outline, months]), strategy: 'outline+months' };
}

type OutlineItem = Outline['months'][number];

/** Months generated one call each, in order, from the plan's outline; a failed part starts at its repair turn. */
export async function* generateMonths(
  handle: OllamaHandle,
  plan: PlanContext,
  outline: OutlineItem[],
  wanted: Array<{ item: OutlineItem; previous?: { output: string; problems: string[] } }>,
): AsyncGenerator<GenEvent, Salvaged<Month[]>> {
  const { input, system, profile } = plan;
  // The prompt quotes one schema for every month (a shared prefix); `format` pins this month's number.
  const monthSchemaText = JSON.stringify(jsonSchemaOf(monthRequestSchema({ of: input.months }, input.hours_per_week)));
  const outlineBlock = dataBlock('outline', outline);
  // The months only share the outline: independent calls, run through the pool (--concurrency);
  // results come back in month order whatever order they finish in.
  const jobs = wanted.map(({ item, previous }) => (signal: AbortSignal) => {
    const prompt = renderPrompt('roadmap-month', {
      profile,
      outline: outlineBlock,
      month: item.month,
      months: input.months,
      hours_per_week: input.hours_per_week,
      schema: monthSchemaText,
    });
    return generateStructured(handle.fork?.(signal) ?? handle, {
      task: `month ${item.month} of ${input.months}`,
      schema: monthRequestSchema(item.month, input.hours_per_week),
      system,
      prompt,
      numPredict: answerBudget(handle, TOKENS_PER_MONTH * 2, [system, prompt]),
      check: (m) => checkMonth(m, item.month, input.hours_per_week),
      normalize: normalizeMonth,
      ...(previous ? { previous } : {}),
    });
  });
  const results = yield* poolEvents(jobs, { concurrency: handle.settings.concurrency, signal: handle.signal }, (index, result) => ({
    type: 'part',
    part: { kind: 'month', index: wanted[index]!.item.month - 1, total: input.months, month: result.value },
  }));
  return { value: results.map((r) => r.value), ...sumCounts(results) };
}

/**
 * Repair only what failed in a single-call plan: when its frame is sound and only some months fail
 * their schema or checks, those months are regenerated alone, from the plan's own outline, each
 * starting at a repair turn that carries just that month and its problems. Undefined (repair the
 * whole answer) when the frame or the month count is wrong, or most months are bad.
 */
async function* salvageMonths(handle: OllamaHandle, plan: PlanContext, json: unknown): AsyncGenerator<GenEvent, Salvaged<Roadmap> | undefined> {
  const { input } = plan;
  const frame = frameRequestSchema().safeParse(json);
  const list = (json as { roadmap?: unknown }).roadmap;
  if (!frame.success || !Array.isArray(list) || list.length !== input.months) return undefined;
  const parts = list.map((raw, i) => {
    const parsed = monthRequestSchema(i + 1, input.hours_per_week).safeParse(raw);
    const problems = parsed.success ? checkMonth(parsed.data, i + 1, input.hours_per_week) : describeIssues(parsed.error.issues, 'month');
    return { raw, month: parsed.success && problems.length === 0 ? parsed.data : undefined, problems };
  });
  const bad = parts.filter((p) => !p.month).length;
  if (bad === 0 || bad * 2 > input.months) return undefined;
  const outline: OutlineItem[] = parts.map(({ raw }, i) => outlineItemOf(raw, i + 1));
  const wanted = parts.flatMap((p, i) => (p.month ? [] : [{ item: outline[i]!, previous: { output: JSON.stringify(p.raw), problems: p.problems.slice(0, 20) } }]));
  const redone = yield* generateMonths(handle, plan, outline, wanted);
  const fresh = [...redone.value];
  const months = parts.map((p) => p.month ?? fresh.shift()!);
  return { ...redone, value: { ...frame.data, roadmap: months } };
}

/** A month's line in the outline, from whatever of it the failed answer got right. */
function outlineItemOf(raw: unknown, month: number): OutlineItem {
  const value = (raw && typeof raw === 'object' ? raw : {}) as { title?: unknown; weeks?: unknown };
  const title = typeof value.title === 'string' && value.title.trim() ? value.title.trim().slice(0, 100) : `Month ${month}`;
  const focus = Array.isArray(value.weeks)
    ? value.weeks.map((w) => (w && typeof w === 'object' && typeof (w as { focus?: unknown }).focus === 'string' ? (w as { focus: string }).focus : '')).filter(Boolean).join('; ')
    : '';
  return { month, title, focus: (focus || title).slice(0, 240) };
}

/** Semantic checks on a whole plan; each problem is phrased for the repair prompt. */
export function checkRoadmap(roadmap: Roadmap, input: Pick<RoadmapInput, 'months' | 'hours_per_week'>): string[] {
  const problems: string[] = [];
  if (roadmap.roadmap.length !== input.months) {
    problems.push(`roadmap has ${plural(roadmap.roadmap.length, 'month')} but the plan must have exactly ${input.months}`);
  }
  roadmap.roadmap.forEach((month, i) => problems.push(...checkMonth(month, i + 1, input.hours_per_week, `roadmap[${i}]`)));
  return problems;
}

export function checkOutline(outline: Outline, input: Pick<RoadmapInput, 'months'>): string[] {
  const problems: string[] = [];
  if (outline.months.length !== input.months) {
    problems.push(`months has ${plural(outline.months.length, 'entry', 'entries')} but the plan must have exactly ${input.months}`);
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
