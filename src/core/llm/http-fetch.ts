// The slice of fetch() that ollama-js uses, on node:http. Node's own fetch (undici) costs about
// 100 ms of start-up per run here (its bundle and its WebAssembly HTTP parser): measured by
// `npm run bench:cli`, more than everything else a `roadmap --json` run does against an instant
// server. ollama-js only reads ok, status, statusText, headers.get(), json(), text() and body
// (a web ReadableStream), so that is what these responses provide; errors keep fetch's shape
// (TypeError "fetch failed" with the system error as cause) so classification is unchanged.
import http from 'node:http';
import https from 'node:https';

export interface HttpFetchHooks {
  /** Called whenever bytes arrive (headers or body): feeds the idle watchdog. */
  onActivity(): void;
  /** Called once the response is finished, failed or abandoned. */
  onSettled(): void;
}

export interface MinimalResponse {
  ok: boolean;
  status: number;
  statusText: string;
  headers: { get(name: string): string | null };
  /** Every response header, lower-case names (for clients that want a real Headers object). */
  rawHeaders: Record<string, string>;
  body: ReadableStream<Uint8Array>;
  text(): Promise<string>;
  json(): Promise<unknown>;
}

export function httpFetch(url: string, init: RequestInit, signal: AbortSignal, hooks: HttpFetchHooks): Promise<MinimalResponse> {
  return new Promise((resolve, reject) => {
    const target = new URL(url);
    const client = target.protocol === 'https:' ? https : http;
    const request = client.request(target, { method: init.method ?? 'GET', headers: init.headers as Record<string, string>, signal }, (res) => {
      hooks.onActivity();
      resolve(toResponse(res, hooks));
    });
    request.on('error', (error) => {
      hooks.onSettled();
      reject(new TypeError('fetch failed', { cause: error }));
    });
    request.end(typeof init.body === 'string' ? init.body : undefined);
  });
}

function toResponse(res: http.IncomingMessage, hooks: HttpFetchHooks): MinimalResponse {
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      res.on('data', (chunk: Buffer) => {
        hooks.onActivity();
        controller.enqueue(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength));
      });
      res.on('end', () => {
        hooks.onSettled();
        controller.close();
      });
      // A connection that drops mid-body surfaces as fetch's TypeError("terminated").
      res.on('error', (error) => {
        hooks.onSettled();
        controller.error(new TypeError('terminated', { cause: error }));
      });
    },
    cancel() {
      hooks.onSettled();
      res.destroy();
    },
  });
  const text = async () => {
    const reader = body.getReader();
    const decoder = new TextDecoder();
    let out = '';
    for (let step = await reader.read(); !step.done; step = await reader.read()) out += decoder.decode(step.value, { stream: true });
    return out + decoder.decode();
  };
  const status = res.statusCode ?? 0;
  return {
    ok: status >= 200 && status < 300,
    status,
    statusText: res.statusMessage ?? '',
    headers: {
      get: (name) => {
        const value = res.headers[name.toLowerCase()];
        return value === undefined ? null : Array.isArray(value) ? value.join(', ') : value;
      },
    },
    rawHeaders: Object.fromEntries(Object.entries(res.headers).flatMap(([k, v]) => (v === undefined ? [] : [[k, Array.isArray(v) ? v.join(', ') : v]]))),
    body,
    text,
    json: async () => JSON.parse(await text()),
  };
}
