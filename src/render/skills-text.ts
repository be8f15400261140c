// The skills-gap report as text, the one view for terminals (coloured, wrapped by emit) and for pipes and files.
import type { ChalkInstance } from 'chalk';
import type { Roadmap } from '../core/roadmap/schema.js';
import type { SkillsReport } from '../core/skills/schema.js';
import { orderedGaps } from '../core/skills/generate.js';
import type { VideoResult } from '../core/videos/videos.js';
import type { Meta } from './json.js';
import { metaLine, roadmapText } from './roadmap-text.js';
import { videosText } from './videos-text.js';

export type SkillsData = SkillsReport & {
  roadmap_id?: string;
  roadmap?: Roadmap;
  videos?: Array<{ skill: string; query: string; results: VideoResult[] }>;
};

export function skillsText(data: SkillsData, meta: Meta, c: ChalkInstance): string {
  const out: string[] = [];
  out.push(c.bold(`${data.target_role}: readiness ${data.readiness_score}/100`), data.readiness_rationale, '');
  if (data.strengths.length) {
    out.push(c.bold.green('Strengths'));
    for (const s of data.strengths) out.push(`  + ${s.skill}: ${s.evidence}`);
    out.push('');
  }
  if (data.gaps.length) {
    out.push(c.bold.yellow('Gaps, in learning order'));
    orderedGaps(data).forEach((g, i) => {
      out.push(`  ${i + 1}. ${g.skill} ${c.dim(`[${g.category}, ${g.importance}] ${g.current_level} -> ${g.target_level}, ~${g.estimated_hours} h`)}`);
      out.push(`     first step: ${g.first_step}`);
    });
    out.push('');
  }
  if (data.transferable_skills.length) {
    out.push(c.bold('Transferable skills'));
    for (const t of data.transferable_skills) out.push(`  ~ ${t.skill}: ${t.relevance}`);
    out.push('');
  }
  if (data.videos) {
    const status = meta.videos as { status?: string; reason?: string } | undefined;
    out.push(...videosText(data.videos.map((v) => ({ label: v.skill, results: v.results })), c, status), '');
  }
  if (data.roadmap) out.push(c.bold('Roadmap to close the gaps'), roadmapText(data.roadmap, { id: data.roadmap_id }, c).trimEnd(), '');
  out.push(c.dim(metaLine(meta)));
  return `${out.join('\n')}\n`;
}
