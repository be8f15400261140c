// Structured generation, the one pipeline every generator uses:
//   zod schema -> JSON schema -> `format` on /api/chat or `response_format` (and described in the prompt)
//   -> stream with live token events -> JSON.parse -> zod parse -> semantic checks
//   -> on failure, a repair attempt that sends the output back with its exact problems.
// Stream faults (error line after HTTP 200, no done:true, done_reason "length") are failed
// attempts, never results. The wire is the provider's (provider.ts): Ollama or OpenAI-compatible.
import { AttemptError, CareerForgeError } from '../errors.js';
import type { LlmHandle } from './provider.js';
import { withServerRetry } from './client.js';
import type { CallContext, CallRequest, CallResult } from './hooks.js';
import { addStats, emptyStats, type CallStats, type GenEvent } from '../events.js';
import type { ChatEvent, ChatMessage } from './provider.js';
import type { Part } from '../parts.js';
import { renderPrompt } from './prompts.js';
import { normalizeBySchema } from './normalize.js';
import { sanitizeDeep } from '../sanitize.js';
import { unfence } from './fence.js';
import { cachedAnswer, rememberAnswer } from '../cache/hook.js';
import * as z from '../zod.js';
import { describeIssues } from '../zod.js';
import { plural } from '../plural.js';

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
  /** Mechanical fixes of the parsed answer beyond the schema-driven ones (renumbering); returns how many. */
  normalize?: (json: unknown) => number;
  /**
   * Repair only what failed: given the parsed (and normalised) answer that failed validation,
   * regenerate just its bad parts and return the whole, or undefined to repair it as a whole.
   */
  salvage?: (json: unknown) => AsyncGenerator<GenEvent, Salvaged<T> | undefined>;
  /** Start from a repair turn: this part of an earlier answer failed with these problems. */
  previous?: { output: string; problems: string[] };
  /**
   * Progressive output: a reader per attempt, fed the answer as it streams, that returns the parts
   * already final (closed in the stream and passing the same fixes and checks as the whole).
   */
  parts?: () => { feed(text: string): Part[] };
}

/** A value rebuilt from a failed answer's good parts, with what the extra calls cost. */
export interface Salvaged<T> {
  value: T;
  attempts: number;
  calls: number;
  stats: CallStats;
  normalized: number;
}

export interface StructuredResult<T> {
  value: T;
  attempts: number;
  stats: CallStats;
  /** Calls made (1, more when a salvage regenerated parts, 0 from the cache). */
  calls: number;
  /** Mechanical fixes applied to the answer (trimmed, renumbered, enum case, duplicates dropped). */
  normalized: number;
}

/** The JSON schema of a zod schema, as sent in `format` and quoted in prompts. */
export function jsonSchemaOf(schema: z.ZodMiniType): Record<string, unknown> {
  const { $schema: _drop, ...rest } = z.toJSONSchema(schema) as Record<string, unknown>;
  return rest;
}

export async function* generateStructured<T>(handle: LlmHandle, req: StructuredRequest<T>): AsyncGenerator<GenEvent, StructuredResult<T>> {
  const { settings } = handle;
  const maxAttempts = 1 + settings.retries;
  const format = jsonSchemaOf(req.schema);
  const base: ChatMessage[] = [
    { role: 'system', content: req.system },
    { role: 'user', content: req.prompt },
  ];
  // A part regenerated alone starts at its repair turn: the failed part and its problems only.
  let messages = req.previous ? nextMessages(base, new AttemptError('INVALID_OUTPUT', 'a part failed', req.previous.problems, req.previous.output)) : base;
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
    return { value: cached, attempts: 0, stats, calls: 0, normalized: 0 };
  }

  // Parts stream from attempts until one that showed parts fails as a whole: what was shown is then
  // not the result, the front end is told (a `restart` part) and later attempts show nothing early.
  let partsShown = false;
  let partsOff = false;
  for (let attempt = 1; attempt <= maxAttempts; attempt++) {
    yield { type: 'started', task: req.task, attempt, maxAttempts, model: handle.model };
    const reader = partsOff ? undefined : req.parts?.();
    let text = '';
    let tokens = 0;
    let final: Extract<ChatEvent, { type: 'done' }> | undefined;
    // What the call log and --dry-run see: the request as Ollama's /api/chat would carry it (the
    // openai provider sends the same messages, schema and sampling as response_format and max_tokens).
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
      const stream = await withServerRetry(handle, () => handle.chat({ task: req.task, messages, schema: format, numPredict: req.numPredict }));
      let firstAt = 0;
      // A stream fault arrives as an AttemptError thrown from the provider's iterator (caught below).
      for await (const event of stream) {
        if (event.type === 'warning') yield { type: 'warning', message: event.message };
        else if (event.type === 'done') final = event;
        else if (event.text) {
          text += event.text;
          tokens++;
          const now = performance.now();
          if (!firstAt) firstAt = now;
          const elapsed = (now - firstAt) / 1000;
          yield { type: 'tokens', task: req.task, attempt, tokens, tokensPerSec: elapsed > 0 ? tokens / elapsed : 0 };
          for (const part of reader?.feed(event.text) ?? []) {
            partsShown = true;
            yield { type: 'part', part };
          }
        }
      }
      // Providers end a stream with `done` or throw; a missing one is a provider bug, still not a result.
      if (!final) throw new AttemptError('STREAM_INCOMPLETE', 'the stream ended without an end marker', [], text);
      stats = addStats(stats, final.stats);
      // Only Ollama cuts an over-long prompt silently; the OpenAI-compatible servers refuse it with a 400.
      const warning = handle.provider === 'ollama' ? promptTruncation({ prompt_eval_count: final.stats.prompt_tokens }, settings.num_ctx) : undefined;
      if (warning) yield { type: 'warning', message: warning };
      if (final.reason === 'length') {
        const cap = handle.provider === 'ollama' ? 'num_predict' : 'max_tokens';
        throw new AttemptError('OUTPUT_TRUNCATED', `the answer was cut off at ${cap}=${req.numPredict} tokens`, [], text);
      }
      const checked = validate(text, req, format);
      if (checked.ok) {
        logCall('ok');
        await rememberAnswer(handle, req.task, sent, checked.value);
        yield { type: 'call-done', task: req.task, attempts: attempt, stats };
        return { value: checked.value, attempts: attempt, stats, calls: 1, normalized: checked.normalized };
      }
      const salvaged = checked.json !== undefined && req.salvage ? yield* salvage(req, checked.json) : undefined;
      if (salvaged) {
        logCall('salvaged', checked.failure.message);
        yield { type: 'call-done', task: req.task, attempts: attempt, stats };
        const total = addStats(stats, salvaged.stats);
        return { value: salvaged.value, attempts: attempt + salvaged.attempts, stats: total, calls: 1 + salvaged.calls, normalized: checked.normalized + salvaged.normalized };
      }
      throw checked.failure;
    } catch (error) {
      if (!(error instanceof AttemptError)) {
        const classified = error instanceof CareerForgeError ? error : handle.classify(error);
        const failure = classified.code === 'TIMEOUT' && tokens > 0 ? stalled(handle, tokens) : classified;
        logCall(failure.code, failure.message);
        throw failure;
      }
      logCall(error.code, error.message);
      last = error;
      yield { type: 'attempt-failed', task: req.task, attempt, maxAttempts, code: error.code, reason: error.message, problems: error.problems };
      if (partsShown && !partsOff) {
        partsOff = true;
        yield { type: 'part', part: { kind: 'restart', task: req.task, reason: error.message } };
      }
      messages = nextMessages(base, error);
    }
  }
  throw finalError(handle, last!, maxAttempts, req.numPredict, settings.num_ctx);
}

type Checked<T> =
  | { ok: true; value: T; normalized: number }
  | { ok: false; failure: AttemptError; json?: unknown; normalized: number };

/** Parse, fix what is mechanical, validate, check; a failure keeps the parsed JSON for a salvage. */
function validate<T>(text: string, req: StructuredRequest<T>, format: Record<string, unknown>): Checked<T> {
  let raw: unknown;
  try {
    raw = JSON.parse(unfence(text));
  } catch (error) {
    // A problem is shown to the user too (warnings, the final message): no instructions to the model
    // here; the repair prompt (prompts/repair.md) says what to send instead.
    const problem = `the reply is not valid JSON (${(error as Error).message})`;
    return { ok: false, failure: new AttemptError('INVALID_OUTPUT', 'the reply is not valid JSON', [problem], text), normalized: 0 };
  }
  const fixed = normalizeBySchema(raw, format);
  const json = fixed.value;
  const normalized = fixed.fixes + (req.normalize?.(json) ?? 0);
  const parsed = req.schema.safeParse(json);
  if (!parsed.success) {
    const problems = describeIssues(parsed.error.issues).slice(0, 20);
    return { ok: false, failure: new AttemptError('INVALID_OUTPUT', `the reply does not match the schema (${problems[0]})`, problems, text), json, normalized };
  }
  const problems = req.check?.(parsed.data) ?? [];
  if (problems.length > 0) {
    return { ok: false, failure: new AttemptError('INVALID_OUTPUT', `the reply fails a check (${problems[0]})`, problems.slice(0, 20), text), json, normalized };
  }
  // Valid: now strip terminal control sequences from every string, once, here for every generator.
  return { ok: true, value: sanitizeDeep(parsed.data), normalized };
}

/** A salvage's result is held to the same schema and checks as a whole answer. */
async function* salvage<T>(req: StructuredRequest<T>, json: unknown): AsyncGenerator<GenEvent, Salvaged<T> | undefined> {
  const rebuilt = yield* req.salvage!(json);
  if (!rebuilt) return undefined;
  const parsed = req.schema.safeParse(rebuilt.value);
  if (!parsed.success || (req.check?.(parsed.data) ?? []).length > 0) return undefined;
  return { ...rebuilt, value: sanitizeDeep(parsed.data) };
}

function nextMessages(base: ChatMessage[], failure: AttemptError): ChatMessage[] {
  if (failure.code === 'INVALID_OUTPUT' && failure.output) {
    const problems = failure.problems.map((p) => `- ${p}`).join('\n');
    return [...base, { role: 'assistant', content: failure.output }, { role: 'user', content: renderPrompt('repair', { problems }) }];
  }
  if (failure.code === 'OUTPUT_TRUNCATED') {
    const [system, user] = base as [ChatMessage, ChatMessage];
    return [system, { role: 'user', content: `${user.content}\n\n${renderPrompt('concise', {})}` }];
  }
  return base; // a stream fault says nothing about the answer: ask again unchanged
}

/**
 * The idle timer fired after the answer had started: the model was loaded and generating, so "may
 * still be loading" would mislead; it stalled (or the server hung) mid-answer.
 */
function stalled(handle: LlmHandle, tokens: number): CareerForgeError {
  const server = handle.provider === 'ollama' ? 'Ollama' : 'the server';
  return new CareerForgeError(
    'TIMEOUT',
    `No reply from ${server} at ${handle.host} for ${handle.settings.timeout}s after ${plural(tokens, 'token')} of the answer had arrived: the model stalled; raise --timeout or check the server log`,
  );
}

function finalError(handle: LlmHandle, last: AttemptError, attempts: number, numPredict: number, numCtx: number): CareerForgeError {
  const inAll = attempts === 1 ? 'in 1 attempt' : `in all ${plural(attempts, 'attempt')}`;
  const ollama = handle.provider === 'ollama';
  switch (last.code) {
    case 'OUTPUT_TRUNCATED':
      return new CareerForgeError(
        'OUTPUT_TRUNCATED',
        ollama
          ? `The model's answer was cut off at num_predict=${numPredict} tokens (done_reason "length") ${inAll}: raise --num-predict (and --num-ctx, now ${numCtx})`
          : `The model's answer was cut off at max_tokens=${numPredict} (finish_reason "length") ${inAll}: raise --num-predict (and the server's context length)`,
      );
    case 'STREAM_ERROR':
      // The attempt's message sits inside a warning's parentheses; as the final message it opens the line.
      return new CareerForgeError('STREAM_ERROR', `${last.message.charAt(0).toUpperCase()}${last.message.slice(1)} (${inAll}): check the ${ollama ? 'Ollama ' : ''}server log`);
    case 'STREAM_INCOMPLETE':
      return new CareerForgeError(
        'STREAM_INCOMPLETE',
        ollama
          ? `Ollama's stream ended without done:true ${inAll}: the server may have stopped a looping model; retry or check its log`
          : `The server's stream ended without [DONE] ${inAll}: the connection dropped or the server stopped the model; retry or check its log`,
      );
    default:
      return new CareerForgeError(
        'INVALID_OUTPUT',
        `The model's answer was still invalid ${inAll}: ${last.problems[0] ?? last.message}; retry, lower --temperature or use a larger --model`,
      );
  }
}

function callResult(outcome: string, error: string | undefined, reply: string, final: Extract<ChatEvent, { type: 'done' }> | undefined, latencyMs: number): CallResult {
  return {
    outcome,
    ...(error === undefined ? {} : { error }),
    reply,
    ...(final ? {
      doneReason: final.reason,
      promptTokens: final.stats.prompt_tokens,
      completionTokens: final.stats.completion_tokens,
      durations: { total: final.stats.total_duration_ns, load: final.stats.load_duration_ns, prompt_eval: final.stats.prompt_eval_duration_ns, eval: final.stats.eval_duration_ns },
    } : {}),
    latencyMs,
  };
}


/**
 * Ollama truncates a prompt longer than num_ctx without a word. When the evaluated prompt fills
 * (nearly) the whole context, it was most likely cut: say so and name the option.
 */
export function promptTruncation(final: { prompt_eval_count?: number }, numCtx: number): string | undefined {
  const count = final.prompt_eval_count ?? 0;
  if (count < Math.floor(numCtx * 0.95)) return undefined;
  return `The prompt used ${count} of num_ctx=${numCtx} tokens and was probably truncated by Ollama: raise --num-ctx`;
}
