// The fetch handed to ollama-js: our transport (transport.ts) plus two things at its boundary.
// - ollama-js prints to stdout on its error paths (checkOk in ollama/dist: "Getting text from
//   response" before reading a non-JSON error body, "Failed to parse error response as JSON" when a
//   JSON one does not parse). Every error response is therefore handed over as well-formed JSON
//   `{"error": ...}` carrying the server's own text, so neither line is ever reached and the message
//   ollama-js builds is the one it would have built.
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
    return res.ok ? res : asJsonError(res);
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
