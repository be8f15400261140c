// The fetch handed to ollama-js: our transport (transport.ts) plus two things at its boundary.
// - ollama-js prints to stdout on its error paths (checkOk in ollama/dist: "Getting text from
//   response" before reading a non-JSON error body, "Failed to parse error response as JSON" when a
//   JSON one does not parse). Every error response is therefore handed over as well-formed JSON
//   `{"error": ...}` carrying the server's own text, so neither line is ever reached and the message
//   ollama-js builds is the one it would have built.
// - ollama-js also warns on stderr ("invalid json: ...") for each streamed line that is not JSON,
//   then skips it. Such lines (a proxy's banner or keep-alive text) are dropped here
//   instead, which is what ollama-js does with them, minus the print. json()/text() are untouched.
// - Basic auth from the host's user:password@ (parsed in host.ts), sent as a header, so the
//   credentials never sit in a URL that messages print.
import { createTransport, type TransportState } from './transport.js';
import type { MinimalResponse } from './http-fetch.js';

type Transport = (url: string, init: RequestInit) => Promise<MinimalResponse>;

export function createOllamaFetch(signal: AbortSignal, idleMs: number, state: TransportState, authorization?: string): typeof fetch {
  const transport = createTransport(signal, idleMs, state) as unknown as Transport;
  const ollamaFetch = async (input: string, init: RequestInit = {}): Promise<MinimalResponse> => {
    const headers = { ...(init.headers as Record<string, string> | undefined), ...(authorization ? { Authorization: authorization } : {}) };
    const res = await transport(input, { ...init, headers });
    return res.ok ? streamedJsonOnly(res) : asJsonError(res);
  };
  return ollamaFetch as unknown as typeof fetch;
}

/** An error response whose body always parses as `{"error": text}` (empty text: no `error`, so ollama-js keeps "Error <status>"). */
function asJsonError(res: MinimalResponse): MinimalResponse {
  let body: Promise<string> | undefined;
  const text = () => (body ??= res.text().catch(() => ''));
  const json = async (): Promise<unknown> => {
    const raw = await text();
    try {
      const parsed: unknown = JSON.parse(raw);
      const error = (parsed as { error?: unknown } | null)?.error;
      if (typeof error === 'string') return { error };
    } catch {
      // Not JSON: the server's text is the message.
    }
    const trimmed = raw.trim();
    return trimmed === '' ? {} : { error: trimmed };
  };
  return {
    ...res,
    headers: { get: (name) => (name.toLowerCase() === 'content-type' ? 'application/json; charset=utf-8' : res.headers.get(name)) },
    text,
    json,
  };
}

/** `body` filtered the first time it is read (ollama-js reads it only to stream); json() and text() read the original. */
function streamedJsonOnly(res: MinimalResponse): MinimalResponse {
  let filtered: ReadableStream<Uint8Array> | undefined;
  return Object.defineProperty({ ...res }, 'body', { get: () => (filtered ??= res.body.pipeThrough(jsonLinesOnly())), enumerable: true });
}

/** Passes complete NDJSON lines that parse, drops the others (ollama-js would skip them too, noisily). */
function jsonLinesOnly(): TransformStream<Uint8Array, Uint8Array> {
  const decoder = new TextDecoder();
  const encoder = new TextEncoder();
  let pending = '';
  const keep = (line: string): boolean => {
    if (line.trim() === '') return true;
    try {
      JSON.parse(line);
      return true;
    } catch {
      return false;
    }
  };
  return new TransformStream({
    transform(chunk, controller) {
      pending += decoder.decode(chunk, { stream: true });
      const end = pending.lastIndexOf('\n');
      if (end < 0) return;
      const lines = pending.slice(0, end).split('\n');
      pending = pending.slice(end + 1);
      const out = lines.filter(keep).map((line) => `${line}\n`).join('');
      if (out !== '') controller.enqueue(encoder.encode(out));
    },
    flush(controller) {
      pending += decoder.decode();
      if (pending !== '' && keep(pending)) controller.enqueue(encoder.encode(pending));
    },
  });
}
