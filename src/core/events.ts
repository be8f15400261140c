// The typed event stream that core yields and every front end consumes: the ora spinner, the Ink
// view and the JSON path all read the same events.
import type { PartEvent } from './parts.js';

export interface CallStats {
  prompt_tokens: number;
  completion_tokens: number;
  /** Server-side durations, nanoseconds as Ollama sends them. */
  eval_duration_ns: number;
  prompt_eval_duration_ns: number;
  load_duration_ns: number;
  total_duration_ns: number;
}

export type GenEvent =
  | { type: 'started'; task: string; attempt: number; maxAttempts: number; model: string }
  | { type: 'tokens'; task: string; attempt: number; tokens: number; tokensPerSec: number }
  | { type: 'attempt-failed'; task: string; attempt: number; maxAttempts: number; code: string; reason: string; problems: string[] }
  | { type: 'warning'; message: string }
  | { type: 'call-done'; task: string; attempts: number; stats: CallStats }
  | PartEvent
  /** Answered from the response cache: no request was sent. */
  | { type: 'cached'; task: string };

export function emptyStats(): CallStats {
  return { prompt_tokens: 0, completion_tokens: 0, eval_duration_ns: 0, prompt_eval_duration_ns: 0, load_duration_ns: 0, total_duration_ns: 0 };
}

export function addStats(a: CallStats, b: CallStats): CallStats {
  return {
    prompt_tokens: a.prompt_tokens + b.prompt_tokens,
    completion_tokens: a.completion_tokens + b.completion_tokens,
    eval_duration_ns: a.eval_duration_ns + b.eval_duration_ns,
    prompt_eval_duration_ns: a.prompt_eval_duration_ns + b.prompt_eval_duration_ns,
    load_duration_ns: a.load_duration_ns + b.load_duration_ns,
    total_duration_ns: a.total_duration_ns + b.total_duration_ns,
  };
}

/** What every generation result counts: requests, calls, mechanical fixes and the server's counters. */
export interface Counts {
  attempts: number;
  calls: number;
  normalized: number;
  stats: CallStats;
}

/** The counts of several results (an outline and its months, a report and its plan) added up. */
export function sumCounts(results: ReadonlyArray<{ attempts: number; calls: number; normalized?: number; stats: CallStats }>): Counts {
  return {
    attempts: results.reduce((n, r) => n + r.attempts, 0),
    calls: results.reduce((n, r) => n + r.calls, 0),
    normalized: results.reduce((n, r) => n + (r.normalized ?? 0), 0),
    stats: results.reduce((sum, r) => addStats(sum, r.stats), emptyStats()),
  };
}

/** Generation speed from the server's own counters (eval_count / eval_duration). */
export function tokensPerSecond(stats: CallStats): number {
  return stats.eval_duration_ns > 0 ? round1(stats.completion_tokens / (stats.eval_duration_ns / 1e9)) : 0;
}

export function round1(n: number): number {
  return Math.round(n * 10) / 10;
}

/** Run a core generator to its end, handing each event to `on`; returns the generator's result. */
export async function drive<E, R>(gen: AsyncGenerator<E, R>, on: (event: E) => void): Promise<R> {
  for (;;) {
    const step = await gen.next();
    if (step.done) return step.value;
    on(step.value);
  }
}
