// The seam between structured generation and whatever records or intercepts model calls (the
// call log, --dry-run). generate.ts calls these and knows nothing of files or output.
import type { Message } from 'ollama';

/** Exactly what one /api/chat request carries. */
export interface CallRequest {
  model: string;
  messages: Message[];
  format: Record<string, unknown>;
  stream: true;
  options: Record<string, number>;
}

/** What the generator knows about the call besides the request body. */
export interface CallContext {
  /** The request's task as shown in progress: "roadmap", "month 3 of 12". */
  task: string;
  /** A name for the schema sent in `format` (the task unless the generator names it). */
  schemaName: string;
  attempt: number;
  maxAttempts: number;
  /** The server the request goes to. */
  host: string;
}

export interface CallResult {
  /** 'ok', or the error code of the failed attempt (INVALID_OUTPUT, STREAM_ERROR...). */
  outcome: string;
  error?: string;
  reply: string;
  doneReason?: string;
  promptTokens?: number;
  completionTokens?: number;
  /** Server-side durations in nanoseconds, as Ollama reports them. */
  durations?: { total: number; load: number; prompt_eval: number; eval: number };
  /** Wall time of the attempt, measured here. */
  latencyMs: number;
}

export interface CallHooks {
  /** Before a request is sent. A dry run throws here, so nothing reaches the server. */
  beforeCall?(request: CallRequest, context: CallContext): void;
  /** After every attempt, the failed ones included. Must not throw. */
  afterCall?(request: CallRequest, context: CallContext, result: CallResult): void;
}
