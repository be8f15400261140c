// Text for the spaced-repetition counts: `quiz --due`, the line `progress` adds, and what
// `quiz --review` says when nothing is due.
import type { ChalkInstance } from 'chalk';
import type { DueSummary } from '../core/review/cards.js';

const cards = (n: number) => `${n} card${n === 1 ? '' : 's'}`;
const day = (iso: string | null) => (iso ? iso.slice(0, 10) : '');

/** One line: how many are due, and what to run. */
export function dueLine(summary: Pick<DueSummary, 'due' | 'total' | 'next_due'>): string {
  if (summary.total === 0) return 'No quiz cards yet: every question you answer in careerforge quiz becomes one.';
  if (summary.due === 0) return `No quiz cards due today (${cards(summary.total)}${summary.next_due ? `; the next on ${day(summary.next_due)}` : ''}).`;
  return `${cards(summary.due)} due today (of ${summary.total}): careerforge quiz --review`;
}

export function dueText(summary: DueSummary, _meta: unknown, c: ChalkInstance): string {
  const out = [summary.due > 0 ? c.bold(dueLine(summary)) : dueLine(summary)];
  if (summary.topics.length > 1 || (summary.topics.length === 1 && summary.due > 0)) {
    const width = Math.max(...summary.topics.map((t) => t.topic.length));
    for (const t of summary.topics) out.push(`  ${t.topic.padEnd(width)}  ${t.due} due of ${t.total}`);
  }
  return `${out.join('\n')}\n`;
}

export function nothingDueText(summary: DueSummary, topic: string | undefined): string {
  if (summary.total === 0) {
    return topic ? `No quiz cards on "${topic}" yet: take one with careerforge quiz --topic "${topic}".` : dueLine(summary);
  }
  return `Nothing to review${topic ? ` on "${topic}"` : ''}: ${dueLine(summary).replace(/^No quiz cards due today/, 'no card is due today')}`;
}
