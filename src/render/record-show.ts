// `careerforge show ID` for every kind of record, as text (the views the generating commands
// print), Markdown, or the stored JSON.
import type { ChalkInstance } from 'chalk';
import type { BenchRun } from '../core/bench/types.js';
import { summarize } from '../core/progress/progress.js';
import type { Resolved } from '../core/records/records.js';
import { ratingText, type Rating } from '../core/ratings/ratings.js';
import type { SavedRoadmap } from '../core/store/schema.js';
import type { SavedInterview } from '../core/interview/schema.js';
import type { SavedQuiz } from '../core/quiz/schema.js';
import type { SkillsReport } from '../core/skills/schema.js';
import { benchMarkdown, benchText } from './bench-text.js';
import { interviewText } from './interview-text.js';
import { roadmapMarkdown, showText } from './progress-text.js';
import { quizText } from './quiz-text.js';
import { interviewMarkdown, quizMarkdown, skillsMarkdown } from './record-markdown.js';
import { skillsText } from './skills-text.js';

export type ShowFormat = 'text' | 'md' | 'json';

export function showRecord({ kind, record }: Resolved, format: ShowFormat, c: ChalkInstance): string {
  if (format === 'json') return `${JSON.stringify(record, null, 2)}\n`;
  const title = typeof record.title === 'string' ? record.title : undefined;
  const meta = { id: record.id, model: typeof record.model === 'string' ? record.model : undefined };
  const heading = title ? (format === 'md' ? `<!-- ${title} -->\n` : `${c.bold.underline(title)}\n`) : '';
  const rating = record.rating as Rating | undefined;
  const rated = rating ? (format === 'md' ? `> Rated ${ratingText(rating)}\n\n` : `${c.yellow(`Rated ${ratingText(rating)}`)}\n`) : '';
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- validated by the store schema for its kind
  const r = record as any;
  return heading + rated + body(kind, r, format, meta, c);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- validated by the store schema for its kind
function body(kind: Resolved['kind'], r: any, format: ShowFormat, meta: { id: string; model?: string }, c: ChalkInstance): string {
  switch (kind) {
    case 'roadmaps': {
      const saved = r as SavedRoadmap;
      return (format === 'md' ? roadmapMarkdown(saved, summarize(saved)) : `${showText(saved, summarize(saved), c)}\n`);
    }
    case 'skills': {
      const report = r.report as SkillsReport;
      return (format === 'md' ? skillsMarkdown(report, r.roadmap_id) : skillsText({ ...report, ...(r.roadmap_id ? { roadmap_id: r.roadmap_id } : {}) }, meta, c));
    }
    case 'interviews':
      return (format === 'md' ? interviewMarkdown(r as SavedInterview) : interviewText((r as SavedInterview).interview, meta, c));
    case 'quizzes':
      return (format === 'md' ? quizMarkdown(r as SavedQuiz) : quizText((r as SavedQuiz).quiz, meta, c));
    case 'bench':
      return (format === 'md' ? benchMarkdown(r as BenchRun) : benchText(r as BenchRun, c));
  }
}
