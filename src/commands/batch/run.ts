// `careerforge batch KIND --input people.jsonl --out results.jsonl`: validate every line first,
// skip the ids --out already holds as successes, run the rest through the pool (each line on its
// own forked handle, so Ctrl-C or a fatal error aborts them all), append one envelope per line as
// it finishes, draw progress on stderr, and end with a summary. Exit 0 only when every line is done.
import path from 'node:path';
import { BATCH_KINDS, batchKinds, type BatchKind } from '../../core/batch/kinds.js';
import { idKey, readBatchInput } from '../../core/batch/input.js';
import { lockResults, openResults, resumeResults } from '../../core/batch/results-file.js';
import { runBatch, type BatchCounters, type LineWorker } from '../../core/batch/runner.js';
import { CareerForgeError, UsageError, withData } from '../../core/errors.js';
import { drive } from '../../core/events.js';
import { outcomeMeta } from '../../core/meta.js';
import { startBatchProgress } from '../../render/batch-progress.js';
import { emitLine } from '../emit.js';
import { openContext } from '../generation.js';
import type { Session } from '../session.js';
import type { GlobalFlags } from '../shared.js';
import { plural } from '../../core/plural.js';

export interface BatchFlags extends GlobalFlags {
  input: string;
  out: string;
}

export async function batchCommand(kindArg: string, flags: BatchFlags, session: Session): Promise<void> {
  if (!(BATCH_KINDS as readonly string[]).includes(kindArg)) throw new UsageError(`unknown batch kind "${kindArg}": one of ${BATCH_KINDS.join(', ')}`);
  const kind = batchKinds[kindArg as BatchKind];
  const out = path.resolve(flags.out);
  if (flags.input !== '-' && path.resolve(flags.input) === out) throw new UsageError('--input and --out are the same file: results would overwrite the input');
  const items = await readBatchInput(flags.input, kind.schema, { check: kind.check, stdin: session.stdin });
  // The cache is on for batch unless --no-cache (commander sets cache=false then).
  const ctx = await openContext(session, { ...flags, cache: flags.cache !== false });
  const unlock = lockResults(out);
  try {
    const resume = resumeResults(out, new Set(items.map((i) => idKey(i.id))), session.warn);
    const todo = items.filter((i) => !resume.done.has(idKey(i.id)));
    const counters: BatchCounters = {
      total: items.length, skipped: items.length - todo.length, done: 0, failed: 0, inFlight: 0, tokens: 0, completionTokens: 0, backoffs: 0, startedAt: Date.now(),
    };
    if (counters.skipped > 0) session.warn(`--out ${flags.out}: ${counters.skipped} of ${plural(items.length, 'id')} already done; running the other ${todo.length}${resume.retried.size ? ` (${resume.retried.size} failed before)` : ''}`);
    const base = ctx.llm();
    const worker: LineWorker<unknown> = async (item, signal, on) => {
      // Each line is one command's worth of calls: its own calls run one at a time, the pool gives the parallelism.
      const handle = base.fork ? base.fork(signal) : base;
      handle.settings = { ...handle.settings, concurrency: 1 };
      if (handle.cache) handle.cache = handle.cache.scoped();
      let fromCache = 0;
      let asked = 0;
      const result = await drive(kind.run(handle, item.input), (event) => {
        if (event.type === 'cached') fromCache++;
        if (event.type === 'call-done') asked++;
        on(event);
      });
      return { data: result.data, meta: { model: ctx.settings.model, ...outcomeMeta(result.outcome, ctx.settings.num_ctx), ...result.meta, cached: fromCache > 0 && asked === 0 } };
    };
    const writer = openResults(out);
    const progress = startBatchProgress(session.stderr, counters, { ascii: !session.colorEnabled('stderr') });
    let stopped: CareerForgeError | undefined;
    try {
      stopped = await runBatch({ items: todo, concurrency: ctx.settings.concurrency, signal: session.signal, worker, writer, counters });
    } finally {
      progress.stop();
      writer.close();
    }
    const seconds = (Date.now() - counters.startedAt) / 1000;
    const summary = {
      kind: kindArg, out: flags.out, total: counters.total, skipped: counters.skipped, done: counters.done, failed: counters.failed,
      seconds: Math.round(seconds * 10) / 10, lines_per_sec: seconds > 0 ? Math.round(((counters.done + counters.failed) / seconds) * 100) / 100 : 0,
      completion_tokens: counters.completionTokens, busy_backoffs: counters.backoffs,
    };
    session.meta.model = ctx.settings.model;
    if (stopped) throw withData(new CareerForgeError(stopped.code, `batch stopped: ${stopped.message}; fix that and rerun the same command to finish`, stopped.exitCode), summary);
    if (counters.failed > 0) {
      throw withData(new CareerForgeError('BATCH_INCOMPLETE', `${counters.failed} of ${plural(counters.total, 'line')} failed (see their "error" in ${flags.out}); rerun the same command to retry them`), summary);
    }
    const text = `${counters.done} done, ${counters.skipped} already done, 0 failed in ${summary.seconds}s (${summary.lines_per_sec} lines/s) -> ${flags.out}`;
    emitLine(session, summary, text);
  } finally {
    unlock();
  }
}
