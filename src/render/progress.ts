// Consumes core's event stream on the terminal: an ora spinner on stderr with live tokens and
// tokens/s (only when stderr is a TTY and not in --json mode), and one line on stderr for every
// warning and failed attempt, in every mode.
import type { GenEvent } from '../core/events.js';
import type { Part } from '../core/parts.js';
import type { Warn } from '../core/store/store.js';
import { startSpinner, type SpinnerIO } from './spinner.js';
import { plural } from '../core/plural.js';

export interface ProgressOptions {
  label: string;
  warn: Warn;
  /** Draw a live spinner (the session's decision: stderr is a terminal, not --json, not CI). */
  live: boolean;
  io: SpinnerIO;
  /** A finished part (progressive output): printed on stdout, with the spinner cleared first. */
  onPart?: (part: Part) => void;
}

export interface Reporter {
  on(event: GenEvent): void;
  stop(): void;
}

export async function createReporter(opts: ProgressOptions): Promise<Reporter> {
  const spinner = opts.live ? await startSpinner(opts.label, opts.io) : undefined;
  let lastPaint = 0;
  // What is still running (with --concurrency several calls at once, in the order they started)
  // and what is ready, so the spinner says "questions 11-20 of 30, questions 21-30 of 30 · 10 ready".
  const running = new Map<string, { attempt: number; maxAttempts: number; tokens: number; tokensPerSec: number }>();
  let ready = '';
  const paint = () => {
    if (!spinner) return;
    lastPaint = Date.now();
    const tasks = [...running].map(([task, r]) => (r.attempt > 1 ? `${task} (attempt ${r.attempt}/${r.maxAttempts})` : task));
    const calls = [...running.values()];
    const tokens = calls.reduce((n, r) => n + r.tokens, 0);
    const rate = calls.reduce((n, r) => n + r.tokensPerSec, 0);
    spinner.text = `${opts.label}${tasks.length ? `: ${tasks.join(', ')}` : ''}${ready}${tokens ? ` · ${plural(tokens, 'token')} · ${rate.toFixed(1)} tok/s` : ''}`;
  };
  let months = 0;
  return {
    on(event) {
      switch (event.type) {
        case 'started':
          running.set(event.task, { attempt: event.attempt, maxAttempts: event.maxAttempts, tokens: 0, tokensPerSec: 0 });
          paint();
          break;
        case 'tokens': {
          const call = running.get(event.task);
          if (call) Object.assign(call, { tokens: event.tokens, tokensPerSec: event.tokensPerSec });
          if (Date.now() - lastPaint > 80) paint();
          break;
        }
        case 'attempt-failed':
          spinner?.clear();
          opts.warn(attemptFailedLine(event));
          break;
        case 'warning':
          spinner?.clear();
          opts.warn(event.message);
          break;
        case 'call-done':
        case 'cached':
          running.delete(event.task);
          paint();
          break;
        case 'part':
          if (event.part.kind === 'quiz-batch' || event.part.kind === 'interview-batch') ready = ` · ${plural(event.part.first + event.part.questions.length, 'question')} ready`;
          else if (event.part.kind === 'month') ready = ` · ${++months} of ${plural(event.part.total, 'month')} ready`;
          paint();
          if (!opts.onPart) break;
          spinner?.clear();
          opts.onPart(event.part);
          break;
      }
    },
    stop() {
      spinner?.stop();
    },
  };
}

/** One warning per failed attempt; the last one says no more than what failed (the error follows). */
export function attemptFailedLine(event: Extract<GenEvent, { type: 'attempt-failed' }>): string {
  const line = `${event.task}: attempt ${event.attempt} failed (${event.reason})`;
  if (event.attempt >= event.maxAttempts) return line;
  return `${line}; ${event.code === 'INVALID_OUTPUT' ? 'asking the model to repair it' : 'retrying'}`;
}

/**
 * Run `work` with a reporter showing its events, and stop the spinner however it ends. The
 * generation commands all drive their core generators this way.
 */
export async function withProgress<R>(
  opts: ProgressOptions,
  work: (on: (event: GenEvent) => void) => Promise<R>,
): Promise<R> {
  const reporter = await createReporter(opts);
  try {
    return await work((event) => reporter.on(event));
  } finally {
    reporter.stop();
  }
}
