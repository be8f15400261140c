// Failures of an OpenAI-compatible server as the same typed errors (and exit codes) as Ollama's.
// Bodies differ by server (test/fixtures/openai-wire): vLLM's old flat {"object":"error",...} and
// new {"error":{...}}, llama-server's {"error":{code,message,type}}, LM Studio's {"error":"text"};
// the message is read from whichever shape arrived.
import { CareerForgeError, InterruptedError, isCareerForgeError } from '../../errors.js';
import type { TransportState } from '../transport.js';
import { errorBodies } from './fetch.js';
import { tlsProblem } from '../ollama-errors.js';

const UNREACHABLE_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN', 'UND_ERR_CONNECT_TIMEOUT']);

export interface OpenAIErrorContext {
  host: string;
  model: string;
  timeout: number;
  signal: AbortSignal;
  state: TransportState;
}

/** The one-line message of an error body, whatever the server's shape; '' when there is none. */
export function errorMessage(body: unknown): string {
  const b = body as { error?: unknown; message?: unknown } | undefined;
  const inner = typeof b?.error === 'object' && b.error !== null ? (b.error as { message?: unknown }).message : b?.error;
  const text = typeof inner === 'string' ? inner : typeof b?.message === 'string' ? b.message : '';
  // vLLM can repeat a template error twice in one message (vllm-07b): say it once.
  const half = text.length / 2;
  const doubled = Number.isInteger(half - 0.5) && text.slice(0, half - 0.5) === text.slice(half + 0.5) ? text.slice(0, half - 0.5) : text;
  return doubled.split('\n')[0]!.trim();
}

/** The parsed error body of a failed request, from what the fetch wrapper kept. */
export function errorBody(error: unknown): unknown {
  const err = error as { headers?: object; error?: unknown };
  const text = err?.headers ? errorBodies.get(err.headers) : undefined;
  if (text !== undefined) {
    try {
      return JSON.parse(text);
    } catch {
      return { error: text.trim() };
    }
  }
  return err?.error === undefined ? undefined : { error: err.error };
}

export const ROLES_MUST_ALTERNATE = /roles must alternate/i;
const CONTEXT_EXCEEDED = /maximum context length|exceeds the available context size|larger than the max context size|context_length_exceeded|exceed_context_size/i;

export function classifyOpenAI(error: unknown, ctx: OpenAIErrorContext): CareerForgeError {
  if (isCareerForgeError(error)) return error;
  const at = `the server at ${ctx.host}`;
  if (ctx.state.timedOut) {
    return new CareerForgeError('TIMEOUT', `No reply from ${at} for ${ctx.timeout}s: the model may still be loading or the queue is long; raise --timeout`);
  }
  if (ctx.signal.aborted) return new InterruptedError();
  const err = error as { name?: string; status?: number; message?: string; cause?: unknown; error?: unknown; code?: unknown };
  if (typeof err?.status === 'number') return fromStatus(err.status, errorBody(error), err, ctx, at);
  // APIConnectionError wraps our transport's TypeError('fetch failed', { cause: system error }).
  const cause = (err?.name === 'TypeError' ? err : (err?.cause as typeof err)) ?? err;
  const code = (cause?.cause as { code?: string } | undefined)?.code;
  if (cause?.name === 'TypeError' || err?.name === 'APIConnectionError') {
    const tls = tlsProblem(ctx.host, code, (cause?.cause as { message?: string } | undefined)?.message ?? '');
    if (tls) return tls;
    if (code && !UNREACHABLE_CODES.has(code)) {
      return new CareerForgeError('OLLAMA_ERROR', `${capital(at)} closed the connection without answering (${code}): check the server log`);
    }
    return new CareerForgeError(
      'OLLAMA_UNREACHABLE',
      `Cannot reach the OpenAI-compatible server at ${ctx.host}: start it (vllm serve, llama-server, LM Studio's server) or fix --host`,
    );
  }
  if (err?.name === 'APIConnectionTimeoutError') {
    return new CareerForgeError('TIMEOUT', `No reply from ${at} for ${ctx.timeout}s: raise --timeout`);
  }
  return new CareerForgeError('INTERNAL', `Unexpected error talking to ${at}: ${err?.message ?? String(error)}`);
}

function fromStatus(status: number, body: unknown, err: { message?: string }, ctx: OpenAIErrorContext, at: string): CareerForgeError {
  const message = errorMessage(body) || (status >= 500 ? 'no message' : (err.message ?? '').replace(/^\d+ /, ''));
  const said = `${status}: ${message}`;
  if (status === 404 && /model/i.test(message)) {
    return new CareerForgeError('MODEL_NOT_FOUND', `Model ${ctx.model} is not served by ${at} (${said}): pass --model with a name from \`careerforge health\``);
  }
  if (status === 404) {
    return new CareerForgeError('OLLAMA_ERROR', `${capital(at)} answered ${said}: --host must be the base URL, usually ending in /v1`);
  }
  if (status === 401 || status === 403) {
    return new CareerForgeError('OLLAMA_ERROR', `${capital(at)} refused the request (${said}): set CAREERFORGE_API_KEY to the server's API key`);
  }
  if (status === 429) {
    return new CareerForgeError('OLLAMA_BUSY', `${capital(at)} is rate-limiting (${said}): wait and retry, or send fewer requests at once`);
  }
  if (status === 503) {
    return new CareerForgeError('OLLAMA_BUSY', `${capital(at)} is busy (${said}): wait and retry, or raise the server's queue limit`);
  }
  if (status === 400 && CONTEXT_EXCEEDED.test(`${message} ${JSON.stringify(body ?? '')}`)) {
    return new CareerForgeError(
      'OLLAMA_ERROR',
      `The prompt does not fit the context of ${at} (${said}): shorten the input or raise the server's context (vLLM --max-model-len, llama-server -c)`,
    );
  }
  return new CareerForgeError('OLLAMA_ERROR', `${capital(at)} answered ${said}`);
}

function capital(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
