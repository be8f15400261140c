// A real HTTP server speaking the OpenAI-compatible wire of llama.cpp's server or vLLM (see
// test/fixtures/openai-wire), so tests exercise the `openai` package, our fetch, sockets and SSE
// parsing instead of a mocked module. Scripted like the Ollama fake: reply() queues answers,
// onChat() answers by request, failNext() fails a path; every request is logged with its headers.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { closer, listenOnLoopback, recordRequest } from './fake-http.js';
import { TimerSet } from './fake-ollama-replies.js';
import type { RecordedRequest } from './fake-ollama.js';
import { sendOpenAIError, writeOpenAIReply, type OpenAIReply } from './fake-openai-replies.js';
import { errorJson, modelsJson, type FakeServedModel, type Flavor } from './fake-openai-wire.js';

export type { OpenAIReply } from './fake-openai-replies.js';
export type { Flavor } from './fake-openai-wire.js';
export type OpenAIChatHandler = (req: RecordedRequest, index: number) => OpenAIReply | Promise<OpenAIReply>;

export interface FakeOpenAIOptions {
  flavor?: Flavor;
  models?: FakeServedModel[];
  /** Like `--api-key`: every /v1 request must carry `Authorization: Bearer <key>`. */
  apiKey?: string;
}

export interface FakeOpenAI {
  flavor: Flavor;
  /** The base URL, ending in /v1, for --host. */
  url: string;
  port: number;
  requests: RecordedRequest[];
  chatRequests(): RecordedRequest[];
  openModelRequests(): number;
  reply(...replies: OpenAIReply[]): void;
  onChat(handler: OpenAIChatHandler): void;
  setModels(models: FakeServedModel[]): void;
  /** Fail the next request to `path`; `headers` go out with the error (e.g. Retry-After on a 429). */
  failNext(path: string, status: number, message?: string, headers?: Record<string, string>): void;
  close(): Promise<void>;
}

export const OPENAI_MODEL = 'mistral:7b-instruct-v0.3-q4_K_M';

/** Rough token estimate (4 characters a token) over the messages. */
function promptTokens(body: Record<string, unknown>): number {
  const messages = (body.messages as Array<{ content?: unknown }> | undefined) ?? [];
  const chars = messages.reduce((n, m) => n + (typeof m.content === 'string' ? m.content.length : 0), 0);
  return Math.max(1, Math.ceil(chars / 4));
}

export async function startFakeOpenAI(opts: FakeOpenAIOptions = {}): Promise<FakeOpenAI> {
  const flavor = opts.flavor ?? 'vllm';
  let models: FakeServedModel[] = opts.models ?? [{ id: OPENAI_MODEL, context: 32768 }];
  const requests: RecordedRequest[] = [];
  const queue: OpenAIReply[] = [];
  const failures = new Map<string, Array<{ status: number; message?: string; headers?: Record<string, string> }>>();
  const timers = new TimerSet();
  const created = Math.floor(Date.now() / 1000);
  let handler: OpenAIChatHandler | undefined;
  let replyIndex = 0;
  let openModel = 0;

  const chat = async (req: IncomingMessage, res: ServerResponse, rec: RecordedRequest, raw: string): Promise<void> => {
    if (typeof rec.body !== 'object' || rec.body === null) {
      // llama-server hands the broken body to nlohmann::json (llamacpp-05f); vLLM's pydantic says 400.
      return flavor === 'llamacpp'
        ? sendOpenAIError(res, flavor, 500, '', `[json.exception.parse_error.101] parse error at line 1, column ${raw.length + 1}: syntax error`)
        : sendOpenAIError(res, flavor, 400, '', 'JSON decode error');
    }
    const body = rec.body as Record<string, unknown>;
    if (!Array.isArray(body.messages) || body.messages.length === 0) return sendOpenAIError(res, flavor, 400, '', "'messages' is required");
    const requested = typeof body.model === 'string' ? body.model : '';
    // vLLM checks the name; a single-model llama-server ignores it and answers as its own model.
    const served = flavor === 'vllm' ? models.find((m) => m.id === requested) : models[0];
    if (!served) return sendOpenAIError(res, flavor, 404, requested);
    const format = body.response_format as { type?: string; json_schema?: { name?: unknown; schema?: unknown } } | undefined;
    if (format && !['text', 'json_object', 'json_schema'].includes(String(format.type))) {
      return sendOpenAIError(res, flavor, 400, requested, `response_format type must be one of "text" or "json_object", but got: ${format.type}`);
    }
    if (flavor === 'vllm' && format?.type === 'json_schema' && (!format.json_schema || typeof format.json_schema.name !== 'string')) {
      return sendOpenAIError(res, flavor, format.json_schema ? 400 : 500, requested, format.json_schema ? '1 validation error:\n  json_schema.name: Field required' : '');
    }
    const stream = body.stream === true;
    if (flavor === 'vllm' && body.stream_options && !stream) {
      return sendOpenAIError(res, flavor, 400, requested, 'Stream options can only be defined when `stream=True`.');
    }
    const streamOptions = body.stream_options as { include_usage?: boolean } | undefined;
    // vLLM's StreamOptions.include_usage defaults to true once stream_options is present.
    const includeUsage = flavor === 'vllm' ? streamOptions !== undefined && streamOptions.include_usage !== false : streamOptions?.include_usage === true;
    openModel++;
    res.once('close', () => void openModel--);
    const index = replyIndex++;
    const reply = queue.shift() ?? (handler ? await handler(rec, index) : { content: '{}' });
    await writeOpenAIReply(req, res, reply, { flavor, model: flavor === 'vllm' ? requested : served.id, stream, includeUsage, promptTokens: promptTokens(body), timers });
  };

  const route = async (req: IncomingMessage, res: ServerResponse, rec: RecordedRequest, raw: string): Promise<void> => {
    const key = `${rec.method} ${rec.path}`;
    if (key === 'GET /health') return sendJsonBody(res, 200, flavor === 'llamacpp' ? { status: 'ok' } : undefined);
    if (opts.apiKey && rec.path.startsWith('/v1/') && rec.headers.authorization !== `Bearer ${opts.apiKey}`) {
      return sendOpenAIError(res, flavor, 401, '');
    }
    const failure = failures.get(rec.path)?.shift();
    // setHeader before writeHead: Node merges them, so the error body keeps its own headers.
    for (const [name, value] of Object.entries(failure?.headers ?? {})) res.setHeader(name, value);
    if (failure) return sendOpenAIError(res, flavor, failure.status, String((rec.body as { model?: unknown })?.model ?? ''), failure.message);
    if (key === 'GET /v1/models') return sendJsonBody(res, 200, modelsJson(flavor, models, created));
    if (key === 'POST /v1/chat/completions') return chat(req, res, rec, raw);
    // llama-server's unknown-path body (llamacpp-05i); vLLM (Starlette) answers {"detail":"Not Found"}.
    return sendJsonBody(res, 404, flavor === 'llamacpp' ? errorJson(flavor, 404, 'File Not Found', { middleware: true }) : { detail: 'Not Found' });
  };

  const server = createServer((req, res) => {
    void (async () => {
      const { rec, raw } = await recordRequest(req);
      requests.push(rec);
      await route(req, res, rec, raw);
    })().catch((err: unknown) => {
      if (!res.headersSent) sendJsonBody(res, 500, { error: { message: `fake-openai: ${String(err)}`, type: 'server_error', code: 500 } });
      else res.destroy();
    });
  });

  const port = await listenOnLoopback(server);
  return {
    flavor,
    url: `http://127.0.0.1:${port}/v1`,
    port,
    requests,
    chatRequests: () => requests.filter((r) => r.method === 'POST' && r.path === '/v1/chat/completions'),
    openModelRequests: () => openModel,
    reply: (...replies) => void queue.push(...replies),
    onChat: (h) => void (handler = h),
    setModels: (list) => void (models = [...list]),
    failNext: (path, status, message, headers) => {
      const list = failures.get(path) ?? [];
      list.push({ status, ...(message === undefined ? {} : { message }), ...(headers ? { headers } : {}) });
      failures.set(path, list);
    },
    close: closer(server, timers),
  };
}

function sendJsonBody(res: ServerResponse, status: number, body: unknown): void {
  if (res.destroyed) return;
  // vLLM's /health is 200 with an empty body.
  if (body === undefined) return void res.writeHead(status).end();
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
}
