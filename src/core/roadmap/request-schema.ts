// The roadmap schemas sent as `format`, built from each request: exactly N months, exactly four
// weeks, the month number as a constant in a per-month call, integer hours within the learner's
// week, and every string and list bounded (see core/llm/bounded.ts for why each bound matters).
// The loose schemas in schema.ts stay the store's contract; these produce values that fit them.
import * as z from '../zod.js';
import { exactly, int, list, text } from '../llm/bounded.js';
import { levelSchema } from '../common-schema.js';
import type { RoadmapInput } from './input-schema.js';

export const WEEKS_PER_MONTH = 4;
type Pace = Pick<RoadmapInput, 'months' | 'hours_per_week'>;

/** A project takes at most the month's hours (about 4.3 weeks at the learner's pace). */
const projectHours = (hoursPerWeek: number) => Math.max(2, Math.ceil(hoursPerWeek * 4.5));

function weekSchema(hoursPerWeek: number) {
  return z.object({
    week: int(1, WEEKS_PER_MONTH),
    focus: text(160),
    hours: int(1, hoursPerWeek),
    tasks: list(text(200), 2, 4),
  });
}

/** One month; `month` is a constant when the call asks for one month, a range in a whole plan. */
export function monthRequestSchema(month: number | { of: number }, hoursPerWeek: number) {
  return z.object({
    month: typeof month === 'number' ? z.literal(month) : int(1, month.of),
    title: text(100),
    weeks: exactly(weekSchema(hoursPerWeek), WEEKS_PER_MONTH),
    tools: list(text(60), 1, 6),
    projects: list(z.object({ name: text(120), difficulty: levelSchema, estimated_hours: int(1, projectHours(hoursPerWeek)) }), 1, 2),
    checkpoint: text(300),
  });
}

function resourcesSchema() {
  return z.object({
    official_docs: list(text(120), 1, 6),
    courses: list(text(120), 1, 6),
    youtube_channels: list(text(80), 1, 6),
  });
}

const frame = () => ({
  career_role: text(120),
  overview: text(600),
  timeline: text(60),
});

/** The title and overview of a plan: what progressive output shows before the months. */
export function headRequestSchema() {
  return z.object(frame());
}

/** The whole plan in one call. */
export function roadmapRequestSchema({ months, hours_per_week }: Pace) {
  return z.object({
    ...frame(),
    roadmap: exactly(monthRequestSchema({ of: months }, hours_per_week), months),
    final_outcome: text(400),
    resources: resourcesSchema(),
  });
}

/** Everything of a whole plan but its months: what a plan whose months failed must still get right. */
export function frameRequestSchema() {
  return z.object({ ...frame(), final_outcome: text(400), resources: resourcesSchema() });
}

/** The first call of a long plan: the frame and one title and focus per month. */
export function outlineRequestSchema({ months }: Pick<RoadmapInput, 'months'>) {
  return z.object({
    ...frame(),
    months: exactly(z.object({ month: int(1, months), title: text(100), focus: text(240) }), months),
    final_outcome: text(400),
    resources: resourcesSchema(),
  });
}

/** The first call of a re-plan: a new frame and one title and focus per month still to come (numbered by position). */
export function replanOutlineRequestSchema(remaining: number) {
  const { career_role: _role, ...rest } = frame();
  return z.object({
    ...rest,
    months: exactly(z.object({ title: text(100), focus: text(240) }), remaining),
    final_outcome: text(400),
    resources: resourcesSchema(),
  });
}
