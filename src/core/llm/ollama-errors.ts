// What went wrong talking to an Ollama host, as typed errors. A 404 is the case that needs care:
// Ollama answers it for a model that is not pulled, but so does any other server (nginx, a proxy
// prefix, a host with /api pasted in) for every path. "Run ollama pull" is only said once GET
// /api/version has proven the server is Ollama and /api/tags lacks the model (diagnoseNotFound).
import type { Ollama } from 'ollama';
import { CareerForgeError, InterruptedError, isCareerForgeError, type ErrorCode } from '../errors.js';
import type { TransportState } from './transport.js';

/** A failure that knows its problem and its fix apart, so health can show each once. */
export class DiagnosedError extends CareerForgeError {
  constructor(
    code: ErrorCode,
    readonly problem: string,
    readonly fix: string,
    /** A few words for the checks skipped because of it ("not an Ollama server"). */
    readonly short?: string,
  ) {
    super(code, `${problem}: ${fix}`);
  }
}

interface HostContext {
  host: string;
  model: string;
  timeout: number;
  signal: AbortSignal;
}

const UNREACHABLE_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN', 'ECONNRESET', 'UND_ERR_SOCKET', 'UND_ERR_CONNECT_TIMEOUT']);
const CERTIFICATE_CODES = /CERT|SELF_SIGNED|UNABLE_TO_(GET|VERIFY)|ALTNAME/;
/** Ollama's own wording for an absent model: `model "x" not found, try pulling it first` (older: `model 'x' not found`). */
const MODEL_NOT_FOUND = /\bmodel\b.*\bnot found\b/i;

export function unreachable(host: string): DiagnosedError {
  return new DiagnosedError('OLLAMA_UNREACHABLE', `Cannot reach Ollama at ${host}`, 'start it with `ollama serve` or set OLLAMA_HOST', 'server unreachable');
}

export function modelMissing(model: string): DiagnosedError {
  return new DiagnosedError('MODEL_NOT_FOUND', `Model ${model} is not pulled`, `run \`ollama pull ${model}\` (or \`careerforge setup\`)`, 'model not pulled');
}

/** Something answers at `host`, but not Ollama's API: `why` is what GET /api/version got. */
export function notOllama(host: string, why: string): DiagnosedError {
  const url = new URL(host);
  const path = url.pathname.replace(/\/+$/, '');
  const fix = path
    ? `OLLAMA_HOST / --host has a path (${path}): use ${url.protocol}//${url.host} unless a proxy serves Ollama under it`
    : 'point OLLAMA_HOST / --host at Ollama (port 11434 unless it was changed)';
  return new DiagnosedError('OLLAMA_ERROR', `${host} is not an Ollama server (${why})`, fix, 'not an Ollama server');
}

export function classifyOllamaError(error: unknown, ctx: HostContext, state: TransportState): CareerForgeError {
  if (isCareerForgeError(error)) return error;
  if (state.timedOut) {
    return new CareerForgeError(
      'TIMEOUT',
      `No reply from Ollama at ${ctx.host} for ${ctx.timeout}s: the model may still be loading; raise --timeout or check \`ollama ps\``,
    );
  }
  if (ctx.signal.aborted) return new InterruptedError();
  const err = error as { name?: string; status_code?: number; message?: string; cause?: { code?: string; message?: string } };
  if (err?.name === 'ResponseError') {
    const status = err.status_code ?? 0;
    const message = (err.message ?? '').split('\n')[0] ?? '';
    if (status === 404 && MODEL_NOT_FOUND.test(message)) return modelMissing(ctx.model);
    if (status === 503) {
      return new CareerForgeError('OLLAMA_BUSY', `Ollama at ${ctx.host} is busy (503: ${message}): wait and retry, or raise OLLAMA_MAX_QUEUE on the server`);
    }
    if (status === 404) return new DiagnosedError('OLLAMA_ERROR', `${ctx.host} answered 404 (${message})`, 'check that OLLAMA_HOST / --host is Ollama\'s address', 'server answered 404');
    return new CareerForgeError('OLLAMA_ERROR', `Ollama at ${ctx.host} answered ${status}: ${message}`);
  }
  // A 200 whose body is not JSON (a web server's page): ollama-js's response.json() threw.
  if (err?.name === 'SyntaxError') return notOllama(ctx.host, 'its answer is not JSON');
  const code = err?.cause?.code;
  if (err?.name === 'TypeError') {
    const tls = tlsProblem(ctx.host, code, err.cause?.message ?? '');
    if (tls) return tls;
    if (code === 'ECONNRESET' || code === 'UND_ERR_SOCKET') {
      return new CareerForgeError('OLLAMA_ERROR', `Ollama at ${ctx.host} closed the connection without answering: check the server log`);
    }
    if (code?.startsWith('HPE_')) {
      return new DiagnosedError('OLLAMA_ERROR', `${ctx.host} did not answer in HTTP (${code})`, 'if it serves TLS, use https://; otherwise check OLLAMA_HOST / --host', 'server does not speak HTTP');
    }
    if (code === undefined || UNREACHABLE_CODES.has(code)) return unreachable(ctx.host);
  }
  return new CareerForgeError('INTERNAL', `Unexpected error talking to Ollama: ${err?.message ?? String(error)}`);
}

/** https:// against a plain-HTTP server, or a certificate Node does not trust. */
export function tlsProblem(host: string, code: string | undefined, message: string): DiagnosedError | undefined {
  if (!host.startsWith('https://')) return undefined;
  if (code === 'EPROTO' || code === 'ERR_SSL_WRONG_VERSION_NUMBER' || /wrong version number|packet length too long/i.test(message)) {
    return new DiagnosedError('OLLAMA_UNREACHABLE', `Cannot reach ${host}: the server does not speak TLS`, `use ${host.replace(/^https:/, 'http:')}`, 'server does not speak TLS');
  }
  if (code && CERTIFICATE_CODES.test(code)) {
    return new DiagnosedError('OLLAMA_UNREACHABLE', `Cannot reach ${host}: its TLS certificate is not trusted (${code})`, 'trust its CA with NODE_EXTRA_CA_CERTS=/path/to/ca.pem, or use http://', 'TLS certificate not trusted');
  }
  return undefined;
}

/** Ollama's version, or why the host is not Ollama (any answered error, or an answer that is not its JSON). */
export async function probeVersion(ollama: Ollama, classify: (error: unknown) => CareerForgeError, host: string): Promise<string> {
  let reply: unknown;
  try {
    reply = await ollama.version();
  } catch (error) {
    const e = error as { name?: string; status_code?: number };
    // 503 is a busy Ollama, not another server.
    if (e?.name === 'ResponseError' && e.status_code !== 503) return Promise.reject(notOllama(host, `GET /api/version answered ${e.status_code ?? '?'}`));
    return Promise.reject(classify(error));
  }
  const version = (reply as { version?: unknown } | null)?.version;
  if (typeof version !== 'string') return Promise.reject(notOllama(host, 'GET /api/version gave no version'));
  return version;
}

/**
 * A 404 from a model request: "not pulled" only when the server is Ollama and /api/tags lacks the
 * model; another server is named as such; a 404 for a model that is listed is reported as it came.
 */
export async function diagnoseNotFound(ollama: Ollama, classify: (error: unknown) => CareerForgeError, ctx: HostContext, error: unknown): Promise<CareerForgeError> {
  try {
    await probeVersion(ollama, classify, ctx.host);
    const { models } = await ollama.list();
    const wanted = withTag(ctx.model);
    if (!models.some((m) => withTag(m.name) === wanted)) return modelMissing(ctx.model);
  } catch (probe) {
    return classify(probe);
  }
  // Ollama lists the model, so it is pulled whatever the 404 says.
  const message = ((error as { message?: string }).message ?? '').split('\n')[0] ?? '';
  return new CareerForgeError('OLLAMA_ERROR', `Ollama at ${ctx.host} answered 404 (${message}) for ${ctx.model}, which /api/tags lists: check the server log`);
}

function withTag(name: string): string {
  return name.includes(':') ? name : `${name}:latest`;
}
