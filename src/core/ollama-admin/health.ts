// `careerforge health`: is Ollama up, is the model pulled, does a tiny structured round trip work,
// and where is the model loaded (GPU share from /api/ps). Each check has pass/fail, timing and a
// fix when it fails; a failed prerequisite skips the checks that depend on it.
import { modelMissing, type LlmHandle, type OllamaClientHandle } from '../llm/client.js';
import { runServerHealth } from './server-health.js';
import { round1 } from '../events.js';
import { CheckFailedError, type CareerForgeError } from '../errors.js';
import { DiagnosedError, probeVersion } from '../llm/ollama-errors.js';
import { roundTrip, since, type CheckName, type HealthCheck, type HealthEvent, type HealthReport } from './round-trip.js';

export type { CheckName, HealthCheck, HealthEvent, HealthReport } from './round-trip.js';

/** Ollama names without a tag mean `:latest`. */
export function normalizeModel(name: string): string {
  return name.includes(':') ? name : `${name}:latest`;
}

export async function* runHealth(llm: LlmHandle): AsyncGenerator<HealthEvent, HealthReport> {
  // An OpenAI-compatible server has no /api/ps or versions: its own checks (same shape, same report).
  if (llm.provider !== 'ollama') return yield* runServerHealth(llm);
  const handle = llm as OllamaClientHandle;
  const report: HealthReport = { ok: false, host: handle.host, model: handle.model, checks: [] };
  const record = (check: HealthCheck): HealthEvent => (report.checks.push(check), { type: 'check', check });
  const skipRest = (names: CheckName[], why: string) => names.map((name) => record({ name, status: 'skip', ms: 0, detail: why }));

  let t = performance.now();
  try {
    const version = await probeVersion(handle.ollama, handle.classify, handle.host);
    report.version = version;
    yield record({ name: 'server', status: 'pass', ms: since(t), detail: `Ollama ${version} at ${handle.host}` });
  } catch (error) {
    const e = handle.classify(error);
    if (e.code === 'INTERRUPTED') throw e;
    yield record({ name: 'server', status: 'fail', ms: since(t), ...problemAndFix(e) });
    for (const event of skipRest(['model', 'round_trip', 'loaded'], skipReason(e, 'server'))) yield event;
    return report;
  }

  t = performance.now();
  const wanted = normalizeModel(handle.model);
  try {
    const { models } = await handle.ollama.list();
    const found = models.find((m) => normalizeModel(m.name) === wanted);
    if (!found) throw modelMissing(handle.model);
    yield record({ name: 'model', status: 'pass', ms: since(t), detail: `${wanted} pulled (${gb(found.size)}, ${found.details?.quantization_level ?? '?'})` });
  } catch (error) {
    const e = handle.classify(error);
    if (e.code === 'INTERRUPTED') throw e;
    // The server is Ollama (the check above proved it), so "not pulled" here is the truth.
    const check = e.code === 'MODEL_NOT_FOUND' ? { detail: `${wanted} is not pulled`, fix: `ollama pull ${handle.model}` } : problemAndFix(e);
    yield record({ name: 'model', status: 'fail', ms: since(t), ...check });
    for (const event of skipRest(['round_trip', 'loaded'], skipReason(e, 'model'))) yield event;
    return report;
  }

  yield* roundTrip(handle, report, record);

  t = performance.now();
  try {
    const { models } = await handle.ollama.ps();
    const loaded = models.find((m) => normalizeModel(m.name) === wanted);
    if (!loaded) {
      yield record({ name: 'loaded', status: 'fail', ms: since(t), detail: `${wanted} is not loaded`, fix: 'check the server log: the model failed to stay loaded (memory?)' });
    } else {
      const share = loaded.size > 0 ? loaded.size_vram / loaded.size : 0;
      report.gpu_share = round1(share * 100) / 100;
      const where = share >= 0.999 ? '100% GPU' : share <= 0 ? 'CPU only' : `${Math.round(share * 100)}% GPU / ${100 - Math.round(share * 100)}% CPU`;
      yield record({ name: 'loaded', status: 'pass', ms: since(t), detail: `loaded, ${where} (${gb(loaded.size_vram)} VRAM of ${gb(loaded.size)})` });
    }
  } catch (error) {
    const e = handle.classify(error);
    if (e.code === 'INTERRUPTED') throw e;
    yield record({ name: 'loaded', status: 'fail', ms: since(t), ...problemAndFix(e) });
  }
  report.ok = report.checks.every((c) => c.status === 'pass');
  return report;
}

function gb(bytes: number): string {
  return `${(bytes / 1e9).toFixed(1)} GB`;
}

/** A failure as a check row: the problem, and its fix once (a DiagnosedError knows them apart). */
export function problemAndFix(e: CareerForgeError): { detail: string; fix?: string } {
  return e instanceof DiagnosedError ? { detail: e.problem, fix: e.fix } : { detail: e.message };
}

/** Why the checks after a failed one were skipped, in a few words. */
function skipReason(e: CareerForgeError, check: CheckName): string {
  const short = e instanceof DiagnosedError ? e.short : SHORT[e.code];
  return short ?? `the ${check} check failed`;
}

const SHORT: Partial<Record<string, string>> = { TIMEOUT: 'no reply from the server', OLLAMA_BUSY: 'server busy' };

/**
 * The one-line error for a failed report, carrying `data` (the report, or what contains it) into
 * the envelope. `shown`: the report is already on screen, its rows and fixes included, so the line
 * only names what failed instead of saying it all again.
 */
export function failedCheck<D>(report: HealthReport, data: D, prefix = 'health check', shown = false): CheckFailedError<D> | undefined {
  if (report.ok) return undefined;
  const failed = report.checks.filter((c) => c.status === 'fail');
  if (shown) {
    const names = failed.map((c) => `"${c.name}"`).join(', ');
    const label = failed.length > 1 ? prefix.replace(/check$/, 'checks') : prefix;
    return new CheckFailedError(`${label} ${names} failed`, data);
  }
  const first = failed[0];
  return new CheckFailedError(`${prefix} "${first?.name}" failed: ${first?.detail}${first?.fix ? ` (fix: ${first.fix})` : ''}`, data);
}
