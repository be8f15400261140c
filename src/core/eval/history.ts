// Every finished eval run is saved in the store; --compare reads an earlier one (the newest that
// ran the same model, or the id given) and reports the change per model and generator.
import * as z from '../zod.js';
import { NotFoundError } from '../errors.js';
import { newId } from '../store/record.js';
import type { LocalStore } from '../store/store.js';
import type { StoreData } from '../store/schema.js';
import type { EvalRun, EvalSummary } from './types.js';

/** Enough history to compare against without letting the store grow without bound. */
const KEEP_RUNS = 100;

// Only what --compare reads is checked; the rest passes through, so a newer CLI's fields never invalidate a store.
export const savedEvalSchema = z.looseObject({
  id: z.string(),
  created_at: z.string(),
  summary: z.array(z.looseObject({ model: z.string(), generator: z.string(), cases: z.number(), first_try: z.number(), failed: z.number(), mean_attempts: z.number(), mean_latency_ms: z.number(), tokens_per_sec: z.number() })),
});
export type SavedEval = z.infer<typeof savedEvalSchema>;

export interface EvalChange {
  model: string;
  generator: string;
  previous_id: string;
  previous_at: string;
  /** Share of cases valid on the first try, in percentage points. */
  first_try_pct: number;
  delta_first_try_pct: number;
  delta_failed: number;
  delta_mean_attempts: number;
  delta_latency_ms: number;
  delta_tokens_per_sec: number;
}

/** Saves the run (its id assigned here) and returns its changes against `against` (computed under the same lock). */
export async function saveEvalRun(store: LocalStore, run: EvalRun, against?: string | true): Promise<EvalChange[]> {
  return store.update((data: StoreData) => {
    const changes = against === undefined ? [] : compareRuns(run, Object.values(data.evals), against);
    run.id = newId('e', (candidate) => candidate in data.evals);
    data.evals[run.id] = JSON.parse(JSON.stringify(run)) as SavedEval;
    const ids = Object.values(data.evals).sort((a, b) => a.created_at.localeCompare(b.created_at)).map((r) => r.id);
    for (const old of ids.slice(0, Math.max(0, ids.length - KEEP_RUNS))) delete data.evals[old];
    return changes;
  });
}

const pct = (s: Pick<EvalSummary, 'first_try' | 'cases'>) => (s.cases > 0 ? Math.round((s.first_try / s.cases) * 1000) / 10 : 0);
const r2 = (n: number) => Math.round(n * 100) / 100;

/** `against`: a saved run's id, or true for the newest earlier run of each model. */
export function compareRuns(run: Pick<EvalRun, 'summary'>, history: readonly SavedEval[], against: string | true): EvalChange[] {
  const ordered = [...history].sort((a, b) => b.created_at.localeCompare(a.created_at));
  const named = against === true ? undefined : ordered.find((r) => r.id === against);
  if (against !== true && !named) throw new NotFoundError(`--compare: no saved eval run "${against}" (ids are printed after each run)`);
  const changes: EvalChange[] = [];
  for (const row of run.summary) {
    const previous = named ?? ordered.find((r) => r.summary.some((s) => s.model === row.model));
    const old = previous?.summary.find((s) => s.model === row.model && s.generator === row.generator);
    if (!previous || !old) continue;
    changes.push({
      model: row.model,
      generator: row.generator,
      previous_id: previous.id,
      previous_at: previous.created_at,
      first_try_pct: pct(row),
      delta_first_try_pct: r2(pct(row) - pct(old)),
      delta_failed: row.failed - old.failed,
      delta_mean_attempts: r2(row.mean_attempts - old.mean_attempts),
      delta_latency_ms: row.mean_latency_ms - old.mean_latency_ms,
      delta_tokens_per_sec: r2(row.tokens_per_sec - old.tokens_per_sec),
    });
  }
  return changes;
}
