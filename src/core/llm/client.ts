// The model-server client factory; for Ollama, transport failures become typed errors in
// ollama-errors.ts. `createLlm` picks the provider (settings.provider); each returns an LlmHandle
// (provider.ts), so generators, health, bench and eval never ask which wire they are on.
import { Ollama } from 'ollama';
import { CareerForgeError, InterruptedError, isCareerForgeError, UsageError } from '../errors.js';
import type { Settings } from '../config/settings.js';
import type { TransportState } from './transport.js';
import { createOllamaFetch } from './ollama-fetch.js';
import { splitCredentials } from './host.js';
import { classifyOllamaError, diagnoseNotFound, probeVersion } from './ollama-errors.js';
import { ollamaChat } from './ollama-chat.js';
import type { LlmHandle } from './provider.js';
import { createOpenAIHandle } from './openai/handle.js';
import type { CallHooks } from './hooks.js';
import { retryAfterMs } from './retry-after.js';

export type { LlmHandle } from './provider.js';
export { modelMissing, unreachable } from './ollama-errors.js';

/** An Ollama handle: the provider-neutral part plus ollama-js for Ollama-only work (setup, bench, ps). */
export interface OllamaClientHandle extends LlmHandle {
  readonly provider: 'ollama';
  ollama: Ollama;
}

/**
 * Kept so modules written before the provider seam still compile: every generator takes this,
 * and it is any provider's handle. New code names LlmHandle.
 */
export type OllamaHandle = LlmHandle;

/** The handle for the configured provider. `apiKey` (CAREERFORGE_API_KEY) is only ever sent to an OpenAI-compatible server. */
export function createLlm(
  settings: Settings,
  signal: AbortSignal,
  apiKey?: string,
  hooks?: CallHooks,
  state: TransportState = { timedOut: false, lastActivity: 0 },
): LlmHandle {
  const handle = settings.provider === 'openai' ? createOpenAIHandle(settings, signal, apiKey, state) : createOllama(settings, signal, undefined, state);
  if (hooks) handle.hooks = hooks;
  // A pool job's handle: the same server, settings, hooks and cache, aborted by the job's signal
  // or the command's, and sharing the idle watchdog's clock (transport.ts) with its siblings.
  handle.fork = (other) => {
    const forked = createLlm(settings, AbortSignal.any([signal, other]), apiKey, hooks, state);
    if (handle.cache) forked.cache = handle.cache;
    return forked;
  };
  return handle;
}

export function createOllama(
  settings: Settings,
  signal: AbortSignal,
  hooks?: CallHooks,
  state: TransportState = { timedOut: false, lastActivity: 0 },
): OllamaClientHandle {
  // user:password@ in the host travels as a Basic auth header; the handle's host (every message,
  // every saved record) never carries it.
  const { host, authorization } = splitCredentials(settings.host);
  const fetch = createOllamaFetch(signal, settings.timeout * 1000, state, authorization);
  const ollama = new Ollama({ host, fetch });
  const ctx = { host, model: settings.model, timeout: settings.timeout, signal };
  const classify = (error: unknown) => classifyOllamaError(error, ctx, state);
  const handle: OllamaClientHandle = {
    provider: 'ollama',
    label: 'Ollama',
    ollama,
    host,
    model: settings.model,
    settings,
    signal,
    classify,
    chat: async (req) => {
      try {
        return await ollamaChat(ollama, settings, classify, req);
      } catch (error) {
        // A 404 may mean "not pulled" or "not Ollama at all": ask the server before saying which.
        const e = error as { name?: string; status_code?: number };
        if (e?.name === 'ResponseError' && e.status_code === 404 && !signal.aborted) throw await diagnoseNotFound(ollama, classify, ctx, error);
        throw error;
      }
    },
    models: async () =>
      (await ollama.list()).models.map((m) => ({ name: m.name, size: m.size, ...(m.details?.quantization_level ? { detail: m.details.quantization_level } : {}) })),
    server: async () => `Ollama ${await probeVersion(ollama, classify, host)}`,
    ...(hooks ? { hooks } : {}),
  };
  return handle;
}

/** The Ollama client behind a handle, for what only Ollama does (pull, create, ps); a usage error on other providers. */
export function requireOllama(handle: LlmHandle, what: string): OllamaClientHandle {
  if (handle.provider === 'ollama') return handle as OllamaClientHandle;
  throw new UsageError(`${what} needs Ollama's own API: run it with --provider ollama`);
}

/** HTTP status of a failed request, from ollama-js (status_code) or the openai package (status). */
export function statusOf(error: unknown): number {
  const err = error as { status_code?: number; status?: number };
  return err?.status_code ?? (typeof err?.status === 'number' ? err.status : 0);
}

/** Retry transient server failures (503/429 queue full, other 5xx, dropped connections) with backoff,
 * waiting at least as long as the server's Retry-After when it sent one. */
export async function withServerRetry<T>(handle: LlmHandle, run: () => Promise<T>, tries = 4, baseMs = 250): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await run();
    } catch (error) {
      const classified = handle.classify(error);
      const status = statusOf(error);
      // Status 0 is a dropped connection; an error the provider has already diagnosed (a 404
      // answered by something that is not Ollama: ollama-errors.ts) has no status and is final.
      const diagnosed = isCareerForgeError(error);
      const transient = classified.code === 'OLLAMA_BUSY' || (classified.code === 'OLLAMA_ERROR' && !diagnosed && (status >= 500 || status === 0));
      const asked = transient ? retryAfterMs(error) : undefined;
      if (!transient || attempt >= tries) {
        throw asked === undefined ? classified : new CareerForgeError(classified.code, classified.message, classified.exitCode, { cause: error, retryAfterMs: asked });
      }
      // The server's own Retry-After wins over our guess; our backoff is the floor.
      await sleep(Math.max(baseMs * 2 ** (attempt - 1), asked ?? 0), handle.signal);
    }
  }
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(new InterruptedError());
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => (clearTimeout(timer), reject(new InterruptedError())), { once: true });
  });
}
