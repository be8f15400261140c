// One structured chat on an OpenAI-compatible server: response_format json_schema (the form vLLM,
// llama-server and LM Studio all accept), streamed over SSE with include_usage for token counts,
// turned into the provider-neutral chat events. Rates come from llama-server's `timings` when it
// sends them, otherwise from the client's clock between first and last token.
import type OpenAI from 'openai';
import { AttemptError } from '../../errors.js';
import type { CallStats } from '../../events.js';
import type { Settings } from '../../config/settings.js';
import type { ChatEvent, ChatMessage, ChatRequest } from '../provider.js';
import { streamWatches } from './fetch.js';
import { errorMessage } from './errors.js';

/** llama-server's per-request counters (on its last chunk). */
export interface Timings {
  prompt_n?: number;
  prompt_ms?: number;
  predicted_n?: number;
  predicted_ms?: number;
  cache_n?: number;
}

interface Chunk {
  choices?: Array<{ delta?: { content?: string | null }; finish_reason?: string | null }>;
  usage?: { prompt_tokens?: number; completion_tokens?: number } | null;
  timings?: Timings;
}

/** `json_schema.name` must match [a-zA-Z0-9_-]{1,64} (OpenAI; vLLM requires a name at all). */
export function schemaName(task: string): string {
  return task.replace(/[^a-zA-Z0-9_-]+/g, '_').replace(/^_+|_+$/g, '').slice(0, 64) || 'answer';
}

/** The system prompt moved into the first user turn, for chat templates that refuse a system role. */
export function foldSystem(messages: ChatMessage[]): ChatMessage[] {
  const system = messages.filter((m) => m.role === 'system').map((m) => m.content);
  if (system.length === 0) return messages;
  const rest = messages.filter((m) => m.role !== 'system');
  const first = rest.findIndex((m) => m.role === 'user');
  if (first < 0) return [{ role: 'user', content: system.join('\n\n') }, ...rest];
  return rest.map((m, i) => (i === first ? { role: 'user', content: `${system.join('\n\n')}\n\n${m.content}` } : m));
}

export function chatBody(settings: Settings, req: ChatRequest, fold: boolean) {
  return {
    model: settings.model,
    messages: fold ? foldSystem(req.messages) : req.messages,
    stream: true as const,
    stream_options: { include_usage: true },
    max_tokens: req.numPredict,
    temperature: settings.temperature,
    ...(settings.seed === undefined ? {} : { seed: settings.seed }),
    response_format: { type: 'json_schema' as const, json_schema: { name: schemaName(req.task), schema: req.schema, strict: true } },
  };
}

/** A streamed chat body: chatBody()'s, or bench's plain one (no response_format). */
export type StreamBody = Omit<ReturnType<typeof chatBody>, 'response_format'> & Partial<Pick<ReturnType<typeof chatBody>, 'response_format'>>;

export async function openaiChat(client: OpenAI, body: StreamBody, onGone: () => Error | undefined): Promise<AsyncIterable<ChatEvent>> {
  const started = performance.now();
  const { data: stream, response } = await client.chat.completions.create(body).withResponse();
  const watch = streamWatches.get(response);
  return (async function* events(): AsyncGenerator<ChatEvent> {
    let text = '';
    let reason: string | undefined;
    let usage: Chunk['usage'];
    let timings: Timings | undefined;
    let deltas = 0;
    let firstAt = 0;
    let lastAt = 0;
    try {
      for await (const chunk of stream as AsyncIterable<Chunk>) {
        const choice = chunk.choices?.[0];
        const piece = choice?.delta?.content;
        if (piece) {
          text += piece;
          deltas++;
          lastAt = performance.now();
          firstAt ||= lastAt;
          yield { type: 'delta', text: piece };
        }
        if (choice?.finish_reason) reason = choice.finish_reason;
        if (chunk.usage) usage = chunk.usage;
        if (chunk.timings) timings = chunk.timings;
      }
    } catch (error) {
      throw onGone() ?? streamFailure(error, text);
    }
    // The package ends quietly when the request was aborted (Ctrl-C, --timeout): say which.
    const gone = onGone();
    if (gone) throw gone;
    if (watch?.errorField) {
      let parsed: unknown;
      try {
        parsed = { error: JSON.parse(watch.errorField) };
      } catch {
        parsed = { error: watch.errorField };
      }
      throw new AttemptError('STREAM_ERROR', `the server reported an error mid-stream: ${errorMessage(parsed) || watch.errorField}`, [], text);
    }
    if (!watch?.done || !reason) throw new AttemptError('STREAM_INCOMPLETE', 'the stream ended without [DONE]', [], text);
    const ended = performance.now();
    yield { type: 'done', reason, stats: statsOf(usage, timings, deltas, started, firstAt, lastAt, ended) };
  })();
}

function streamFailure(error: unknown, text: string): AttemptError {
  const err = error as { name?: string; message?: string; error?: unknown };
  // A dropped connection mid-body is our transport's TypeError("terminated").
  if (err?.name === 'TypeError') return new AttemptError('STREAM_INCOMPLETE', 'the stream ended without [DONE]', [], text);
  const message = errorMessage({ error: err?.error }) || (err?.message ?? String(error));
  return new AttemptError('STREAM_ERROR', `the server reported an error mid-stream: ${message}`, [], text);
}

export function statsOf(usage: Chunk['usage'], timings: Timings | undefined, deltas: number, started: number, firstAt: number, lastAt: number, ended: number): CallStats {
  const ms = (x: number) => Math.round(x * 1e6);
  const clientPrompt = firstAt ? firstAt - started : ended - started;
  const clientEval = firstAt && lastAt > firstAt ? lastAt - firstAt : 0;
  return {
    prompt_tokens: usage?.prompt_tokens ?? timings?.prompt_n ?? 0,
    completion_tokens: usage?.completion_tokens ?? timings?.predicted_n ?? deltas,
    // llama-server measures on the server; otherwise the client's clock is the best there is.
    eval_duration_ns: ms(timings?.predicted_ms ?? clientEval),
    prompt_eval_duration_ns: ms(timings?.prompt_ms ?? clientPrompt),
    load_duration_ns: 0,
    total_duration_ns: ms(ended - started),
  };
}
