// `careerforge eval`: validate flags -> one handle per model (the context the generators' commands
// use) -> run the cases (core/eval) with a line per case on stderr -> save -> table, md, csv or JSON.
import { saveEvalRun } from '../../core/eval/history.js';
import { GENERATORS, loadProfiles, quickProfile, type GeneratorName } from '../../core/eval/profiles.js';
import { newEvalRun, runEval } from '../../core/eval/runner.js';
import type { EvalCase, EvalEvent, EvalPlan, EvalRun } from '../../core/eval/types.js';
import { ratingKey, ratingsByModel } from '../../core/ratings/ratings.js';
import type { RecordKind } from '../../core/records/records.js';
import type { StoreData } from '../../core/store/schema.js';
import { drive } from '../../core/events.js';
import { isCareerForgeError, NotFoundError, UsageError, withData } from '../../core/errors.js';
import { settingSchemas } from '../../core/config/schema.js';
import type { EvalResult } from '../../render/eval-text.js';
import { emit, type View } from '../emit.js';
import { openContext } from '../generation.js';
import type { Session } from '../session.js';
import { listFlag, type GlobalFlags } from '../shared.js';
import { displayHost } from '../../core/llm/host.js';
import { plural } from '../../core/plural.js';

export interface EvalFlags extends GlobalFlags {
  generators?: string;
  profiles?: string;
  quick?: boolean;
  format?: string;
  compare?: string | boolean;
}

const FORMATS = ['text', 'md', 'csv'] as const;
const GENERATOR_KINDS: Record<GeneratorName, RecordKind> = { roadmap: 'roadmaps', skills: 'skills', interview: 'interviews', quiz: 'quizzes' };

export function parseEvalPlan(flags: EvalFlags, defaultModel: string, available: number): EvalPlan {
  const models = flags.model === undefined ? [defaultModel] : (listFlag(flags.model) ?? []);
  if (models.length === 0) throw new UsageError('--model: expected a comma-separated list of model names');
  for (const model of models) {
    if (!settingSchemas.model.safeParse(model).success) throw new UsageError(`--model: "${model}" is not a model name like mistral:7b`);
  }
  const generators = listFlag(flags.generators) ?? [...GENERATORS];
  const unknown = generators.find((g) => !(GENERATORS as readonly string[]).includes(g));
  if (unknown !== undefined || generators.length === 0) throw new UsageError(`--generators: expected some of ${GENERATORS.join(', ')}, got "${unknown ?? flags.generators}"`);
  let profiles = flags.quick ? Math.min(3, available) : available;
  if (flags.profiles !== undefined) {
    if (!/^\d+$/.test(flags.profiles.trim()) || Number(flags.profiles) < 1 || Number(flags.profiles) > available) {
      throw new UsageError(`--profiles: expected a whole number from 1 to ${available}, got "${flags.profiles}"`);
    }
    profiles = Number(flags.profiles);
  }
  if (flags.format !== undefined && !(FORMATS as readonly string[]).includes(flags.format)) throw new UsageError(`--format: expected text, md or csv, got "${flags.format}"`);
  if (flags.json && flags.format !== undefined && flags.format !== 'text') throw new UsageError('choose one of --json and --format');
  return { models: [...new Set(models)], generators: [...new Set(generators)] as GeneratorName[], profiles, quick: flags.quick === true };
}

export async function evalCommand(flags: EvalFlags, session: Session): Promise<void> {
  // The first model's context validates every other setting before any request (exit 2 on a bad flag).
  const first = await openContext(session, { ...flags, model: listFlag(flags.model)?.[0] });
  const shipped = loadProfiles();
  const plan = parseEvalPlan(flags, first.settings.model, shipped.length);
  const profiles = shipped.slice(0, plan.profiles).map((p) => (plan.quick ? quickProfile(p) : p));
  const handleFor = async (model: string) => (model === first.settings.model ? first : await openContext(session, { ...flags, model })).ollama();
  // A named run to compare with must exist before an hour of generation, not after.
  if (typeof flags.compare === 'string' && !(flags.compare in (await first.store.read()).evals)) {
    throw new NotFoundError(`--compare: no saved eval run "${flags.compare}" (ids are printed after each run)`);
  }
  const run = newEvalRun(plan, displayHost(first.settings.host), profiles);
  const progress = await progressLine(session);
  try {
    await drive(runEval(plan, profiles, handleFor, run), (event) => progress.on(event));
  } catch (error) {
    progress.stop();
    // Ctrl-C promises "nothing was saved"; a run cut short by the server is shown (or carried), not saved.
    if (!isCareerForgeError(error) || error.code === 'INTERRUPTED' || run.cases.length === 0) throw error;
    session.meta.model = plan.models.join(',');
    if (!session.json) await emit(session, { run }, evalView(flags));
    throw withData(error, { run });
  }
  progress.stop();
  const changes = await saveEvalRun(first.store, run, flags.compare === undefined || flags.compare === false ? undefined : flags.compare);
  const tokens = run.cases.reduce((n, c) => n + c.prompt_tokens + c.completion_tokens, 0);
  Object.assign(session.meta, { model: plan.models.join(','), id: run.id, tokens_used: tokens, attempts: run.cases.reduce((n, c) => n + c.attempts, 0) });
  const result: EvalResult = { run: await withRatings(first.store, run), ...(flags.compare !== undefined ? { changes } : {}) };
  await emit(session, result, evalView(flags));
}

/** The run as shown: each row with the user's ratings of that model's saved generations of that kind. */
async function withRatings(store: { read(): Promise<StoreData> }, run: EvalRun): Promise<EvalRun> {
  const rated = ratingsByModel(await store.read());
  const summary = run.summary.map((s) => ({ ...s, user_rating: rated.get(ratingKey(s.model, GENERATOR_KINDS[s.generator])) ?? null }));
  return { ...run, summary };
}

function evalView(flags: EvalFlags): View<EvalResult> {
  return {
    text: async () => {
      const text = await import('../../render/eval-text.js');
      if (flags.format === 'csv') return text.evalCsv;
      if (flags.format === 'md') return text.evalMarkdown;
      return (result, _meta, c) => text.evalText(result, c);
    },
  };
}

function caseLine(c: EvalCase, done: number, total: number): string {
  const what = c.result === 'failed' ? `failed ${c.code}` : c.result === 'first_try' ? 'valid first try' : 'valid after repair';
  const fixes = c.normalized > 0 ? `, ${c.normalized} normalized` : '';
  return `eval [${done}/${total}] ${c.model} ${c.generator} ${c.profile}: ${what} (${plural(c.attempts, 'request')}${fixes}, ${(c.latency_ms / 1000).toFixed(1)} s)`;
}

/** On a terminal the spinner names the running case; otherwise one line per finished case on stderr. */
async function progressLine(session: Session) {
  const { startSpinner } = await import('../../render/spinner.js');
  const spinner = session.spinner() ? await startSpinner('eval: starting', session.spinnerIO()) : undefined;
  const write = (line: string) => (spinner?.clear(), void session.stderr.write(`${line}\n`));
  return {
    on(event: EvalEvent) {
      if (event.type === 'warning') return write(`warning: ${event.message}`);
      if (event.type === 'case-start') {
        if (spinner) spinner.text = `eval [${event.done + 1}/${event.total}] ${event.model} ${event.generator} ${event.profile}`;
        return;
      }
      write(caseLine(event.case, event.done, event.total));
    },
    stop: () => spinner?.stop(),
  };
}
