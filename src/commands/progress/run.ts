// `careerforge progress [list] | show ID | done|skip|undo ID TASK... | export ID --format md|ics`.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { UsageError } from '../../core/errors.js';
import { roadmapToIcs } from '../../core/progress/ics.js';
import { findRoadmap, listRoadmaps, markTasks, summarize, type Mark } from '../../core/progress/progress.js';
import { resolveHome } from '../../core/config/settings.js';
import { LocalStore } from '../../core/store/store.js';
import type { RoadmapSummary } from '../../core/progress/progress.js';
import type { SavedRoadmap } from '../../core/store/schema.js';
import { roadmapMarkdown } from '../../render/progress-text.js';
import { emit, emitLine, type View } from '../emit.js';
import type { Session } from '../session.js';
import { numberFlag } from '../shared.js';
import { reviewCount, type ReviewCount } from '../../core/review/count.js';
import type { ReplanFlags } from './replan.js';
import { scheduleOf } from '../../core/progress/schedule.js';
import { roadmapVersion } from '../../core/roadmap/replan.js';

// The list ends with the spaced-repetition line: how many quiz cards are due today.
const listView: View<{ roadmaps: RoadmapSummary[]; review: ReviewCount }> = {
  text: async () => {
    const [{ listText }, { dueLine }] = await Promise.all([import('../../render/progress-text.js'), import('../../render/review-text.js')]);
    return (data, _meta, c) => `${listText(data.roadmaps, c)}${data.review.due > 0 ? c.bold(dueLine(data.review)) : dueLine(data.review)}\n`;
  },
};

const planView: View<SavedRoadmap & { summary: RoadmapSummary }> = {
  text: async () => {
    const { showText } = await import('../../render/progress-text.js');
    return (data, _meta, c) => showText(data, data.summary, c);
  },
};

export interface ProgressFlags extends ReplanFlags {
  version?: string;
  format?: string;
  start?: string;
  time?: string;
  duration?: string;
  out?: string;
}

const MARKS: Record<string, Mark> = { done: 'done', skip: 'skipped', undo: 'undo' };

export async function progressCommand(action: string | undefined, args: string[], flags: ProgressFlags, session: Session): Promise<void> {
  const store = new LocalStore(resolveHome(session.env), session.warn);
  const verb = action ?? 'list';
  switch (verb) {
    case 'list':
    case 'ls': {
      noExtra(args, 0, 'progress [list]');
      const roadmaps = listRoadmaps(await store.read()).map((saved) => withSchedule(saved, flags));
      return emit(session, { roadmaps, review: await reviewCount(store, session.warn, new Date()) }, listView);
    }
    case 'show': {
      const id = need(args[0], 'progress show ID');
      noExtra(args, 1, 'progress show ID');
      const current = findRoadmap(await store.read(), id);
      const version = flags.version === undefined ? undefined : numberFlag(flags.version);
      if (version !== undefined && (typeof version !== 'number' || !Number.isInteger(version) || version < 1)) {
        throw new UsageError(`--version: expected a version number (1, 2, ...), got "${flags.version}"`);
      }
      const saved = version === undefined ? current : roadmapVersion(current, version);
      // An earlier version is history: no schedule to be behind on.
      return emit(session, { ...saved, summary: saved === current ? withSchedule(saved, flags) : summarize(saved) }, planView);
    }
    case 'done':
    case 'skip':
    case 'undo': {
      const id = need(args[0], `progress ${verb} ID TASK...`);
      const result = await markTasks(store, id, args.slice(1), MARKS[verb]!);
      const what = verb === 'undo' ? 'reopened' : `marked ${result.mark}`;
      const s = result.summary;
      return emitLine(session, result, `${result.id}: ${what} ${result.tasks.length} task${result.tasks.length === 1 ? '' : 's'} (${result.tasks.join(', ')}); now ${s.percent}% done (${s.done + s.skipped}/${s.total})`);
    }
    case 'export':
      return exportPlan(store, args, flags, session);
    case 'replan': {
      const id = need(args[0], 'progress replan ID [--months N] [--hours-per-week H] [--goal TEXT]');
      noExtra(args, 1, 'progress replan ID');
      return (await import('./replan.js')).replanCommand(id, flags, session);
    }
    default:
      throw new UsageError(`unknown progress action "${verb}": use list, show, done, skip, undo, export or replan`);
  }
}

async function exportPlan(store: LocalStore, args: string[], flags: ProgressFlags, session: Session): Promise<void> {
  const id = need(args[0], 'progress export ID --format md|ics');
  noExtra(args, 1, 'progress export ID --format md|ics');
  const format = flags.format ?? 'md';
  if (format !== 'md' && format !== 'ics') throw new UsageError(`--format: expected md or ics, got "${format}"`);
  if (format === 'md' && (flags.start ?? flags.time ?? flags.duration) !== undefined) throw new UsageError('--start, --time and --duration only apply to --format ics');
  if (format === 'ics' && flags.start === undefined) throw new UsageError('--format ics needs --start DATE: the first day of week 1, e.g. --start 2026-01-05');
  if (flags.duration !== undefined && flags.time === undefined) throw new UsageError('--duration needs --time HH:MM (events are all-day without it)');
  const duration = numberFlag(flags.duration);
  if (duration !== undefined && (typeof duration !== 'number' || !Number.isInteger(duration) || duration < 5 || duration > 1440)) {
    throw new UsageError(`--duration: expected whole minutes between 5 and 1440, got "${flags.duration}"`);
  }
  const saved = findRoadmap(await store.read(), id);
  const summary = summarize(saved);
  let text: string;
  let events: number | undefined;
  if (format === 'ics') {
    ({ text, events } = roadmapToIcs(saved, { start: flags.start!, time: flags.time, durationMinutes: duration as number | undefined }));
  } else {
    text = roadmapMarkdown(saved, summary);
  }
  let out: string | undefined;
  if (flags.out !== undefined) {
    out = path.resolve(flags.out);
    try {
      // Write beside the target and rename, so an interrupted export never leaves half a file.
      const temp = `${out}.${randomBytes(4).toString('hex')}.tmp`;
      fs.writeFileSync(temp, text);
      fs.renameSync(temp, out);
    } catch (error) {
      throw new UsageError(`--out: cannot write ${out}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
    }
  }
  if (session.json) {
    return emitLine(session, { id, format, ...(events === undefined ? {} : { events }), ...(out ? { out, bytes: Buffer.byteLength(text) } : { content: text }) }, '');
  }
  if (out) return void session.stderr.write(`wrote ${format === 'ics' ? `${events} weekly events` : 'the checklist'} to ${out}\n`);
  session.stdout.write(text);
}

/** The summary with where the learner stands against the calendar (from --start or the first done). */
function withSchedule(saved: SavedRoadmap, flags: ProgressFlags): RoadmapSummary {
  const schedule = scheduleOf(saved, { start: flags.start, now: new Date() });
  return { ...summarize(saved), ...(schedule ? { schedule } : {}) };
}

function need(value: string | undefined, usage: string): string {
  if (value === undefined || value === '') throw new UsageError(`usage: careerforge ${usage}`);
  return value;
}

function noExtra(args: string[], allowed: number, usage: string): void {
  if (args.length > allowed) throw new UsageError(`unexpected argument "${args[allowed]}": usage: careerforge ${usage}`);
}
