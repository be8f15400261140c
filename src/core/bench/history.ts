// Every benchmark run is saved in the store; --compare reads the previous run of the same model
// and reports the change per test.
import type { LocalStore } from '../store/store.js';
import type { SavedBench } from './schema.js';
import type { StoreData } from '../store/schema.js';
import { newId } from '../store/record.js';
import type { BenchRun } from './types.js';

/** Enough history to compare against without letting the store grow without bound. */
const KEEP_RUNS = 200;

export interface Change {
  model: string;
  test: string;
  previous_id: string;
  previous_at: string;
  previous_tps: number;
  tps: number;
  delta_tps: number;
  delta_pct: number;
}

export function benchId(data: StoreData): string {
  return newId('b', (candidate) => candidate in data.bench);
}

/** Saves the run and returns the changes against the previous run of each model (computed under the same lock). */
export async function saveRun(store: LocalStore, run: BenchRun): Promise<Change[]> {
  return store.update((data) => {
    const changes = compareWithHistory(run, Object.values(data.bench));
    if (run.id in data.bench || run.id === '') run.id = benchId(data);
    data.bench[run.id] = JSON.parse(JSON.stringify(run)) as SavedBench;
    const ids = Object.values(data.bench).sort((a, b) => a.created_at.localeCompare(b.created_at)).map((r) => r.id);
    for (const old of ids.slice(0, Math.max(0, ids.length - KEEP_RUNS))) delete data.bench[old];
    return changes;
  });
}

/** What comparison reads from a past run: saved runs and fresh ones both fit. */
export interface PastRun {
  id: string;
  created_at: string;
  models: Array<{ model: string; tests: Array<{ test: string; tps: number }> }>;
}

export function compareWithHistory(run: BenchRun, history: readonly PastRun[]): Change[] {
  const ordered = [...history].filter((r) => r.id !== run.id).sort((a, b) => b.created_at.localeCompare(a.created_at));
  const changes: Change[] = [];
  for (const entry of run.models) {
    // The previous run of this model: the newest earlier run that measured it at all.
    const previous = ordered.find((r) => r.models.some((m) => m.model === entry.model && m.tests.length > 0));
    const before = previous?.models.find((m) => m.model === entry.model);
    if (!previous || !before) continue;
    for (const test of entry.tests) {
      const old = before.tests.find((t) => t.test === test.test);
      if (!old) continue;
      changes.push({
        model: entry.model,
        test: test.test,
        previous_id: previous.id,
        previous_at: previous.created_at,
        previous_tps: old.tps,
        tps: test.tps,
        delta_tps: test.tps - old.tps,
        delta_pct: old.tps > 0 ? ((test.tps - old.tps) / old.tps) * 100 : 0,
      });
    }
  }
  return changes;
}
