// A real HTTP server speaking Ollama's wire format (see test/fixtures/ollama-wire), so tests exercise the
// actual `ollama` client, fetch, sockets and NDJSON parsing instead of a mocked module.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { closer, listenOnLoopback, recordRequest } from './fake-http.js';
import { sendError, sendJson, NDJSON_TYPE, TimerSet, writeModelReply } from './fake-ollama-replies.js';
import {
  createLines, DEFAULT_MODEL_SIZE, goTime, loadLine, normalizeName, psEntry, pullLines, showBody, tagsEntry, type Endpoint,
} from './fake-ollama-wire.js';

export interface FinalStats { total_duration: number; load_duration: number; prompt_eval_count: number; prompt_eval_duration: number; eval_count: number; eval_duration: number }
export type ChatReply =
  | { content: string; doneReason?: 'stop' | 'length' | null; chunks?: number; chunkDelayMs?: number; stats?: Partial<FinalStats>; omitStats?: boolean }
  | { fault: 'midstream-error'; content?: string; error?: string }
  | { fault: 'cut'; content?: string }
  | { fault: 'stall'; content?: string; afterMs?: number }
  | { fault: 'status'; status: number; error: string }
  | { fault: 'destroy' }
  | { paced: PacedReply };
/**
 * A reply whose pieces arrive when `pieces` yields them (the GPU-like fake paces tokens by its slot
 * model); `stats()` is read once the last piece is out. The iterator is closed if the client goes.
 */
export interface PacedReply { pieces: AsyncIterable<string>; stats(): Partial<FinalStats> }
/** `index` counts the /api/chat and /api/generate requests that asked for a reply, from 0. */
export type ChatHandler = (req: RecordedRequest, index: number) => ChatReply | Promise<ChatReply>;
 
export interface RecordedRequest { method: string; path: string; body: any; headers: Record<string, string | string[] | undefined>; at: number }
export interface FakeModel { name: string; digest?: string; size?: number; parameter_size?: string; quantization_level?: string; family?: string }
export type LoadedModel = { name: string; size: number; size_vram: number };
export interface FakeOllamaOptions { models?: FakeModel[]; version?: string; loaded?: LoadedModel[] }
export interface FakeOllama {
  url: string;
  host: string;
  port: number;
  requests: RecordedRequest[];
  chatRequests(): RecordedRequest[];
  /** Model requests (/api/chat, /api/generate) whose connection is still open. */
  openModelRequests(): number;
  reply(...replies: ChatReply[]): void;
  onChat(handler: ChatHandler): void;
  setModels(models: FakeModel[]): void;
  setLoaded(loaded: LoadedModel[]): void;
  failNext(path: string, status: number, error: string): void;
  close(): Promise<void>;
}

export function standardModels(): FakeModel[] {
  return [
    { name: 'mistral:7b-instruct-v0.3-q4_K_M', size: 4_372_812_000, parameter_size: '7.2B', quantization_level: 'Q4_K_M', family: 'llama' },
    { name: 'careerforge:latest', size: 4_372_812_000, parameter_size: '7.2B', quantization_level: 'Q4_K_M', family: 'llama' },
  ];
}

/** Rough token estimate (4 chars per token) over everything the model would read. */
function promptTokens(kind: Endpoint, body: Record<string, unknown>): number {
  const texts = kind === 'chat'
    ? ((body.messages as Array<{ content?: unknown }> | undefined) ?? []).map((m) => m.content)
    : [body.system, body.prompt];
  const chars = texts.reduce<number>((n, t) => n + (typeof t === 'string' ? t.length : 0), 0);
  return Math.max(1, Math.ceil(chars / 4));
}

export async function startFakeOllama(opts: FakeOllamaOptions = {}): Promise<FakeOllama> {
  // Models by normalised name, each with a stable modified_at as Ollama reports from the manifest.
  const models = new Map<string, { model: FakeModel; modifiedAt: string }>();
  const setModels = (list: FakeModel[]): void => {
    models.clear();
    for (const m of list) addModel(m);
  };
  const addModel = (m: FakeModel): void => {
    models.set(normalizeName(m.name), { model: { ...m, name: normalizeName(m.name) }, modifiedAt: goTime() });
  };
  setModels(opts.models ?? standardModels());
  let loaded: LoadedModel[] = opts.loaded ?? [];
  const version = opts.version ?? '0.5.1';
  const requests: RecordedRequest[] = [];
  const queue: ChatReply[] = [];
  const failures = new Map<string, Array<{ status: number; error: string }>>();
  let handler: ChatHandler | undefined;
  let replyIndex = 0;
  const timers = new TimerSet();
  let openModel = 0;

  const streamLines = (res: ServerResponse, stream: boolean, lines: object[]): void => {
    // With stream:false Ollama waits and answers only the last progress object.
    if (!stream) return sendJson(res, 200, lines[lines.length - 1]);
    res.writeHead(200, { 'Content-Type': NDJSON_TYPE });
    res.end(lines.map((l) => `${JSON.stringify(l)}\n`).join(''));
  };

  const modelRequest = async (req: IncomingMessage, res: ServerResponse, rec: RecordedRequest, kind: Endpoint): Promise<void> => {
    const body = (rec.body ?? {}) as Record<string, unknown>;
    const model = typeof body.model === 'string' ? body.model : '';
    if (!model) return sendError(res, 400, 'model is required');
    if (!models.has(normalizeName(model))) return sendError(res, 404, `model '${normalizeName(model)}' not found`);
    const empty = kind === 'chat' ? !Array.isArray(body.messages) || body.messages.length === 0 : !body.prompt;
    if (empty) {
      // Ollama answers load/unload with one plain JSON object even when streaming was asked for.
      return sendJson(res, 200, loadLine(kind, model, body.keep_alive === 0 || body.keep_alive === '0' ? 'unload' : 'load'));
    }
    openModel += 1;
    res.once('close', () => void (openModel -= 1));
    const index = replyIndex++;
    const reply = queue.shift() ?? (handler ? await handler(rec, index) : { content: '{}' });
    const stream = body.stream !== false; // Ollama streams unless told otherwise
    await writeModelReply(req, res, reply, { kind, model, stream, promptTokens: promptTokens(kind, body), timers });
  };

  const route = async (req: IncomingMessage, res: ServerResponse, rec: RecordedRequest): Promise<void> => {
    const body = (rec.body ?? {}) as Record<string, unknown>;
    // Management endpoints accept the current `model` field and the deprecated `name` that ollama-js still sends.
    const target = String(body.model ?? body.name ?? '');
    const stream = body.stream !== false;
    const key = `${rec.method} ${rec.path}`;
    switch (key) {
      case 'GET /':
      case 'HEAD /':
        res.writeHead(200, { 'Content-Type': 'text/plain; charset=utf-8' });
        return void res.end('Ollama is running');
      case 'GET /api/version':
      case 'HEAD /api/version':
        return sendJson(res, 200, { version });
      case 'GET /api/tags':
      case 'HEAD /api/tags':
        return sendJson(res, 200, { models: [...models.values()].map((e) => tagsEntry(e.model, e.modifiedAt)) });
      case 'GET /api/ps':
        return sendJson(res, 200, { models: loaded.map((l) => psEntry(l, models.get(normalizeName(l.name))?.model)) });
      case 'POST /api/chat':
        return modelRequest(req, res, rec, 'chat');
      case 'POST /api/generate':
        return modelRequest(req, res, rec, 'generate');
      case 'POST /api/show': {
        const found = models.get(normalizeName(target));
        if (!found) return sendError(res, 404, `model '${normalizeName(target)}' not found`);
        return sendJson(res, 200, showBody(found.model));
      }
      case 'POST /api/pull': {
        if (!target) return sendError(res, 400, 'model is required');
        const size = models.get(normalizeName(target))?.model.size ?? DEFAULT_MODEL_SIZE;
        if (!models.has(normalizeName(target))) addModel({ name: target, size });
        return streamLines(res, stream, pullLines(target, size));
      }
      case 'POST /api/create': {
        if (!target) return sendError(res, 400, 'model is required');
        const from = typeof body.from === 'string' ? body.from : undefined;
        if (!from && !body.files) return sendError(res, 400, "neither 'from' or 'files' was specified");
        const base = from ? models.get(normalizeName(from))?.model : undefined;
        addModel({ ...(base ?? {}), name: target });
        return streamLines(res, stream, createLines(from, Boolean(body.system || body.template || body.parameters)));
      }
      case 'DELETE /api/delete': {
        if (!models.delete(normalizeName(target))) return sendError(res, 404, `model '${normalizeName(target)}' not found`);
        res.writeHead(200);
        return void res.end();
      }
      default:
        // Ollama's Go router answers unknown routes (and wrong methods) like this.
        res.writeHead(404, { 'Content-Type': 'text/plain' });
        return void res.end('404 page not found');
    }
  };

  const server = createServer((req, res) => {
    void (async () => {
      const { rec, raw } = await recordRequest(req);
      requests.push(rec);
      const failure = failures.get(rec.path)?.shift();
      if (failure) return sendError(res, failure.status, failure.error);
      if (rec.method !== 'GET' && rec.method !== 'HEAD' && typeof rec.body !== 'object' && rec.path.startsWith('/api/')) {
        return sendError(res, 400, raw === '' ? 'missing request body' : 'invalid request body');
      }
      await route(req, res, rec);
    })().catch((err: unknown) => {
      // A bug in the fake must surface as a 500 a test can see, not as a hang.
      if (!res.headersSent) sendError(res, 500, `fake-ollama: ${String(err)}`);
      else res.destroy();
    });
  });

  const port = await listenOnLoopback(server);

  return {
    url: `http://127.0.0.1:${port}`,
    host: `127.0.0.1:${port}`,
    port,
    requests,
    chatRequests: () => requests.filter((r) => r.method === 'POST' && r.path === '/api/chat'),
    openModelRequests: () => openModel,
    reply: (...replies) => void queue.push(...replies),
    onChat: (h) => void (handler = h),
    setModels,
    setLoaded: (l) => void (loaded = [...l]),
    failNext: (path, status, error) => {
      const list = failures.get(path) ?? [];
      list.push({ status, error });
      failures.set(path, list);
    },
    close: closer(server, timers),
  };
}
