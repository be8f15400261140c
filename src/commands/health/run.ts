// `careerforge health`: run the checks, render them, exit 0 only when all pass.
import { drive } from '../../core/events.js';
import { displayHost } from '../../core/llm/host.js';
import { failedCheck, runHealth, type HealthReport } from '../../core/ollama-admin/health.js';
import { emit, renderText, type View } from '../emit.js';
import { openContext } from '../generation.js';
import { elapsed, type Session } from '../session.js';
import type { GlobalFlags } from '../shared.js';

export const healthView: View<HealthReport> = {
  text: async () => {
    const { healthText } = await import('../../render/health-text.js');
    return (report, _meta, c) => healthText(report, c);
  },
};

export async function healthCommand(flags: GlobalFlags, session: Session): Promise<void> {
  const ctx = await openContext(session, flags);
  session.meta.host = displayHost(ctx.settings.host);
  const report = await drive(runHealth(ctx.ollama()), () => undefined);
  Object.assign(session.meta, { latency_ms: elapsed(session), tokens_used: report.round_trip?.tokens_used ?? 0 });
  const failure = failedCheck(report, report, 'health check', session.mode !== 'json');
  if (!failure) return emit(session, report, healthView);
  // Outside --json the report goes on screen, each failure with its fix, and the handler's line
  // only names the failed checks; in --json the envelope's message says it all and carries the
  // report as its data.
  if (session.mode !== 'json') session.stdout.write(await renderText(session, report, healthView));
  throw failure;
}
