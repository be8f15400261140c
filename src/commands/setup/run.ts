// `careerforge setup`: pull what is missing, create the coach model, finish with the health check.
import { createRunContext } from '../../core/context.js';
import { CareerForgeError } from '../../core/errors.js';
import { drive } from '../../core/events.js';
import { runSetup } from '../../core/ollama-admin/setup.js';
import { successEnvelope, writeJson } from '../../render/json.js';
import { elapsed, rawSettings, type GlobalFlags, type Session } from '../shared.js';

export async function setupCommand(flags: GlobalFlags, session: Session): Promise<void> {
  const ctx = await createRunContext(rawSettings(flags), session.env, session.signal, session.warn);
  session.meta.model = ctx.settings.model;
  session.meta.host = ctx.settings.host;
  const { createSetupProgress } = await import('../../render/setup-progress.js');
  const progress = createSetupProgress(process.stderr, session.json);
  let report;
  try {
    report = await drive(runSetup(ctx.ollama()), (event) => progress.on(event));
  } finally {
    progress.stop();
  }
  Object.assign(session.meta, { latency_ms: elapsed(session), tokens_used: report.health.round_trip?.tokens_used ?? 0 });

  if (!session.json) {
    const [{ healthText }, { colorFor }] = await Promise.all([import('../../render/health-text.js'), import('../../render/color.js')]);
    const summary = [
      report.pulled.length > 0 ? `Pulled ${report.pulled.join(', ')}.` : `Nothing to pull: ${report.present.join(', ')} already present.`,
      `Created ${report.created.model} from ${report.created.from}.`,
    ];
    process.stdout.write(`${summary.join('\n')}\n${healthText(report.health, colorFor(process.stdout, session.env))}`);
  }
  if (!report.health.ok) {
    const failed = report.health.checks.find((c) => c.status === 'fail');
    session.failureData = report;
    throw new CareerForgeError('CHECK_FAILED', `setup finished but health check "${failed?.name}" failed: ${failed?.detail}${failed?.fix ? ` (fix: ${failed.fix})` : ''}`);
  }
  if (session.json) writeJson(successEnvelope(report, session.meta));
}
