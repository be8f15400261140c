// Progress on saved roadmaps: task addresses (`M.W.T`, or `M.W` for a whole week), percent done
// ((done + skipped) / total) overall and per month, and marking tasks under the store lock so
// concurrent `progress done` runs never lose each other's updates.
import { isCareerForgeError, NotFoundError, UsageError } from '../errors.js';
import type { SavedRoadmap, StoreData } from '../store/schema.js';
import { resolveRecord } from '../records/records.js';
import type { LocalStore } from '../store/store.js';
import type { Schedule } from './schedule.js';

export type TaskState = 'done' | 'skipped';
export type Mark = TaskState | 'undo';

export interface Tally {
  total: number;
  done: number;
  skipped: number;
  /** (done + skipped) / total, rounded to a whole percent. */
  percent: number;
}

export interface MonthTally extends Tally {
  month: number;
  title: string;
}

export interface RoadmapSummary extends Tally {
  id: string;
  role: string;
  timeline: string;
  created_at: string;
  months: MonthTally[];
  /** Where the learner stands against the calendar (list and show only). */
  schedule?: Schedule;
}

function tally(keys: string[], progress: Record<string, TaskState>): Tally {
  const done = keys.filter((k) => progress[k] === 'done').length;
  const skipped = keys.filter((k) => progress[k] === 'skipped').length;
  const total = keys.length;
  return { total, done, skipped, percent: total === 0 ? 0 : Math.round(((done + skipped) * 100) / total) };
}

/** Every task address of a plan, month by month: "1.1.1", "1.1.2", ... (1-based positions). */
export function taskKeys(saved: SavedRoadmap, month?: number): string[] {
  const keys: string[] = [];
  saved.roadmap.roadmap.forEach((m, mi) => {
    if (month !== undefined && mi + 1 !== month) return;
    m.weeks.forEach((w, wi) => w.tasks.forEach((_t, ti) => keys.push(`${mi + 1}.${wi + 1}.${ti + 1}`)));
  });
  return keys;
}

export function summarize(saved: SavedRoadmap): RoadmapSummary {
  const months = saved.roadmap.roadmap.map((m, i) => ({ month: i + 1, title: m.title, ...tally(taskKeys(saved, i + 1), saved.progress) }));
  return {
    id: saved.id,
    role: saved.roadmap.career_role,
    timeline: saved.roadmap.timeline,
    created_at: saved.created_at,
    ...tally(taskKeys(saved), saved.progress),
    months,
  };
}

/** Saved roadmaps, newest first. */
export function listRoadmaps(data: StoreData): SavedRoadmap[] {
  return Object.values(data.roadmaps).sort((a, b) => b.created_at.localeCompare(a.created_at));
}

/** A saved roadmap by exact id, `latest`, or the unique start of an id (as list, show and rm take them). */
export function findRoadmap(data: StoreData, id: string): SavedRoadmap {
  const notFound = () => {
    const known = Object.keys(data.roadmaps);
    const hint = known.length ? `saved ids: ${known.slice(0, 5).join(', ')}${known.length > 5 ? ', ...' : ''}` : 'no roadmaps are saved yet';
    return new NotFoundError(`no roadmap with id "${id}" (${hint}; see careerforge progress)`);
  };
  if (id.trim() === '') throw notFound();
  try {
    return resolveRecord(data, id, 'roadmaps').record as unknown as SavedRoadmap;
  } catch (error) {
    // Not found says which ids there are; an ambiguous prefix keeps resolveRecord's list of matches.
    throw isCareerForgeError(error) && error.code === 'NOT_FOUND' ? notFound() : error;
  }
}

/** Resolve one address to the task keys it names; throws UsageError (exit 2) for anything off the plan. */
export function resolveAddress(saved: SavedRoadmap, address: string): string[] {
  const match = /^(\d{1,3})\.(\d{1,3})(?:\.(\d{1,3}))?$/.exec(address.trim());
  if (!match) throw new UsageError(`bad task address "${address}": use M.W.T (e.g. 2.3.1) or M.W for a whole week`);
  const [m, w, t] = [Number(match[1]), Number(match[2]), match[3] === undefined ? undefined : Number(match[3])];
  const months = saved.roadmap.roadmap;
  const month = months[m - 1];
  if (m < 1 || !month) throw new UsageError(`task address "${address}": month ${m} is not in the plan (it has ${months.length})`);
  const week = month.weeks[w - 1];
  if (w < 1 || !week) throw new UsageError(`task address "${address}": month ${m} has no week ${w} (it has ${month.weeks.length})`);
  if (t === undefined) return week.tasks.map((_task, i) => `${m}.${w}.${i + 1}`);
  if (t < 1 || t > week.tasks.length) throw new UsageError(`task address "${address}": week ${m}.${w} has no task ${t} (it has ${week.tasks.length})`);
  return [`${m}.${w}.${t}`];
}

export interface MarkResult {
  id: string;
  mark: Mark;
  /** The task keys the addresses named, in order, without repeats. */
  tasks: string[];
  /** Those whose state this changed. */
  changed: string[];
  /** Those already in that state (for undo: never marked), left as they were. */
  unchanged: string[];
  summary: RoadmapSummary;
}

/**
 * Mark tasks in one read-modify-write under the store lock. Every address is resolved before
 * anything changes, so one bad address leaves the store exactly as it was.
 */
export async function markTasks(store: LocalStore, id: string, addresses: string[], mark: Mark): Promise<MarkResult> {
  if (addresses.length === 0) throw new UsageError(`progress ${mark === 'skipped' ? 'skip' : mark}: name at least one task, e.g. 1.2.1 or 1.2`);
  // A first look without the lock gives exit 2 for bad input without writing at all.
  // It also turns `latest` or a prefix into the exact id, so the write cannot land on a newer plan.
  const first = findRoadmap(await store.read(), id);
  resolveAll(first, addresses);
  return store.update((data) => {
    const saved = findRoadmap(data, first.id);
    const tasks = resolveAll(saved, addresses);
    const changed: string[] = [];
    const unchanged: string[] = [];
    for (const key of tasks) {
      const before = saved.progress[key];
      if ((mark === 'undo' ? undefined : mark) === before) {
        unchanged.push(key);
        continue;
      }
      changed.push(key);
      if (mark === 'undo') delete saved.progress[key];
      else saved.progress[key] = mark;
    }
    // The schedule (schedule.ts) runs from the first `done` unless --start says otherwise.
    if (mark === 'done' && changed.length > 0 && saved.started_at === undefined) saved.started_at = new Date().toISOString();
    return { id: first.id, mark, tasks, changed, unchanged, summary: summarize(saved) };
  });
}

function resolveAll(saved: SavedRoadmap, addresses: string[]): string[] {
  return [...new Set(addresses.flatMap((a) => resolveAddress(saved, a)))];
}
