// Where the learner should be by now. A plan runs one plan week per calendar week from its start:
// `--start DATE` when given, else the day its current version was re-planned (the kept months
// count as done), else the day the first task was marked done. The learner is where the first
// week with an open task is; behind means at least one whole week later than the calendar says.
import { parseDate } from './ics.js';
import type { SavedRoadmap } from '../store/schema.js';

const WEEK_MS = 7 * 86_400_000;

export interface Schedule {
  start: string;
  from: 'start' | 'replan' | 'first-done';
  /** The plan week the calendar has reached (1-based; capped at the plan's last week + 1). */
  expected_week: number;
  /** The first plan week with an open task (the plan's weeks + 1 when everything is done). */
  at_week: number;
  total_weeks: number;
  behind_weeks: number;
  behind: boolean;
  /** The command that re-plans the rest, when behind. */
  replan?: string;
}

export function scheduleOf(saved: SavedRoadmap, opts: { start?: string; now: Date }): Schedule | undefined {
  const weeks = saved.roadmap.roadmap.flatMap((m, mi) => m.weeks.map((w, wi) => w.tasks.map((_t, ti) => `${mi + 1}.${wi + 1}.${ti + 1}`)));
  let start: Date;
  let from: Schedule['from'];
  let offset = 0;
  if (opts.start !== undefined) {
    start = parseDate(opts.start);
    from = 'start';
  } else if (saved.replanned) {
    start = new Date(saved.replanned.at);
    from = 'replan';
    offset = saved.roadmap.roadmap.slice(0, saved.replanned.kept_months).reduce((n, m) => n + m.weeks.length, 0);
  } else if (saved.started_at) {
    start = new Date(saved.started_at);
    from = 'first-done';
  } else {
    return undefined; // nothing done yet and no start given: no schedule to be behind
  }
  const elapsed = Math.max(0, Math.floor((opts.now.getTime() - start.getTime()) / WEEK_MS));
  const expected = Math.min(weeks.length + 1, offset + elapsed + 1);
  const open = weeks.findIndex((keys) => keys.some((k) => saved.progress[k] === undefined));
  const at = open === -1 ? weeks.length + 1 : open + 1;
  const behindWeeks = Math.max(0, expected - at);
  return {
    start: start.toISOString().slice(0, 10),
    from,
    expected_week: expected,
    at_week: at,
    total_weeks: weeks.length,
    behind_weeks: behindWeeks,
    behind: behindWeeks >= 1,
    ...(behindWeeks >= 1 ? { replan: `careerforge progress replan ${saved.id}` } : {}),
  };
}

/** One line for the text views. */
export function scheduleLine(s: Schedule): string {
  if (!s.behind) return `On schedule: week ${Math.min(s.at_week, s.total_weeks)} of ${s.total_weeks} (started ${s.start}).`;
  const weeks = `${s.behind_weeks} week${s.behind_weeks === 1 ? '' : 's'}`;
  return `Behind schedule by ${weeks}: the calendar is at week ${Math.min(s.expected_week, s.total_weeks)} of ${s.total_weeks} (from ${s.start}), you are at week ${s.at_week}. Re-plan the rest: ${s.replan}`;
}
