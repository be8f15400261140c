// `careerforge health`: is Ollama up, is the model pulled, does a tiny structured round trip work,
// and where is the model loaded (GPU share from /api/ps). Each check has pass/fail, timing and a
// fix when it fails; a failed prerequisite skips the checks that depend on it.
import type { OllamaHandle } from '../llm/client.js';
import { modelMissing } from '../llm/client.js';
import { drive, round1, tokensPerSecond } from '../events.js';
import { generateStructured, jsonSchemaOf } from '../llm/generate.js';
import { renderPrompt } from '../llm/prompts.js';
import * as z from '../zod.js';
import { CheckFailedError } from '../errors.js';
import { text } from '../llm/bounded.js';

export type CheckName = 'server' | 'model' | 'round_trip' | 'loaded';

export interface HealthCheck {
  name: CheckName;
  status: 'pass' | 'fail' | 'skip';
  ms: number;
  detail: string;
  fix?: string;
}

export interface HealthReport {
  ok: boolean;
  host: string;
  model: string;
  version?: string;
  gpu_share?: number;
  round_trip?: { latency_ms: number; tokens_per_sec: number; tokens_used: number };
  checks: HealthCheck[];
}

export type HealthEvent = { type: 'check'; check: HealthCheck };

// Bounded like every schema sent as format (core/llm/bounded.ts): a word, not a paragraph.
const pingSchema = z.object({ ok: z.boolean(), word: text(20) });

/** Ollama names without a tag mean `:latest`. */
export function normalizeModel(name: string): string {
  return name.includes(':') ? name : `${name}:latest`;
}

export async function* runHealth(handle: OllamaHandle): AsyncGenerator<HealthEvent, HealthReport> {
  const report: HealthReport = { ok: false, host: handle.host, model: handle.model, checks: [] };
  const record = (check: HealthCheck): HealthEvent => (report.checks.push(check), { type: 'check', check });
  const skipRest = (names: CheckName[], why: string) => names.map((name) => record({ name, status: 'skip', ms: 0, detail: why }));

  let t = performance.now();
  try {
    const { version } = await handle.ollama.version();
    report.version = version;
    yield record({ name: 'server', status: 'pass', ms: since(t), detail: `Ollama ${version} at ${handle.host}` });
  } catch (error) {
    const e = handle.classify(error);
    if (e.code === 'INTERRUPTED') throw e;
    yield record({ name: 'server', status: 'fail', ms: since(t), detail: e.message, fix: 'start it with `ollama serve` or set OLLAMA_HOST / --host' });
    for (const event of skipRest(['model', 'round_trip', 'loaded'], 'server unreachable')) yield event;
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
    yield record({ name: 'model', status: 'fail', ms: since(t), detail: e.message, fix: `ollama pull ${handle.model}` });
    for (const event of skipRest(['round_trip', 'loaded'], 'model not pulled')) yield event;
    return report;
  }

  t = performance.now();
  try {
    const result = await drive(
      generateStructured(handle, {
        task: 'health',
        schema: pingSchema,
        system: renderPrompt('system', {}),
        prompt: renderPrompt('health', { schema: JSON.stringify(jsonSchemaOf(pingSchema)) }),
        numPredict: 64,
        check: (v) => (v.ok ? [] : ['"ok" must be true']),
      }),
      () => undefined,
    );
    const latency = since(t);
    const tps = tokensPerSecond(result.stats);
    report.round_trip = { latency_ms: latency, tokens_per_sec: tps, tokens_used: result.stats.prompt_tokens + result.stats.completion_tokens };
    yield record({ name: 'round_trip', status: 'pass', ms: latency, detail: `structured JSON reply, ${tps} tokens/s` });
  } catch (error) {
    const e = handle.classify(error);
    if (e.code === 'INTERRUPTED') throw e;
    yield record({ name: 'round_trip', status: 'fail', ms: since(t), detail: e.message, fix: fixFor(e.code) });
  }

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
    yield record({ name: 'loaded', status: 'fail', ms: since(t), detail: e.message, fix: 'check that the server is still running' });
  }
  report.ok = report.checks.every((c) => c.status === 'pass');
  return report;
}

function fixFor(code: string): string {
  if (code === 'TIMEOUT') return 'raise --timeout: a cold model load can take minutes';
  if (code === 'OUTPUT_TRUNCATED') return 'raise --num-predict';
  return 'check the Ollama server log, or try `careerforge setup`';
}

function since(t: number): number {
  return Math.round(performance.now() - t);
}

function gb(bytes: number): string {
  return `${(bytes / 1e9).toFixed(1)} GB`;
}

/** The one-line error for a failed report, carrying `data` (the report, or what contains it) into the envelope. */
export function failedCheck<D>(report: HealthReport, data: D, prefix = 'health check'): CheckFailedError<D> | undefined {
  if (report.ok) return undefined;
  const failed = report.checks.find((c) => c.status === 'fail');
  return new CheckFailedError(`${prefix} "${failed?.name}" failed: ${failed?.detail}${failed?.fix ? ` (fix: ${failed.fix})` : ''}`, data);
}
