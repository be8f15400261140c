// The roadmap as text: the one view for terminals (coloured, wrapped by emit) and for pipes and
// files (no escape codes unless FORCE_COLOR asks).
import type { ChalkInstance } from 'chalk';
import type { Month, Roadmap } from '../core/roadmap/schema.js';
import type { VideoResult } from '../core/videos/videos.js';
import type { Meta } from './json.js';
import { videosText } from './videos-text.js';
import { plural } from '../core/plural.js';

/** A roadmap as `roadmap` prints it: with YouTube results per month under --videos. */
export type RoadmapData = Roadmap & { videos?: Array<{ month: number; query: string; results: VideoResult[] }> };

/** The roadmap, then its videos (when asked for). */
export function roadmapDataText(data: RoadmapData, meta: Meta, c: ChalkInstance): string {
  return roadmapText(data, meta, c) + roadmapVideosText(data, meta, c);
}

export function roadmapVideosText(data: RoadmapData, meta: Meta, c: ChalkInstance): string {
  if (!data.videos) return '';
  const groups = data.videos.map((v) => ({ label: `Month ${v.month}`, results: v.results }));
  return `\n${videosText(groups, c, meta.videos).join('\n')}\n`;
}

export function roadmapText(roadmap: Roadmap, meta: Meta, c: ChalkInstance): string {
  return roadmapHeadText(roadmap, c) + roadmap.roadmap.map((month) => monthText(month, c)).join('') + roadmapTailText(roadmap, meta, c);
}

// The three parts of the one roadmap view, also printed one by one as a long plan arrives
// (progressive output): the head once the outline is in, each month as it completes, the tail.

/** The plan's title and overview. */
export function roadmapHeadText(frame: Pick<Roadmap, 'career_role' | 'timeline' | 'overview'>, c: ChalkInstance): string {
  return `${c.bold(`${frame.career_role} — ${frame.timeline}`)}\n${frame.overview}\n\n`;
}

export function monthText(month: Month, c: ChalkInstance): string {
  const out: string[] = [c.bold.cyan(`Month ${month.month}: ${month.title}`)];
  for (const week of month.weeks) {
    out.push(`  ${c.bold(`Week ${week.week}`)} ${c.dim(`(${week.hours} h)`)}: ${week.focus}`);
    for (const task of week.tasks) out.push(`    - ${task}`);
  }
  if (month.tools.length) out.push(`  ${c.magenta('Tools:')} ${month.tools.join(', ')}`);
  for (const p of month.projects) out.push(`  ${c.yellow('Project:')} ${p.name} ${c.dim(`(${p.difficulty}, ~${p.estimated_hours} h)`)}`);
  out.push(`  ${c.green('Checkpoint:')} ${month.checkpoint}`, '');
  return `${out.join('\n')}\n`;
}

/** The outcome, the resources and the meta line. */
export function roadmapTailText(roadmap: Pick<Roadmap, 'final_outcome' | 'resources'>, meta: Meta, c: ChalkInstance): string {
  const out: string[] = [c.bold('Outcome: ') + roadmap.final_outcome];
  const r = roadmap.resources;
  if (r.official_docs.length) out.push(`Docs: ${r.official_docs.join('; ')}`);
  if (r.courses.length) out.push(`Courses: ${r.courses.join('; ')}`);
  if (r.youtube_channels.length) out.push(`YouTube: ${r.youtube_channels.join('; ')}`);
  out.push('', c.dim(metaLine(meta)));
  return `${out.join('\n')}\n`;
}

export function metaLine(meta: Meta): string {
  const parts = [
    meta.id ? `saved as ${String(meta.id)}` : undefined,
    meta.model,
    meta.latency_ms !== undefined ? `${(meta.latency_ms / 1000).toFixed(1)} s` : undefined,
    meta.tokens_used !== undefined ? plural(meta.tokens_used, 'token') : undefined,
    meta.tokens_per_sec ? `${String(meta.tokens_per_sec)} tok/s` : undefined,
    typeof meta.attempts === 'number' && typeof meta.calls === 'number' && meta.attempts > meta.calls ? `${meta.attempts} attempts` : undefined,
  ];
  return parts.filter(Boolean).join(' · ');
}
