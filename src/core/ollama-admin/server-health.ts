// `careerforge health --provider openai`: the same report as on Ollama, from what an
// OpenAI-compatible server offers. `server` and `model` both come from GET /v1/models (vLLM,
// llama-server and LM Studio each name themselves in owned_by), then the same structured round
// trip. There is no `loaded` check: these servers load their model at start and report no placement.
import type { LlmHandle } from '../llm/provider.js';
import { roundTrip, since, type CheckName, type HealthCheck, type HealthEvent, type HealthReport } from './round-trip.js';

export async function* runServerHealth(handle: LlmHandle): AsyncGenerator<HealthEvent, HealthReport> {
  const report: HealthReport = { ok: false, host: handle.host, model: handle.model, checks: [] };
  const record = (check: HealthCheck): HealthEvent => (report.checks.push(check), { type: 'check', check });
  const skipRest = (names: CheckName[], why: string) => names.map((name) => record({ name, status: 'skip', ms: 0, detail: why }));

  let t = performance.now();
  let models;
  try {
    const server = await handle.server();
    models = await handle.models();
    report.version = server;
    yield record({ name: 'server', status: 'pass', ms: since(t), detail: `${server} at ${handle.host}, ${models.length} model${models.length === 1 ? '' : 's'}` });
  } catch (error) {
    const e = handle.classify(error);
    if (e.code === 'INTERRUPTED') throw e;
    // The message carries its own fix (start it, fix --host, set CAREERFORGE_API_KEY): shown once.
    yield record({ name: 'server', status: 'fail', ms: since(t), detail: e.message });
    const why = e.code === 'OLLAMA_UNREACHABLE' ? 'server unreachable' : e.code === 'TIMEOUT' ? 'no reply from the server' : 'the server check failed';
    for (const event of skipRest(['model', 'round_trip'], `skipped: ${why}`)) yield event;
    return report;
  }

  t = performance.now();
  const found = models.find((m) => m.name === handle.model);
  const names = models.map((m) => m.name).join(', ');
  if (found) {
    yield record({ name: 'model', status: 'pass', ms: since(t), detail: `${found.name} served${found.detail ? ` (${found.detail})` : ''}` });
  } else if (models.length === 1 && report.version === 'llama.cpp server') {
    // A single-model llama-server answers whatever name is asked for with its own model.
    yield record({ name: 'model', status: 'pass', ms: since(t), detail: `${models[0]!.name} served (llama-server ignores the requested name ${handle.model})` });
  } else {
    yield record({ name: 'model', status: 'fail', ms: since(t), detail: `${handle.model} is not served at ${handle.host} (it serves: ${names || 'nothing'})`, fix: `pass --model with one of: ${names || 'none'}` });
    for (const event of skipRest(['round_trip'], 'skipped: model not served')) yield event;
    return report;
  }

  yield* roundTrip(handle, report, record);
  report.ok = report.checks.every((c) => c.status === 'pass');
  return report;
}
