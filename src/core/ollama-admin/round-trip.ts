// Shared by the health checks of every provider: the report's shape and the structured round trip
// (a tiny schema-bound answer, timed, with tokens/s from the server's counters).
import { drive, tokensPerSecond } from '../events.js';
import { generateStructured, jsonSchemaOf } from '../llm/generate.js';
import { renderPrompt } from '../llm/prompts.js';
import type { LlmHandle } from '../llm/provider.js';
import * as z from '../zod.js';
import { text } from '../llm/bounded.js';
import { DiagnosedError } from '../llm/ollama-errors.js';

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

/** The structured round trip every provider runs: a tiny schema-bound answer, timed, with tokens/s. */
export async function* roundTrip(handle: LlmHandle, report: HealthReport, record: (check: HealthCheck) => HealthEvent): AsyncGenerator<HealthEvent> {
  const t = performance.now();
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
    const check = e instanceof DiagnosedError ? { detail: e.problem, fix: e.fix } : { detail: e.message, fix: fixFor(e.code, handle.provider === 'ollama') };
    yield record({ name: 'round_trip', status: 'fail', ms: since(t), ...check });
  }
}

function fixFor(code: string, ollama = true): string {
  if (!ollama && code !== 'TIMEOUT' && code !== 'OUTPUT_TRUNCATED') return 'check the server log';
  if (code === 'TIMEOUT') return 'raise --timeout: a cold model load can take minutes';
  if (code === 'OUTPUT_TRUNCATED') return 'raise --num-predict';
  return 'check the Ollama server log, or try `careerforge setup`';
}

export function since(t: number): number {
  return Math.round(performance.now() - t);
}

