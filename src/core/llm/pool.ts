// A small pool for independent model calls, so a server with several slots (OLLAMA_NUM_PARALLEL,
// vLLM's batch) works on several of our requests at once: the months of an outlined plan, quiz and
// interview batches, the entries of `careerforge batch`.
//   - at most `concurrency` jobs run at a time, started in order;
//   - results come back in job order, whatever order the jobs finish in;
//   - the first failure, or the parent signal (Ctrl-C), aborts every running job through the
//     signal each job was handed, starts no new one, and is what the pool throws; the pool waits
//     for the aborted jobs to settle, so no request outlives the command.
// Two forms: runPool() merges the jobs' event streams (core generators yield events), mapPool()
// is the plain promise form for work without events.

/** One job: handed a signal that aborts when the pool gives up; an event stream or a promise. */
export type PoolJob<E, R> = (signal: AbortSignal, index: number) => AsyncGenerator<E, R> | Promise<R>;

export interface PoolOptions {
  /** How many jobs run at once (1 = one after the other). */
  concurrency: number;
  /** The command's signal: aborting it aborts the pool. */
  signal?: AbortSignal;
}

export type PoolStep<E, R> = { type: 'event'; index: number; event: E } | { type: 'result'; index: number; value: R };

class PoolAborted extends Error {
  override name = 'PoolAborted';
}

/**
 * Run `jobs` through the pool. Yields every job's events (tagged with the job's index) as they
 * arrive and a `result` step as each job finishes (in completion order); returns all results in
 * job order.
 */
export async function* runPool<E, R>(jobs: ReadonlyArray<PoolJob<E, R>>, opts: PoolOptions): AsyncGenerator<PoolStep<E, R>, R[]> {
  const limit = Math.max(1, Math.floor(opts.concurrency) || 1);
  const controller = new AbortController();
  const onParentAbort = () => controller.abort(opts.signal?.reason ?? new PoolAborted('aborted'));
  if (opts.signal?.aborted) onParentAbort();
  else opts.signal?.addEventListener('abort', onParentAbort, { once: true });

  const results = new Array<R>(jobs.length);
  const steps: Array<PoolStep<E, R>> = [];
  let wake: (() => void) | undefined;
  const notify = () => {
    wake?.();
    wake = undefined;
  };
  let failure: { error: unknown } | undefined;
  let next = 0;
  let running = 0;
  let finished = 0;

  const fail = (error: unknown) => {
    // Errors of jobs aborted because of the first failure say only "aborted": keep the first.
    if (!failure) {
      failure = { error };
      controller.abort(error);
    }
  };

  const runOne = async (index: number): Promise<void> => {
    try {
      const started = jobs[index]!(controller.signal, index);
      let value: R;
      if (isAsyncGenerator<E, R>(started)) {
        for (;;) {
          const step = await started.next();
          if (step.done) {
            value = step.value;
            break;
          }
          if (failure) {
            // Stop consuming an aborted job's events; let its generator clean up.
            await started.return(undefined as R).catch(() => undefined);
            throw new PoolAborted('aborted');
          }
          steps.push({ type: 'event', index, event: step.value });
          notify();
        }
      } else {
        value = await started;
      }
      results[index] = value;
      steps.push({ type: 'result', index, value });
    } catch (error) {
      fail(error);
    } finally {
      running--;
      finished++;
      notify();
    }
  };

  const fill = () => {
    while (!failure && !controller.signal.aborted && running < limit && next < jobs.length) {
      running++;
      void runOne(next++);
    }
    // A parent abort before any job started still has to end the pool.
    if (controller.signal.aborted && !failure) fail(controller.signal.reason);
  };

  try {
    fill();
    while (finished < next || steps.length > 0 || (!failure && next < jobs.length)) {
      if (steps.length === 0) {
        await new Promise<void>((resolve) => (wake = resolve));
        if (!failure) fill();
        continue;
      }
      const step = steps.shift()!;
      // After a failure only the remaining settling matters; events of aborted jobs are dropped.
      if (!failure) yield step;
      fill();
    }
    if (failure) throw failure.error;
    return results;
  } finally {
    opts.signal?.removeEventListener('abort', onParentAbort);
    if (finished < next) {
      // The consumer stopped early (it threw, or returned): abort and let running jobs settle.
      controller.abort(new PoolAborted('the pool was closed'));
      while (finished < next) await new Promise<void>((resolve) => (wake = resolve));
    }
  }
}

/**
 * Run `jobs` in the pool inside a core generator: passes their events through as they come, calls
 * `onResult` (which may return an event to yield, e.g. a finished part) as each job finishes, and
 * returns all results in job order.
 */
export async function* poolEvents<E, R>(
  jobs: ReadonlyArray<PoolJob<E, R>>,
  opts: PoolOptions,
  onResult?: (index: number, value: R) => E | undefined,
): AsyncGenerator<E, R[]> {
  const pool = runPool(jobs, opts);
  for (;;) {
    const step = await pool.next();
    if (step.done) return step.value;
    if (step.value.type === 'event') yield step.value.event;
    else {
      const event = onResult?.(step.value.index, step.value.value);
      if (event !== undefined) yield event;
    }
  }
}

/**
 * The promise form: `worker` runs for each item, at most `concurrency` at a time; resolves with the
 * results in item order, or rejects with the first failure after aborting the others.
 * `onResult` sees each result as it arrives (completion order), e.g. to append it to a file.
 */
export async function mapPool<T, R>(
  items: readonly T[],
  worker: (item: T, index: number, signal: AbortSignal) => Promise<R>,
  opts: PoolOptions & { onResult?: (index: number, value: R) => void | Promise<void> },
): Promise<R[]> {
  const jobs = items.map((item) => (signal: AbortSignal, index: number) => worker(item, index, signal));
  const pool = runPool<never, R>(jobs, opts);
  for (;;) {
    const step = await pool.next();
    if (step.done) return step.value;
    if (step.value.type === 'result') await opts.onResult?.(step.value.index, step.value.value);
  }
}

/**
 * Releases items in index order as soon as an item and every one before it has arrived: what a
 * pipe prints when parallel parts finish out of order.
 */
export class InOrder<T> {
  private readonly waiting = new Map<number, T>();
  private nextIndex = 0;
  constructor(private readonly release: (item: T, index: number) => void) {}
  /** Hand in item `index`; releases it and any items after it that were waiting for it. */
  push(index: number, item: T): void {
    this.waiting.set(index, item);
    while (this.waiting.has(this.nextIndex)) {
      const ready = this.waiting.get(this.nextIndex)!;
      this.waiting.delete(this.nextIndex);
      this.release(ready, this.nextIndex++);
    }
  }
  /** How many items have been released so far. */
  get released(): number {
    return this.nextIndex;
  }
}

function isAsyncGenerator<E, R>(value: unknown): value is AsyncGenerator<E, R> {
  return typeof (value as AsyncGenerator<E, R>)?.next === 'function' && typeof (value as AsyncGenerator<E, R>)[Symbol.asyncIterator] === 'function';
}
