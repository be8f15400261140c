// Turns one scripted ChatReply into bytes on the wire for /api/chat or /api/generate, including the
// faults a real Ollama (or the network) can produce. Kept apart from routing so each file stays small.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ChatReply } from './fake-ollama.js';
import { buildStats, chunkLine, finalLine, splitContent, type Endpoint } from './fake-ollama-wire.js';

export const JSON_TYPE = 'application/json; charset=utf-8';
export const NDJSON_TYPE = 'application/x-ndjson';

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  if (res.destroyed) return;
  res.writeHead(status, { 'Content-Type': JSON_TYPE });
  res.end(JSON.stringify(body));
}

export function sendError(res: ServerResponse, status: number, error: string): void {
  sendJson(res, status, { error });
}

/** Timers created while answering, so close() can cancel them instead of waiting them out. */
export class TimerSet {
  private readonly timers = new Set<NodeJS.Timeout>();
  sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const t = setTimeout(() => {
        this.timers.delete(t);
        resolve();
      }, ms);
      this.timers.add(t);
    });
  }
  clear(): void {
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
  }
}

export interface ReplyContext {
  kind: Endpoint;
  model: string;
  stream: boolean;
  promptTokens: number;
  timers: TimerSet;
}

const DEFAULT_MIDSTREAM_ERROR = 'an error was encountered while running the model';

/** Writes one NDJSON line unless the client has gone; returns false once it has. */
function writeLine(res: ServerResponse, obj: object): boolean {
  if (res.destroyed || res.writableEnded) return false;
  res.write(`${JSON.stringify(obj)}\n`);
  return true;
}

function startStream(res: ServerResponse): void {
  res.writeHead(200, { 'Content-Type': NDJSON_TYPE });
  // Headers must reach the client before the first token, or a stalled stream looks like a stalled connect.
  res.flushHeaders();
}

async function streamPieces(res: ServerResponse, ctx: ReplyContext, pieces: string[], delayMs = 0): Promise<number> {
  let sent = 0;
  for (const piece of pieces) {
    if (sent > 0 && delayMs > 0) await ctx.timers.sleep(delayMs);
    if (!writeLine(res, chunkLine(ctx.kind, ctx.model, piece))) break;
    sent++;
  }
  return sent;
}

export async function writeModelReply(
  req: IncomingMessage,
  res: ServerResponse,
  reply: ChatReply,
  ctx: ReplyContext,
): Promise<void> {
  if ('paced' in reply) {
    if (ctx.stream) startStream(res);
    let content = '';
    let sent = 0;
    for await (const piece of reply.paced.pieces) {
      // Breaking out closes the iterator: the fake's slot is released when the client goes.
      if (ctx.stream && !writeLine(res, chunkLine(ctx.kind, ctx.model, piece))) return;
      if (res.destroyed) return;
      content += piece;
      sent++;
    }
    return finish(res, ctx, content, sent, 'stop', reply.paced.stats());
  }
  if ('fault' in reply) {
    switch (reply.fault) {
      case 'status':
        return sendError(res, reply.status, reply.error);
      case 'destroy':
        // No status line, no headers: the client sees the socket close under it.
        req.socket.destroy();
        return;
      case 'midstream-error': {
        const error = reply.error ?? DEFAULT_MIDSTREAM_ERROR;
        // Without streaming Ollama collects the chunks first, so the error becomes a plain 500.
        if (!ctx.stream) return sendError(res, 500, error);
        startStream(res);
        await streamPieces(res, ctx, splitContent(reply.content ?? 'partial answer'));
        writeLine(res, { error });
        res.end();
        return;
      }
      case 'cut': {
        const content = reply.content ?? 'partial answer';
        if (!ctx.stream) {
          // Ollama's non-stream handler answers with its last chunk, which is not done.
          return sendJson(res, 200, finalLine(ctx.kind, ctx.model, { content, doneReason: null, stats: null, context: [], done: false }));
        }
        startStream(res);
        await streamPieces(res, ctx, splitContent(content));
        res.end();
        return;
      }
      case 'stall': {
        const pieces = reply.content ? splitContent(reply.content) : [];
        if (ctx.stream) {
          startStream(res);
          await streamPieces(res, ctx, pieces);
        }
        // No afterMs: hang until the client aborts or close() destroys the socket.
        if (reply.afterMs === undefined) return;
        await ctx.timers.sleep(reply.afterMs);
        return finish(res, ctx, reply.content ?? '', pieces.length, 'stop', {});
      }
    }
  }

  const pieces = splitContent(reply.content, reply.chunks);
  const doneReason = reply.doneReason === undefined ? 'stop' : reply.doneReason;
  const stats = reply.omitStats ? null : (reply.stats ?? {});
  if (!ctx.stream) return finish(res, ctx, reply.content, pieces.length, doneReason, stats);
  startStream(res);
  const sent = await streamPieces(res, ctx, pieces, reply.chunkDelayMs);
  if (sent < pieces.length) return; // client went away mid-stream
  if (reply.chunkDelayMs) await ctx.timers.sleep(reply.chunkDelayMs);
  return finish(res, ctx, reply.content, sent, doneReason, stats);
}

/** Sends the done line of a stream already under way, or the single non-stream object. */
function finish(
  res: ServerResponse,
  ctx: ReplyContext,
  content: string,
  evalCount: number,
  doneReason: string | null,
  statsOverride: Parameters<typeof buildStats>[2] | null,
): void {
  const stats = statsOverride === null ? null : buildStats(ctx.promptTokens, evalCount, statsOverride);
  // Generate returns the token ids of prompt + answer as `context`; fake ids are enough.
  const context = Array.from({ length: ctx.promptTokens + evalCount }, (_, i) => i + 1);
  if (!ctx.stream) {
    sendJson(res, 200, finalLine(ctx.kind, ctx.model, { content, doneReason, stats, context }));
    return;
  }
  // The final streamed line never repeats the content: it was sent in the chunks.
  writeLine(res, finalLine(ctx.kind, ctx.model, { content: '', doneReason, stats, context }));
  if (!res.destroyed) res.end();
}
