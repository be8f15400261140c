// `careerforge bench`: validate flags -> run the benchmark (core) -> save to history -> render as
// a table, JSON, CSV or Markdown. A failure midway still shows and saves what finished.
import { saveRun, type Change } from '../../core/bench/history.js';
import { newRun, runBench, runContextSize } from '../../core/bench/runner.js';
import type { BenchPlan, BenchRun } from '../../core/bench/types.js';
import { createRunContext } from '../../core/context.js';
import { isCareerForgeError, UsageError } from '../../core/errors.js';
import { drive } from '../../core/events.js';
import { settingSchemas } from '../../core/config/schema.js';
import { successEnvelope, writeJson } from '../../render/json.js';
import { elapsed, listFlag, rawSettings, type GlobalFlags, type Session } from '../shared.js';

export interface BenchFlags extends GlobalFlags {
  models?: string;
  nPrompt?: string;
  nGen?: string;
  pg?: boolean;
  repetitions?: string;
  parallel?: string;
  bandwidth?: string;
  load?: boolean;
  csv?: boolean;
  md?: boolean;
  compare?: boolean;
}

function intList(flag: string, value: string | undefined, fallback: number[], min: number, max: number): number[] {
  const items = listFlag(value);
  if (items === undefined) return fallback;
  if (items.length === 0) throw new UsageError(`${flag}: expected a comma-separated list of numbers, got "${value}"`);
  return [...new Set(items.map((item) => {
    if (!/^\d+$/.test(item) || Number(item) < min || Number(item) > max) throw new UsageError(`${flag}: expected whole numbers from ${min} to ${max}, got "${item}"`);
    return Number(item);
  }))];
}

export function parseBenchPlan(flags: BenchFlags, defaultModel: string): BenchPlan {
  const models = listFlag(flags.models) ?? [defaultModel];
  if (models.length === 0) throw new UsageError('--models: expected a comma-separated list of model names');
  for (const model of models) {
    if (!settingSchemas.model.safeParse(model).success) throw new UsageError(`--models: "${model}" is not an Ollama model name like mistral:7b`);
  }
  const plan: BenchPlan = {
    models: [...new Set(models)],
    nPrompt: intList('--n-prompt', flags.nPrompt, [512], 0, 32768),
    nGen: intList('--n-gen', flags.nGen, [128], 0, 8192),
    pg: flags.pg === true,
    repetitions: intList('--repetitions', flags.repetitions, [5], 1, 100)[0] ?? 5,
    parallel: intList('--parallel', flags.parallel, [1], 1, 64),
    load: flags.load !== false,
  };
  if ((listFlag(flags.repetitions)?.length ?? 1) > 1) throw new UsageError('--repetitions: expected one number');
  if (flags.bandwidth !== undefined) {
    const gbs = Number(flags.bandwidth);
    if (!/^\d+(\.\d+)?$/.test(flags.bandwidth.trim()) || gbs <= 0 || gbs > 100_000) throw new UsageError(`--bandwidth: expected GB/s as a positive number, got "${flags.bandwidth}"`);
    plan.bandwidthGbs = gbs;
  }
  if (plan.nPrompt.every((p) => p === 0) && plan.nGen.every((n) => n === 0)) throw new UsageError('--n-prompt and --n-gen are all 0: nothing to measure');
  if ([flags.json, flags.csv, flags.md].filter(Boolean).length > 1) throw new UsageError('choose one of --json, --csv and --md');
  return plan;
}

export async function benchCommand(flags: BenchFlags, session: Session): Promise<void> {
  const ctx = await createRunContext(rawSettings(flags), session.env, session.signal, session.warn);
  const plan = parseBenchPlan(flags, ctx.settings.model);
  session.meta.model = plan.models.join(',');
  const handle = ctx.ollama();
  const run = newRun('', handle, runContextSize(plan, ctx.settings.num_ctx), plan.repetitions);
  const progress = await progressLine(session);
  let failure: unknown;
  try {
    await drive(runBench(handle, plan, run, session.env), (event) => {
      if (event.type === 'warning') return progress.warn(event.message);
      if (event.type === 'progress') progress.set(`${event.model} · ${event.label} (${event.done}/${event.total})`);
    });
  } catch (error) {
    failure = error;
    run.error = isCareerForgeError(error) ? { code: error.code, message: error.message } : { code: 'INTERNAL', message: String(error) };
  } finally {
    progress.stop();
  }
  const finished = run.models.some((m) => m.tests.length > 0);
  // Nothing measured (bad model, server down): nothing to save or show, just the error.
  if (failure !== undefined && !finished) throw failure;
  // Ctrl-C promises "nothing was saved": show what finished, keep the history as it was.
  const interrupted = isCareerForgeError(failure) && failure.code === 'INTERRUPTED';
  const changes: Change[] = interrupted ? [] : await saveRun(ctx.store, run);
  const tokens = run.models.flatMap((m) => m.tests).reduce((n, t) => n + (t.prompt_tokens + t.gen_tokens) * t.repetitions * t.parallel, 0);
  Object.assign(session.meta, { latency_ms: elapsed(session), tokens_used: Math.round(tokens), id: run.id, num_ctx: run.num_ctx });
  const shown = flags.compare ? changes : undefined;
  if (failure !== undefined) {
    session.failureData = { run, ...(shown ? { changes: shown } : {}) };
    if (!session.json) await render(run, flags, session, shown);
    throw failure;
  }
  if (session.json) return writeJson(successEnvelope({ run, ...(shown ? { changes: shown } : {}) }, session.meta));
  await render(run, flags, session, shown);
}

async function render(run: BenchRun, flags: BenchFlags, session: Session, changes: Change[] | undefined): Promise<void> {
  const text = await import('../../render/bench-text.js');
  if (flags.csv) return void process.stdout.write(text.benchCsv(run));
  if (flags.md) return void process.stdout.write(text.benchMarkdown(run, changes));
  const { colorFor } = await import('../../render/color.js');
  process.stdout.write(text.benchText(run, colorFor(process.stdout, session.env), changes));
}

/** Live progress on a terminal (an ora spinner on stderr); warnings always reach stderr. */
async function progressLine(session: Session) {
  const live = !session.json && process.stderr.isTTY === true && !session.env.CI;
  const { startSpinner } = await import('../../render/spinner.js');
  const spinner = live
    ? await startSpinner('bench: starting', { stderr: process.stderr, stdin: process.stdin, env: session.env, raise: (signal) => process.kill(process.pid, signal) })
    : undefined;
  return {
    set: (text: string) => void (spinner && (spinner.text = `bench: ${text}`)),
    warn: (message: string) => (spinner?.clear(), session.warn(message)),
    stop: () => spinner?.stop(),
  };
}
