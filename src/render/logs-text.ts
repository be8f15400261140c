// `careerforge logs` as text: one section per call, like `llm logs`: what was asked, of which
// model with which options, what came back, and what it cost.
import type { LoggedCall } from '../core/logs/query.js';
import { plural } from '../core/plural.js';

const seconds = (ns: number) => `${(ns / 1e9).toFixed(2)} s`;

export function logsText(calls: LoggedCall[], matched: number): string {
  if (calls.length === 0) return 'No calls logged yet (or none match).\n';
  const out: string[] = [];
  if (matched > calls.length) out.push(`(the last ${calls.length} of ${plural(matched, 'call')}; -n 0 shows all)`, '');
  for (const call of calls) out.push(...callLines(call), '');
  return `${out.join('\n')}\n`.replace(/\n\n\n$/, '\n\n');
}

function callLines(call: LoggedCall): string[] {
  const saved = call.record_ids.length ? ` → ${call.record_ids.join(', ')}` : '';
  const outcome = call.outcome === 'ok' ? 'ok' : `${call.outcome}${call.error ? `: ${call.error}` : ''}`;
  const tokens = call.prompt_tokens === null ? 'no token counts' : `${call.prompt_tokens} prompt + ${call.completion_tokens ?? 0} completion tokens`;
  const server = call.durations_ns ? `${seconds(call.durations_ns.total)} on the server (load ${seconds(call.durations_ns.load)}, prompt ${seconds(call.durations_ns.prompt_eval)}, generation ${seconds(call.durations_ns.eval)})` : 'no server timings';
  const lines = [
    `## ${call.id}  ${call.ts}  ${call.command}${saved}`,
    `task: ${call.task} · schema: ${call.schema.name} (sha256 ${call.schema.sha256.slice(0, 12)}) · attempt ${call.attempt}/${call.max_attempts} · ${outcome}`,
    `model: ${call.model} at ${call.host} · options: ${JSON.stringify(call.options)}`,
    `${tokens} · ${server} · ${call.latency_ms} ms in all · done_reason: ${call.done_reason ?? 'none'}`,
    ...(call.ratings ?? []).map((r) => `rated ${r.score}/5${r.note ? `: ${r.note}` : ''} (${r.record_id})`),
  ];
  for (const message of call.messages) lines.push('', `### ${message.role}`, message.content.trimEnd());
  lines.push('', '### reply', call.reply.trimEnd() || '(empty)');
  return lines;
}
