// The fetch handed to the openai package: our transport (node:http, the command's AbortSignal, the
// --timeout idle watchdog) dressed as WHATWG fetch, since the package reads a real Headers object
// and Response. Two things the package does not tell its caller are recorded on the way:
// - whether the SSE stream ended with `data: [DONE]` (it treats a stream cut off without one as a
//   normal end), and the old llama-server `error: {...}` field it skips as an unknown SSE field;
// - the body of an error response, which it drops when the JSON is not `{"error": ...}` (vLLM's
//   old flat `{"object":"error","message":...}`), so the message can still reach the user.
// Scanning the stream for those two lines is not SSE parsing: the package still parses every event.
import { createTransport, type TransportState } from '../transport.js';
import type { MinimalResponse } from '../http-fetch.js';

export interface StreamWatch {
  /** `data: [DONE]` arrived. */
  done: boolean;
  /** The JSON of an old-style `error:` SSE field, when one arrived. */
  errorField?: string;
}

/** Per-response facts, keyed by the objects the package hands back (Response, its Headers). */
export const streamWatches = new WeakMap<object, StreamWatch>();
export const errorBodies = new WeakMap<object, string>();

export function createOpenAIFetch(signal: AbortSignal, idleMs: number, state: TransportState): typeof fetch {
  const transport = createTransport(signal, idleMs, state) as unknown as (url: string, init: RequestInit) => Promise<MinimalResponse>;
  const openaiFetch = async (input: string | URL | Request, init: RequestInit = {}): Promise<Response> => {
    const url = typeof input === 'object' && 'url' in input ? input.url : String(input);
    const headers = init.headers instanceof Headers ? Object.fromEntries(init.headers.entries()) : (init.headers as Record<string, string> | undefined);
    const res = await transport(url, { ...init, headers });
    const meta = { status: res.status, statusText: res.statusText, headers: res.rawHeaders };
    if (!res.ok) {
      const text = await res.text();
      const response = new Response(text, meta);
      errorBodies.set(response.headers, text);
      return response;
    }
    if (!/text\/event-stream/i.test(res.headers.get('content-type') ?? '')) return new Response(res.body, meta);
    const watch: StreamWatch = { done: false };
    const response = new Response(res.body.pipeThrough(watchLines(watch)), meta);
    streamWatches.set(response, watch);
    return response;
  };
  return openaiFetch as typeof fetch;
}

/** Passes bytes through unchanged, noting `data: [DONE]` and `error:` lines as they go by. */
function watchLines(watch: StreamWatch): TransformStream<Uint8Array, Uint8Array> {
  const decoder = new TextDecoder();
  let partial = '';
  const scan = (text: string) => {
    const lines = (partial + text).split('\n');
    partial = lines.pop() ?? '';
    for (const raw of lines) {
      const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
      if (/^data: ?\[DONE\]/.test(line)) watch.done = true;
      else if (line.startsWith('error:')) watch.errorField = line.slice(6).trim();
    }
  };
  return new TransformStream({
    transform(chunk, controller) {
      scan(decoder.decode(chunk, { stream: true }));
      controller.enqueue(chunk);
    },
    flush() {
      scan(`${decoder.decode()}\n`);
    },
  });
}
