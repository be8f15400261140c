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
  return {
    on(event) {
      switch (event.type) {
        case 'started':
          if (spinner) spinner.text = `${opts.label}: ${event.task}${event.attempt > 1 ? ` (attempt ${event.attempt}/${event.maxAttempts})` : ''}`;
          break;
        case 'tokens': {
          const now = Date.now();
          if (spinner && now - lastPaint > 80) {
            lastPaint = now;
            spinner.text = `${opts.label}: ${event.task} · ${plural(event.tokens, 'token')} · ${event.tokensPerSec.toFixed(1)} tok/s`;
          }
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
          break;
        case 'part':
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
