// The Ollama client factory and the one place where transport failures become typed errors.
import { Ollama } from 'ollama';
import { CareerForgeError, InterruptedError, isCareerForgeError } from '../errors.js';
import type { Settings } from '../config/settings.js';
import { createTransport, type TransportState } from './transport.js';
import type { CallHooks } from './hooks.js';
import type { CacheSession } from '../cache/session.js';

export interface OllamaHandle {
  ollama: Ollama;
  host: string;
  model: string;
  settings: Settings;
  signal: AbortSignal;
  /** Call log and --dry-run (see hooks.ts); absent when nothing records calls. */
  hooks?: CallHooks;
  /** The response cache, when the command uses one (see core/cache). */
  cache?: CacheSession;
  /** Map anything thrown by ollama-js or fetch to a CareerForgeError. */
  classify(error: unknown): CareerForgeError;
}

const UNREACHABLE_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN', 'ECONNRESET', 'UND_ERR_SOCKET', 'UND_ERR_CONNECT_TIMEOUT']);

export function createOllama(settings: Settings, signal: AbortSignal, hooks?: CallHooks): OllamaHandle {
  const state: TransportState = { timedOut: false };
  const fetch = createTransport(signal, settings.timeout * 1000, state);
  const ollama = new Ollama({ host: settings.host, fetch });
  const handle: OllamaHandle = {
    ollama,
    host: settings.host,
    model: settings.model,
    settings,
    signal,
    ...(hooks ? { hooks } : {}),
    classify: (error) => classifyError(error, handle, state),
  };
  return handle;
}

export function unreachable(host: string): CareerForgeError {
  return new CareerForgeError('OLLAMA_UNREACHABLE', `Cannot reach Ollama at ${host}: start it with \`ollama serve\` or set OLLAMA_HOST`);
}

export function modelMissing(model: string): CareerForgeError {
  return new CareerForgeError('MODEL_NOT_FOUND', `Model ${model} is not pulled: run \`ollama pull ${model}\` (or \`careerforge setup\`)`);
}

function classifyError(error: unknown, handle: OllamaHandle, state: TransportState): CareerForgeError {
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

/** Retry transient server failures (503 queue full, other 5xx, dropped connections) with backoff. */
export async function withServerRetry<T>(handle: OllamaHandle, run: () => Promise<T>, tries = 4, baseMs = 250): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await run();
    } catch (error) {
      const classified = handle.classify(error);
      const status = (error as { status_code?: number }).status_code ?? 0;
      const transient = classified.code === 'OLLAMA_BUSY' || (classified.code === 'OLLAMA_ERROR' && (status >= 500 || status === 0));
      if (!transient || attempt >= tries) throw classified;
      await sleep(baseMs * 2 ** (attempt - 1), handle.signal);
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
