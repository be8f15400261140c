// Progress as text, the one view for terminals (coloured, wrapped by emit) and pipes (no escape codes unless FORCE_COLOR asks), plus the
// Markdown checklist export.
import type { ChalkInstance } from 'chalk';
import type { RoadmapSummary, TaskState } from '../core/progress/progress.js';
import type { SavedRoadmap } from '../core/store/schema.js';
import { scheduleLine } from '../core/progress/schedule.js';
import { plural } from '../core/plural.js';

export function bar(percent: number, width = 20): string {
  const filled = Math.round((Math.max(0, Math.min(100, percent)) * width) / 100);
  return `${'█'.repeat(filled)}${'░'.repeat(width - filled)}`;
}

export function listText(summaries: RoadmapSummary[], c: ChalkInstance): string {
  if (summaries.length === 0) return 'No saved roadmaps yet: create one with careerforge roadmap --role "..."\n';
  const out: string[] = [];
  for (const s of summaries) {
    out.push(`${c.bold(s.id)}  ${s.role} (${s.timeline})  ${c.green(`${s.percent}%`)} done  ${s.done + s.skipped}/${plural(s.total, 'task')}  ${c.dim(s.created_at.slice(0, 10))}`);
    for (const m of s.months) out.push(`  M${String(m.month).padEnd(2)} ${bar(m.percent)} ${String(m.percent).padStart(3)}%  ${m.title}`);
    if (s.schedule) out.push(`  ${s.schedule.behind ? c.yellow(scheduleLine(s.schedule)) : c.dim(scheduleLine(s.schedule))}`);
    out.push('');
  }
  return `${out.join('\n')}`;
}

const BOX: Record<TaskState | 'open', string> = { done: '[x]', skipped: '[-]', open: '[ ]' };

export function showText(saved: SavedRoadmap, summary: RoadmapSummary, c: ChalkInstance): string {
  const plan = saved.roadmap;
  const version = saved.version === undefined ? '' : `  version ${saved.version}`;
  const out = [c.bold(`${plan.career_role} — ${plan.timeline}`) + `  ${saved.id}${version}  ${summary.percent}% done (${summary.done} done, ${summary.skipped} skipped, ${plural(summary.total, 'task')})`, ''];
  if (summary.schedule) out.push(summary.schedule.behind ? c.yellow(scheduleLine(summary.schedule)) : c.dim(scheduleLine(summary.schedule)), '');
  plan.roadmap.forEach((month, mi) => {
    const m = summary.months[mi]!;
    out.push(c.bold.cyan(`Month ${mi + 1}: ${month.title}`) + `  ${bar(m.percent, 10)} ${m.percent}%`);
    month.weeks.forEach((week, wi) => {
      out.push(`  Week ${mi + 1}.${wi + 1} (${week.hours} h): ${week.focus}`);
      week.tasks.forEach((task, ti) => {
        const key = `${mi + 1}.${wi + 1}.${ti + 1}`;
        const state = saved.progress[key] ?? 'open';
        const line = `    ${BOX[state]} ${key} ${task}`;
        out.push(state === 'done' ? c.green(line) : state === 'skipped' ? c.dim(line) : line);
      });
    });
    out.push(`  Checkpoint: ${month.checkpoint}`, '');
  });
  return `${out.join('\n')}`;
}

/** A GitHub-flavoured Markdown checklist; skipped tasks are ticked and struck through. */
export function roadmapMarkdown(saved: SavedRoadmap, summary: RoadmapSummary): string {
  const plan = saved.roadmap;
  const out = [`# ${plan.career_role} (${plan.timeline})`, '', plan.overview, '', `Progress: ${summary.percent}% (${summary.done} done, ${summary.skipped} skipped of ${summary.total})`, ''];
  plan.roadmap.forEach((month, mi) => {
    out.push(`## Month ${mi + 1}: ${month.title}`, '');
    month.weeks.forEach((week, wi) => {
      out.push(`### Week ${mi + 1}.${wi + 1}: ${week.focus} (${week.hours} h)`, '');
      week.tasks.forEach((task, ti) => {
        const state = saved.progress[`${mi + 1}.${wi + 1}.${ti + 1}`];
        out.push(state === 'done' ? `- [x] ${task}` : state === 'skipped' ? `- [x] ~~${task}~~ (skipped)` : `- [ ] ${task}`);
      });
      out.push('');
    });
    for (const p of month.projects) out.push(`- Project: ${p.name} (${p.difficulty}, ~${p.estimated_hours} h)`);
    out.push(`- Checkpoint: ${month.checkpoint}`, '');
  });
  out.push(`**Outcome:** ${plan.final_outcome}`, '');
  return out.join('\n');
}
