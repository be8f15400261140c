// Structured generation, the one pipeline every generator uses:
//   zod schema -> JSON schema -> `format` on /api/chat (and described in the prompt)
//   -> stream with live token events -> JSON.parse -> zod parse -> semantic checks
//   -> on failure, a repair attempt that sends the output back with its exact problems.
// Stream faults (error line after HTTP 200, no done:true, done_reason "length") are failed
// attempts, never results.
import type { ChatResponse, Message } from 'ollama';
import { AttemptError, CareerForgeError } from '../errors.js';
import type { OllamaHandle } from './client.js';
import { withServerRetry } from './client.js';
import type { CallContext, CallRequest, CallResult } from './hooks.js';
import { emptyStats, type CallStats, type GenEvent } from '../events.js';
import { renderPrompt } from './prompts.js';
import { sanitizeDeep } from '../sanitize.js';
import { cachedAnswer, rememberAnswer } from '../cache/hook.js';
import * as z from '../zod.js';
import { describeIssues } from '../zod.js';

export interface StructuredRequest<T> {
  /** Shown in progress: "roadmap", "month 3 of 12". */
  task: string;
  schema: z.ZodMiniType<T>;
  system: string;
  prompt: string;
  numPredict: number;
  /** The schema's name in the call log (default: the task). */
  schemaName?: string;
  /** Semantic checks on a schema-valid value: one readable problem per entry. */
  check?: (value: T) => string[];
}

export interface StructuredResult<T> {
  value: T;
  attempts: number;
  stats: CallStats;
}

const NO_DONE = 'Did not receive done or success response in stream.';

/** The JSON schema of a zod schema, as sent in `format` and quoted in prompts. */
export function jsonSchemaOf(schema: z.ZodMiniType): Record<string, unknown> {
  const { $schema: _drop, ...rest } = z.toJSONSchema(schema) as Record<string, unknown>;
  return rest;
}

export async function* generateStructured<T>(handle: OllamaHandle, req: StructuredRequest<T>): AsyncGenerator<GenEvent, StructuredResult<T>> {
  const { settings } = handle;
  const maxAttempts = 1 + settings.retries;
  const format = jsonSchemaOf(req.schema);
  const base: Message[] = [
    { role: 'system', content: req.system },
    { role: 'user', content: req.prompt },
  ];
  let messages = base;
  let stats = emptyStats();
  let last: AttemptError | undefined;
  const options = {
    num_ctx: settings.num_ctx,
    num_predict: req.numPredict,
    temperature: settings.temperature,
    ...(settings.seed === undefined ? {} : { seed: settings.seed }),
  };
  // The response cache (off unless the command turned it on): an identical request already answered.
  const sent = { messages: base, format, options };
  const cached = await cachedAnswer(handle, req, sent);
  if (cached !== undefined) {
    yield { type: 'cached', task: req.task };
    return { value: cached, attempts: 0, stats };
  }

  for (let attempt = 1; attempt <= maxAttempts; attempt++) {
    yield { type: 'started', task: req.task, attempt, maxAttempts, model: handle.model };
    let text = '';
    let final: ChatResponse | undefined;
    const request: CallRequest = {
      model: handle.model,
      messages,
      format,
      stream: true,
      // num_ctx identical on every call: a different value makes Ollama reload the model.
      options,
    };
    const call: CallContext = { task: req.task, schemaName: req.schemaName ?? req.task, attempt, maxAttempts, host: handle.host };
    handle.hooks?.beforeCall?.(request, call);
    const sentAt = Date.now();
    const logCall = (outcome: string, error?: string) =>
      handle.hooks?.afterCall?.(request, call, callResult(outcome, error, text, final, Date.now() - sentAt));
    try {
      const stream = await withServerRetry(handle, () => handle.ollama.chat(request));
      let tokens = 0;
      let firstAt = 0;
      try {
        for await (const part of stream) {
          if (part.message?.content) {
            text += part.message.content;
            tokens++;
            const now = performance.now();
            if (!firstAt) firstAt = now;
            const elapsed = (now - firstAt) / 1000;
            yield { type: 'tokens', task: req.task, attempt, tokens, tokensPerSec: elapsed > 0 ? tokens / elapsed : 0 };
          }
          if (part.done) final = part;
        }
      } catch (error) {
        throw streamFailure(handle, error, text);
      }
      if (!final) throw new AttemptError('STREAM_INCOMPLETE', NO_DONE, [], text);
      stats = addCall(stats, final);
      const warning = promptTruncation(final, settings.num_ctx);
      if (warning) yield { type: 'warning', message: warning };
      if (final.done_reason === 'length') {
        throw new AttemptError('OUTPUT_TRUNCATED', `the answer was cut off at num_predict=${req.numPredict} tokens`, [], text);
      }
      const value = validate(text, req);
      logCall('ok');
      await rememberAnswer(handle, req.task, sent, value);
      yield { type: 'call-done', task: req.task, attempts: attempt, stats };
      return { value, attempts: attempt, stats };
    } catch (error) {
      if (!(error instanceof AttemptError)) {
        const failure = error instanceof CareerForgeError ? error : handle.classify(error);
        logCall(failure.code, failure.message);
        throw failure;
      }
      logCall(error.code, error.message);
      last = error;
      yield { type: 'attempt-failed', task: req.task, attempt, code: error.code, reason: error.message, problems: error.problems };
      messages = nextMessages(base, error);
    }
  }
  throw finalError(last!, maxAttempts, req.numPredict, settings.num_ctx);
}

function streamFailure(handle: OllamaHandle, error: unknown, text: string): CareerForgeError {
  const classified = handle.classify(error);
  if (classified.code === 'TIMEOUT' || classified.code === 'INTERRUPTED') return classified;
  const message = (error as Error)?.message ?? String(error);
  if (message === NO_DONE || (error as Error)?.name === 'TypeError') {
    return new AttemptError('STREAM_INCOMPLETE', 'the stream ended without done:true', [], text);
  }
  return new AttemptError('STREAM_ERROR', `Ollama reported an error mid-stream: ${message}`, [], text);
}

function validate<T>(text: string, req: StructuredRequest<T>): T {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    const problem = `The reply is not valid JSON (${(error as Error).message}). Reply with only the JSON object.`;
    throw new AttemptError('INVALID_OUTPUT', 'the reply is not valid JSON', [problem], text);
  }
  const parsed = req.schema.safeParse(json);
  if (!parsed.success) {
    const problems = describeIssues(parsed.error.issues).slice(0, 20);
    throw new AttemptError('INVALID_OUTPUT', `the reply does not match the schema (${problems[0]})`, problems, text);
  }
  const problems = req.check?.(parsed.data) ?? [];
  if (problems.length > 0) {
    throw new AttemptError('INVALID_OUTPUT', `the reply fails a check (${problems[0]})`, problems.slice(0, 20), text);
  }
  // Valid: now strip terminal control sequences from every string, once, here for every generator.
  return sanitizeDeep(parsed.data);
}

function nextMessages(base: Message[], failure: AttemptError): Message[] {
  if (failure.code === 'INVALID_OUTPUT' && failure.output) {
    const problems = failure.problems.map((p) => `- ${p}`).join('\n');
    return [...base, { role: 'assistant', content: failure.output }, { role: 'user', content: renderPrompt('repair', { problems }) }];
  }
  if (failure.code === 'OUTPUT_TRUNCATED') {
    const [system, user] = base as [Message, Message];
    return [system, { role: 'user', content: `${user.content}\n\n${renderPrompt('concise', {})}` }];
  }
  return base; // a stream fault says nothing about the answer: ask again unchanged
}

function finalError(last: AttemptError, attempts: number, numPredict: number, numCtx: number): CareerForgeError {
  const inAll = attempts === 1 ? 'in 1 attempt' : `in all ${attempts} attempts`;
  switch (last.code) {
    case 'OUTPUT_TRUNCATED':
      return new CareerForgeError(
        'OUTPUT_TRUNCATED',
        `The model's answer was cut off at num_predict=${numPredict} tokens (done_reason "length") ${inAll}: raise --num-predict (and --num-ctx, now ${numCtx})`,
      );
    case 'STREAM_ERROR':
      return new CareerForgeError('STREAM_ERROR', `${last.message} (${inAll}): check the Ollama server log`);
    case 'STREAM_INCOMPLETE':
      return new CareerForgeError('STREAM_INCOMPLETE', `Ollama's stream ended without done:true ${inAll}: the server may have stopped a looping model; retry or check its log`);
    default:
      return new CareerForgeError(
        'INVALID_OUTPUT',
        `The model's answer was still invalid ${inAll}: ${last.problems[0] ?? last.message}; retry, lower --temperature or use a larger --model`,
      );
  }
}

function callResult(outcome: string, error: string | undefined, reply: string, final: ChatResponse | undefined, latencyMs: number): CallResult {
  return {
    outcome,
    ...(error === undefined ? {} : { error }),
    reply,
    ...(final ? {
      doneReason: final.done_reason,
      promptTokens: final.prompt_eval_count,
      completionTokens: final.eval_count,
      durations: { total: final.total_duration, load: final.load_duration, prompt_eval: final.prompt_eval_duration, eval: final.eval_duration },
    } : {}),
    latencyMs,
  };
}

function addCall(stats: CallStats, final: ChatResponse): CallStats {
  return {
    prompt_tokens: stats.prompt_tokens + (final.prompt_eval_count ?? 0),
    completion_tokens: stats.completion_tokens + (final.eval_count ?? 0),
    eval_duration_ns: stats.eval_duration_ns + (final.eval_duration ?? 0),
    prompt_eval_duration_ns: stats.prompt_eval_duration_ns + (final.prompt_eval_duration ?? 0),
    load_duration_ns: stats.load_duration_ns + (final.load_duration ?? 0),
    total_duration_ns: stats.total_duration_ns + (final.total_duration ?? 0),
  };
}

/**
 * Ollama truncates a prompt longer than num_ctx without a word. When the evaluated prompt fills
 * (nearly) the whole context, it was most likely cut: say so and name the option.
 */
export function promptTruncation(final: Pick<ChatResponse, 'prompt_eval_count'>, numCtx: number): string | undefined {
  const count = final.prompt_eval_count ?? 0;
  if (count < Math.floor(numCtx * 0.95)) return undefined;
  return `The prompt used ${count} of num_ctx=${numCtx} tokens and was probably truncated by Ollama: raise --num-ctx`;
}
