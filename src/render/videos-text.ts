// Plain-text lines for YouTube results, shared by the roadmap and skills renderers.
import type { ChalkInstance } from 'chalk';
import type { VideoResult } from '../core/videos/videos.js';

export interface VideoGroup {
  /** "Month 2" or the gap's skill. */
  label: string;
  results: VideoResult[];
}

export function videosText(groups: VideoGroup[], c: ChalkInstance, status?: { status?: string; reason?: string }): string[] {
  const out = [c.bold('Videos')];
  for (const group of groups) {
    if (group.results.length === 0) continue;
    out.push(`  ${c.cyan(group.label)}`);
    for (const v of group.results) out.push(`    - ${v.title} ${c.dim(`(${v.channel}, ${v.duration})`)} ${v.url}`);
  }
  if (out.length === 1) out.push(`  ${c.dim(`none found${status?.reason ? `: ${status.reason}` : ''}`)}`);
  return out;
}
