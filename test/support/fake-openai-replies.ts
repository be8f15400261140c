// Turns one scripted OpenAIReply into bytes on the wire for POST /v1/chat/completions: SSE framed
// as both engines frame it (`data: <compact JSON>\n\n`, LF only, `data: [DONE]` last), the usage
// chunk only when stream_options.include_usage asked for it, llama-server's `timings` on the last
// chunk, and the faults a real server (or the network) produces.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { sendJson, type TimerSet } from './fake-ollama-replies.js';
import { chunkJson, completionId, completionJson, defaultError, errorJson, type Flavor, type Timings, type Usage } from './fake-openai-wire.js';

export type OpenAIReply =
  | {
      content: string;
      finishReason?: 'stop' | 'length';
      /** Wrap the answer in a ```json fence, as a model does through a plain chat template. */
      fence?: boolean;
      chunks?: number;
      chunkDelayMs?: number;
      usage?: Partial<Usage>;
      timings?: Partial<Timings>;
    }
  /** `data: {"error":...}` after 200; vLLM then still sends [DONE], llama-server closes. `old-field` is llama.cpp before b6500. */
  | { fault: 'midstream-error'; content?: string; error?: string; style?: 'data' | 'old-field' }
  /** Deltas, then the body ends: no finish_reason, no [DONE]. */
  | { fault: 'cut'; content?: string }
  | { fault: 'stall'; content?: string }
  | { fault: 'status'; status: number; message?: string; body?: unknown }
  | { fault: 'destroy' };

export interface OpenAIReplyContext {
  flavor: Flavor;
  model: string;
  stream: boolean;
  includeUsage: boolean;
  promptTokens: number;
  timers: TimerSet;
}

const SSE_HEADERS: Record<Flavor, Record<string, string>> = {
  llamacpp: { Server: 'llama.cpp', 'X-Accel-Buffering': 'no', 'Content-Type': 'text/event-stream' },
  vllm: { 'Content-Type': 'text/event-stream; charset=utf-8' },
};

/** Splits content into about `n` deltas (one per ~4 characters by default), never inside a surrogate pair. */
export function splitDeltas(content: string, n?: number): string[] {
  const chars = [...content];
  const count = Math.max(1, Math.min(chars.length, n ?? Math.ceil(chars.length / 4)));
  const size = Math.ceil(chars.length / count);
  const out: string[] = [];
  for (let i = 0; i < chars.length; i += size) out.push(chars.slice(i, i + size).join(''));
  return out.length ? out : [''];
}

export function sendOpenAIError(res: ServerResponse, flavor: Flavor, status: number, model: string, message?: string, body?: unknown): void {
  const fallback = defaultError(flavor, status, model);
  const payload = body ?? errorJson(flavor, status, message ?? fallback.message, fallback);
  if (res.destroyed) return;
  if (typeof payload === 'string') {
    res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8' });
    return void res.end(payload);
  }
  sendJson(res, status, payload);
}

export async function writeOpenAIReply(req: IncomingMessage, res: ServerResponse, reply: OpenAIReply, ctx: OpenAIReplyContext): Promise<void> {
  const id = completionId(ctx.flavor);
  const created = Math.floor(Date.now() / 1000);
  const chunk = (parts: { delta?: Record<string, unknown>; finish?: string | null; usage?: Usage; timings?: Timings }) =>
    `data: ${JSON.stringify(chunkJson(ctx.flavor, { id, created, model: ctx.model, ...parts }))}\n\n`;
  const write = (text: string): boolean => {
    if (res.destroyed || res.writableEnded) return false;
    res.write(text);
    return true;
  };
  const start = () => {
    res.writeHead(200, SSE_HEADERS[ctx.flavor]);
    // The role chunk: llama-server sends content null, vLLM an empty string.
    write(chunk({ delta: { role: 'assistant', content: ctx.flavor === 'vllm' ? '' : null } }));
  };
  const deltas = async (pieces: string[], delayMs = 0, finishOnLast?: string) => {
    let sent = 0;
    for (const [i, piece] of pieces.entries()) {
      if (i > 0 && delayMs > 0) await ctx.timers.sleep(delayMs);
      const last = i === pieces.length - 1;
      if (!write(chunk({ delta: { content: piece }, ...(last && finishOnLast ? { finish: finishOnLast } : {}) }))) break;
      sent++;
    }
    return sent;
  };

  if ('fault' in reply) {
    switch (reply.fault) {
      case 'status':
        return sendOpenAIError(res, ctx.flavor, reply.status, ctx.model, reply.message, reply.body);
      case 'destroy':
        req.socket.destroy();
        return;
      case 'midstream-error': {
        const message = reply.error ?? 'llama_decode failed: out of memory';
        if (!ctx.stream) return sendOpenAIError(res, ctx.flavor, 500, ctx.model, message);
        start();
        await deltas(splitDeltas(reply.content ?? '{"partial": '));
        if (reply.style === 'old-field') {
          write(`error: ${JSON.stringify({ code: 500, message, type: 'server_error' })}\n\ndata: [DONE]\n\n`);
        } else {
          write(`data: ${JSON.stringify(errorJson(ctx.flavor, 500, message))}\n\n`);
          if (ctx.flavor === 'vllm') write('data: [DONE]\n\n');
        }
        return void res.end();
      }
      case 'cut':
        if (!ctx.stream) return sendOpenAIError(res, ctx.flavor, 500, ctx.model, 'cut');
        start();
        await deltas(splitDeltas(reply.content ?? '{"partial": '));
        return void res.end();
      case 'stall':
        if (ctx.stream) {
          start();
          await deltas(reply.content ? splitDeltas(reply.content) : []);
        }
        return; // until the client gives up or close() destroys the socket
    }
  }

  const content = reply.fence ? `\`\`\`json\n${reply.content}\n\`\`\`` : reply.content;
  const pieces = splitDeltas(content, reply.chunks);
  const finish = reply.finishReason ?? 'stop';
  const usage: Usage = { prompt_tokens: ctx.promptTokens, completion_tokens: pieces.length, ...reply.usage };
  const timings: Timings = {
    cache_n: 0, prompt_n: usage.prompt_tokens, prompt_ms: usage.prompt_tokens * 0.5,
    predicted_n: usage.completion_tokens, predicted_ms: usage.completion_tokens * 20, ...reply.timings,
  };
  if (!ctx.stream) {
    return sendJson(res, 200, completionJson(ctx.flavor, { id, created, model: ctx.model, content, finish, usage, timings }));
  }
  start();
  // vLLM puts finish_reason on the chunk of the last delta; llama-server sends a separate `delta:{}` chunk.
  const sent = await deltas(pieces, reply.chunkDelayMs, ctx.flavor === 'vllm' ? finish : undefined);
  if (sent < pieces.length) return; // the client went away
  const llama = ctx.flavor === 'llamacpp';
  if (llama) write(chunk({ delta: {}, finish, ...(ctx.includeUsage ? {} : { timings }) }));
  if (ctx.includeUsage) write(chunk({ usage, ...(llama ? { timings } : {}) }));
  write('data: [DONE]\n\n');
  res.end();
}
