// Cases folded into one row per model and generator: the numbers a user compares models by.
import { round1 } from '../events.js';
import type { EvalCase, EvalSummary } from './types.js';

export function summarize(cases: readonly EvalCase[]): EvalSummary[] {
  const groups = new Map<string, EvalCase[]>();
  for (const c of cases) {
    const key = `${c.model}\u0000${c.generator}`;
    groups.set(key, [...(groups.get(key) ?? []), c]);
  }
  return [...groups.values()].map((list) => {
    const failures: Record<string, number> = {};
    for (const c of list) if (c.result === 'failed') failures[c.code ?? 'INTERNAL'] = (failures[c.code ?? 'INTERNAL'] ?? 0) + 1;
    const sum = (pick: (c: EvalCase) => number) => list.reduce((n, c) => n + pick(c), 0);
    const evalNs = sum((c) => c.eval_ns);
    const completion = sum((c) => c.completion_tokens);
    return {
      model: list[0]!.model,
      generator: list[0]!.generator,
      cases: list.length,
      first_try: list.filter((c) => c.result === 'first_try').length,
      repaired: list.filter((c) => c.result === 'repaired').length,
      failed: list.filter((c) => c.result === 'failed').length,
      failures,
      mean_attempts: Math.round((sum((c) => c.attempts) / list.length) * 100) / 100,
      normalized: sum((c) => c.normalized),
      mean_latency_ms: Math.round(sum((c) => c.latency_ms) / list.length),
      completion_tokens: completion,
      tokens_per_sec: evalNs > 0 ? round1(completion / (evalNs / 1e9)) : 0,
    };
  });
}
