// What --dry-run prints: the request that would have gone to the server, exactly (in --json the
// body itself), or readably on a terminal or pipe.
import type { DryRunStop } from '../core/llm/dry-run.js';

export function dryRunData(stop: DryRunStop) {
  return {
    dry_run: true,
    host: stop.context.host,
    endpoint: '/api/chat',
    task: stop.context.task,
    schema_name: stop.context.schemaName,
    request: stop.request,
    note: FOLLOWING,
  };
}

const FOLLOWING = 'This is the first request of the run. Later requests (more months or batches, repairs of an invalid answer) depend on its answer and are not shown.';

export function dryRunText(stop: DryRunStop): string {
  const { request, context } = stop;
  const lines = [
    `Dry run: nothing was sent, nothing was saved.`,
    `Would POST ${context.host}/api/chat (task: ${context.task}, schema: ${context.schemaName})`,
    `model: ${request.model}`,
    `options: ${JSON.stringify(request.options)}`,
    '',
  ];
  for (const message of request.messages) {
    lines.push(`--- ${message.role} ---`, message.content.trimEnd(), '');
  }
  lines.push('--- format (JSON schema) ---', JSON.stringify(request.format, null, 2), '', FOLLOWING, '');
  return lines.join('\n');
}
