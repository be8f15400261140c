// `careerforge health`: run the checks, render them, exit 0 only when all pass.
import { createRunContext } from '../../core/context.js';
import { CareerForgeError } from '../../core/errors.js';
import { drive } from '../../core/events.js';
import { runHealth } from '../../core/ollama-admin/health.js';
import { successEnvelope, writeJson } from '../../render/json.js';
import { elapsed, outputMode, rawSettings, type GlobalFlags, type Session } from '../shared.js';

export async function healthCommand(flags: GlobalFlags, session: Session): Promise<void> {
  const ctx = await createRunContext(rawSettings(flags), session.env, session.signal, session.warn, session.calls);
  session.meta.model = ctx.settings.model;
  session.meta.host = ctx.settings.host;
  const mode = outputMode(session);
  const report = await drive(runHealth(ctx.ollama()), () => undefined);
  Object.assign(session.meta, { latency_ms: elapsed(session), tokens_used: report.round_trip?.tokens_used ?? 0 });

  if (mode === 'ink') {
    const { showHealth } = await import('../../ui/health-view.js');
    await showHealth(report);
  } else if (mode === 'text') {
    const [{ healthText }, { colorFor }] = await Promise.all([import('../../render/health-text.js'), import('../../render/color.js')]);
    process.stdout.write(healthText(report, colorFor(process.stdout, session.env)));
  }
  if (!report.ok) {
    const failed = report.checks.find((c) => c.status === 'fail');
    session.failureData = report;
    // In text and Ink modes the report is already on screen; the handler prints the one-line error.
    throw new CareerForgeError('CHECK_FAILED', `health check "${failed?.name}" failed: ${failed?.detail}${failed?.fix ? ` (fix: ${failed.fix})` : ''}`);
  }
  if (mode === 'json') writeJson(successEnvelope(report, session.meta));
}
