// Runs the lines of a batch through the pool: one result line per input line, written the moment
// it finishes. A line that fails becomes an error envelope with its id (the batch goes on); a busy
// server (429/503) is waited out with exponential backoff and jitter; an error that dooms every
// line (server unreachable, model missing) stops the batch and writes that error for every line not
// yet done, so the file is still complete and a rerun retries them. Ctrl-C writes nothing more: the
// lines in flight are lost, and run again on resume.
import { CareerForgeError, InterruptedError, isCareerForgeError } from '../errors.js';
import type { GenEvent } from '../events.js';
import type { BatchItem } from './input.js';
import { mapPool } from '../llm/pool.js';
import type { ResultsWriter } from './results-file.js';

export interface LineResult {
  data: unknown;
  meta: Record<string, unknown>;
}

export type LineWorker<I> = (item: BatchItem<I>, signal: AbortSignal, on: (event: GenEvent) => void) => Promise<LineResult>;

export interface BatchCounters {
  total: number;
  /** Already finished in --out by an earlier run. */
  skipped: number;
  done: number;
  failed: number;
  inFlight: number;
  /** Tokens streamed so far (live, for tokens/s). */
  tokens: number;
  /** Server-counted completion tokens of the finished lines. */
  completionTokens: number;
  /** Waits on a busy server. */
  backoffs: number;
  startedAt: number;
}

export interface RunBatchOptions<I> {
  items: ReadonlyArray<BatchItem<I>>;
  concurrency: number;
  signal: AbortSignal;
  worker: LineWorker<I>;
  writer: ResultsWriter;
  counters: BatchCounters;
  /** Line-level tries on a busy server, on top of the client's own retries. */
  busyTries?: number;
  backoffMs?: number;
}

const BUSY = new Set(['OLLAMA_BUSY', 'RATE_LIMITED']);
/** Errors no other line can escape: stop instead of failing each line the same way. */
const FATAL = new Set(['OLLAMA_UNREACHABLE', 'MODEL_NOT_FOUND', 'UNAUTHORIZED', 'STORE_ERROR']);

class Fatal extends Error {
  constructor(readonly error: CareerForgeError) {
    super(error.message);
  }
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(new InterruptedError());
    const timer = setTimeout(() => (signal.removeEventListener('abort', stop), resolve()), ms);
    const stop = () => (clearTimeout(timer), reject(new InterruptedError()));
    signal.addEventListener('abort', stop, { once: true });
  });
}

function asError(error: unknown): CareerForgeError {
  if (isCareerForgeError(error)) return error;
  return new CareerForgeError('INTERNAL', `unexpected error: ${error instanceof Error ? error.message : String(error)}`);
}

/** Returns the error that stopped the batch early, if one did. */
export async function runBatch<I>(opts: RunBatchOptions<I>): Promise<CareerForgeError | undefined> {
  const { counters, writer } = opts;
  const busyTries = opts.busyTries ?? 4;
  const backoffMs = opts.backoffMs ?? 1000;
  const written = new Set<number>();
  const write = (index: number, record: { id: BatchItem<I>['id'] } & Record<string, unknown>) => {
    writer.append(record);
    written.add(index);
  };

  const runLine = async (item: BatchItem<I>, index: number, signal: AbortSignal): Promise<void> => {
    counters.inFlight++;
    const started = Date.now();
    let lastTokens = 0;
    const on = (event: GenEvent) => {
      if (event.type === 'started') lastTokens = 0;
      if (event.type === 'tokens') {
        counters.tokens += event.tokens - lastTokens;
        lastTokens = event.tokens;
      }
    };
    try {
      for (let attempt = 1; ; attempt++) {
        try {
          const result = await opts.worker(item, signal, on);
          counters.completionTokens += Number(result.meta.completion_tokens ?? 0);
          counters.done++;
          const meta = { ...result.meta, latency_ms: Date.now() - started, ...(attempt > 1 ? { busy_retries: attempt - 1 } : {}) };
          return write(index, { id: item.id, success: true, data: result.data, meta });
        } catch (error) {
          if (signal.aborted) throw error; // Ctrl-C, or another line's fatal error: not this line's result
          const failure = asError(error);
          if (FATAL.has(failure.code)) throw new Fatal(failure);
          if (BUSY.has(failure.code) && attempt < busyTries) {
            counters.backoffs++;
            // Full jitter, so 32 workers backing off together do not return together; a server that
            // said how long to wait (Retry-After) is given at least that.
            await sleep(Math.max(Math.random() * backoffMs * 2 ** (attempt - 1), failure.retryAfterMs ?? 0), signal);
            continue;
          }
          counters.failed++;
          const meta = { latency_ms: Date.now() - started, ...(attempt > 1 ? { busy_retries: attempt - 1 } : {}) };
          return write(index, { id: item.id, success: false, error: { code: failure.code, message: failure.message }, meta });
        }
      }
    } finally {
      counters.inFlight--;
    }
  };

  try {
    await mapPool(opts.items, runLine, { concurrency: opts.concurrency, signal: opts.signal });
    return undefined;
  } catch (error) {
    if (!(error instanceof Fatal)) throw opts.signal.aborted ? new InterruptedError() : error;
    // Every line that did not get its own result gets the error that stopped the batch.
    opts.items.forEach((item, index) => {
      if (written.has(index)) return;
      counters.failed++;
      write(index, { id: item.id, success: false, error: { code: error.error.code, message: error.error.message }, meta: { stopped: true } });
    });
    return error.error;
  }
}
