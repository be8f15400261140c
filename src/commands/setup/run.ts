// `careerforge setup`: pull what is missing, create the coach model, finish with the health check.
import { drive } from '../../core/events.js';
import { displayHost } from '../../core/llm/host.js';
import { failedCheck } from '../../core/ollama-admin/health.js';
import { runSetup, type SetupReport } from '../../core/ollama-admin/setup.js';
import type { Meta } from '../../core/meta.js';
import { emit, type View } from '../emit.js';
import { openContext } from '../generation.js';
import { elapsed, type Session } from '../session.js';
import type { GlobalFlags } from '../shared.js';

export const setupView: View<SetupReport> = {
  text: async () => {
    const { healthText } = await import('../../render/health-text.js');
    return (report: SetupReport, _meta: Meta, c) => {
      const summary = [
        report.pulled.length > 0 ? `Pulled ${report.pulled.join(', ')}.` : `Nothing to pull: ${report.present.join(', ')} already present.`,
        `Created ${report.created.model} from ${report.created.from}.`,
      ];
      return `${summary.join('\n')}\n${healthText(report.health, c)}`;
    };
  },
};

export async function setupCommand(flags: GlobalFlags, session: Session): Promise<void> {
  const ctx = await openContext(session, flags);
  session.meta.host = displayHost(ctx.settings.host);
  const { createSetupProgress } = await import('../../render/setup-progress.js');
  const progress = createSetupProgress(session.stderr, session.json);
  let report;
  try {
    report = await drive(runSetup(ctx.ollama()), (event) => progress.on(event));
  } finally {
    progress.stop();
  }
  Object.assign(session.meta, { latency_ms: elapsed(session), tokens_used: report.health.round_trip?.tokens_used ?? 0 });
  const failure = failedCheck(report.health, report, 'setup finished but health check', !session.json);
  // Shown in full either way (text on a terminal too: setup has no Ink view); --json carries it
  // in the success envelope, or as the failure envelope's data.
  if (!failure) return emit(session, report, setupView);
  if (!session.json) await emit(session, report, setupView);
  throw failure;
}
