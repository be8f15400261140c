// The model-server client factory and, for Ollama, the one place where transport failures become
// typed errors. `createLlm` picks the provider (settings.provider); each returns an LlmHandle
// (provider.ts), so generators, health, bench and eval never ask which wire they are on.
import { Ollama } from 'ollama';
import { CareerForgeError, InterruptedError, isCareerForgeError, UsageError } from '../errors.js';
import type { Settings } from '../config/settings.js';
import { createTransport, type TransportState } from './transport.js';
import { ollamaChat } from './ollama-chat.js';
import type { LlmHandle } from './provider.js';
import { createOpenAIHandle } from './openai/handle.js';
import type { CallHooks } from './hooks.js';
import { retryAfterMs } from './retry-after.js';

export type { LlmHandle } from './provider.js';

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

const UNREACHABLE_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN', 'ECONNRESET', 'UND_ERR_SOCKET', 'UND_ERR_CONNECT_TIMEOUT']);

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
  const fetch = createTransport(signal, settings.timeout * 1000, state);
  const ollama = new Ollama({ host: settings.host, fetch });
  const classify = (error: unknown) => classifyError(error, handle, state);
  const handle: OllamaClientHandle = {
    provider: 'ollama',
    label: 'Ollama',
    ollama,
    host: settings.host,
    model: settings.model,
    settings,
    signal,
    classify,
    chat: (req) => ollamaChat(ollama, settings, classify, req),
    models: async () =>
      (await ollama.list()).models.map((m) => ({ name: m.name, size: m.size, ...(m.details?.quantization_level ? { detail: m.details.quantization_level } : {}) })),
    server: async () => `Ollama ${(await ollama.version()).version}`,
    ...(hooks ? { hooks } : {}),
  };
  return handle;
}

/** The Ollama client behind a handle, for what only Ollama does (pull, create, ps); a usage error on other providers. */
export function requireOllama(handle: LlmHandle, what: string): OllamaClientHandle {
  if (handle.provider === 'ollama') return handle as OllamaClientHandle;
  throw new UsageError(`${what} needs Ollama's own API: run it with --provider ollama`);
}

export function unreachable(host: string): CareerForgeError {
  return new CareerForgeError('OLLAMA_UNREACHABLE', `Cannot reach Ollama at ${host}: start it with \`ollama serve\` or set OLLAMA_HOST`);
}

export function modelMissing(model: string): CareerForgeError {
  return new CareerForgeError('MODEL_NOT_FOUND', `Model ${model} is not pulled: run \`ollama pull ${model}\` (or \`careerforge setup\`)`);
}

function classifyError(error: unknown, handle: LlmHandle, state: TransportState): CareerForgeError {
  if (isCareerForgeError(error)) return error;
  if (state.timedOut) {
    return new CareerForgeError(
      'TIMEOUT',
      `No reply from Ollama at ${handle.host} for ${handle.settings.timeout}s: the model may still be loading; raise --timeout or check \`ollama ps\``,
    );
  }
  if (handle.signal.aborted) return new InterruptedError();
  const err = error as { name?: string; status_code?: number; message?: string; cause?: { code?: string } };
  if (err?.name === 'ResponseError') {
    const status = err.status_code ?? 0;
    const message = (err.message ?? '').split('\n')[0] ?? '';
    if (status === 404 && /not found/i.test(message)) return modelMissing(handle.model);
    if (status === 503) {
      return new CareerForgeError('OLLAMA_BUSY', `Ollama at ${handle.host} is busy (503: ${message}): wait and retry, or raise OLLAMA_MAX_QUEUE on the server`);
    }
    return new CareerForgeError('OLLAMA_ERROR', `Ollama at ${handle.host} answered ${status}: ${message}`);
  }
  const code = err?.cause?.code;
  if (err?.name === 'TypeError' && (code === undefined || UNREACHABLE_CODES.has(code))) {
    if (code === 'ECONNRESET' || code === 'UND_ERR_SOCKET') {
      return new CareerForgeError('OLLAMA_ERROR', `Ollama at ${handle.host} closed the connection without answering: check the server log`);
    }
    return unreachable(handle.host);
  }
  return new CareerForgeError('INTERNAL', `Unexpected error talking to Ollama: ${err?.message ?? String(error)}`);
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
      const transient = classified.code === 'OLLAMA_BUSY' || (classified.code === 'OLLAMA_ERROR' && (status >= 500 || status === 0));
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
