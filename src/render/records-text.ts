// `careerforge list`: one line per saved record, newest first.
import type { ChalkInstance } from 'chalk';
import type { RecordSummary } from '../core/records/records.js';

export function recordsText(records: RecordSummary[], c: ChalkInstance, kind?: string): string {
  if (records.length === 0) return `Nothing saved yet${kind ? ` (${kind})` : ''}. Generate something with careerforge roadmap, skills, interview or quiz.\n`;
  const idWidth = Math.max(2, ...records.map((r) => r.id.length));
  const kindWidth = Math.max(4, ...records.map((r) => r.kind.length));
  const lines = [c.dim(`${'ID'.padEnd(idWidth)}  ${'KIND'.padEnd(kindWidth)}  CREATED           TITLE`)];
  for (const r of records) {
    lines.push(`${c.bold(r.id.padEnd(idWidth))}  ${r.kind.padEnd(kindWidth)}  ${r.created_at.slice(0, 16).replace('T', ' ')}  ${r.title}`);
  }
  return `${lines.join('\n')}\n`;
}
