// iCalendar (RFC 5545) export of a saved roadmap: one event per plan week, starting on --start and
// seven days apart. Calendar apps are strict about the details, so this follows the RFC: CRLF line
// endings, content lines folded at 75 octets (never inside a UTF-8 sequence), TEXT values escaped,
// a stable UID per week (re-importing updates instead of duplicating) and a UTC DTSTAMP.
import { UsageError } from '../errors.js';
import type { SavedRoadmap } from '../store/schema.js';

export interface IcsOptions {
  /** First day of week 1, "YYYY-MM-DD". */
  start: string;
  /** "HH:MM" for timed events (floating local time); all-day events when absent. */
  time?: string;
  /** Length of a timed event in minutes. */
  durationMinutes?: number;
  now?: Date;
}

const DAY_MS = 86_400_000;

/** Strict YYYY-MM-DD that is a real calendar date; returns it as UTC midnight. */
export function parseDate(value: string, flag = '--start'): Date {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const date = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : undefined;
  if (!date || date.toISOString().slice(0, 10) !== value) throw new UsageError(`${flag}: expected a date like 2026-01-05, got "${value}"`);
  return date;
}

export function parseTime(value: string, flag = '--time'): { hours: number; minutes: number } {
  const m = /^([01]?\d|2[0-3]):([0-5]\d)$/.exec(value);
  if (!m) throw new UsageError(`${flag}: expected a time like 18:30, got "${value}"`);
  return { hours: Number(m[1]), minutes: Number(m[2]) };
}

/** TEXT escaping (RFC 5545 3.3.11): backslash, semicolon, comma and newlines. */
export function escapeText(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r\n|\r|\n/g, '\\n');
}

/** Fold one content line into pieces of at most 75 octets, continuation lines starting with a space. */
export function foldLine(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = Buffer.byteLength(char, 'utf8');
    // The continuation's leading space counts toward its 75 octets.
    const limit = parts.length === 0 ? 75 : 74;
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');
const dateValue = (d: Date) => `${d.getUTCFullYear()}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}`;
const utcStamp = (d: Date) => `${dateValue(d)}T${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}${pad(d.getUTCSeconds())}Z`;
const localTime = (d: Date) => `${dateValue(d)}T${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}00`;

export interface IcsResult {
  text: string;
  events: number;
}

export function roadmapToIcs(saved: SavedRoadmap, opts: IcsOptions): IcsResult {
  const start = parseDate(opts.start);
  const time = opts.time === undefined ? undefined : parseTime(opts.time);
  const duration = opts.durationMinutes ?? 60;
  const stamp = utcStamp(opts.now ?? new Date());
  const plan = saved.roadmap;
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//CareerForge//Learning roadmap//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(`${plan.career_role} (${plan.timeline})`)}`,
  ];
  let index = 0;
  plan.roadmap.forEach((month, mi) => {
    month.weeks.forEach((week, wi) => {
      const day = new Date(start.getTime() + index * 7 * DAY_MS);
      index++;
      const tasks = week.tasks.map((task, ti) => {
        const state = saved.progress[`${mi + 1}.${wi + 1}.${ti + 1}`];
        return `${state === 'done' ? '[x]' : state === 'skipped' ? '[-]' : '[ ]'} ${mi + 1}.${wi + 1}.${ti + 1} ${task}`;
      });
      const description = [`Month ${mi + 1}: ${month.title}`, `About ${week.hours} h this week.`, '', ...tasks].join('\n');
      lines.push('BEGIN:VEVENT', `UID:${saved.id}-m${mi + 1}-w${wi + 1}@careerforge`, `DTSTAMP:${stamp}`);
      if (time) {
        const begin = new Date(day.getTime() + (time.hours * 60 + time.minutes) * 60_000);
        lines.push(`DTSTART:${localTime(begin)}`, `DTEND:${localTime(new Date(begin.getTime() + duration * 60_000))}`);
      } else {
        lines.push(`DTSTART;VALUE=DATE:${dateValue(day)}`, `DTEND;VALUE=DATE:${dateValue(new Date(day.getTime() + DAY_MS))}`);
      }
      lines.push(
        `SUMMARY:${escapeText(`${plan.career_role}: month ${mi + 1} week ${wi + 1}: ${week.focus}`)}`,
        `DESCRIPTION:${escapeText(description)}`,
        'TRANSP:TRANSPARENT',
        'END:VEVENT',
      );
    });
  });
  lines.push('END:VCALENDAR');
  return { text: `${lines.map(foldLine).join('\r\n')}\r\n`, events: index };
}
