// The `meta` of every JSON envelope, typed: what a command learns as it runs (model, host, the
// saved id) and what a generation outcome says (attempts, calls, strategy, tokens). The text
// views' footer line reads the same object.
import { tokensPerSecond, type CallStats } from './events.js';

export interface Meta {
  model?: string;
  host?: string;
  latency_ms?: number;
  tokens_used?: number;
  prompt_tokens?: number;
  completion_tokens?: number;
  tokens_per_sec?: number;
  attempts?: number;
  calls?: number;
  /** Mechanical fixes applied to the model's answers without asking it again (renumbering, trimming, enum case, duplicates). */
  normalized?: number;
  /** How a roadmap was generated: in one call, or an outline followed by one call per month. */
  strategy?: 'single' | 'outline+months';
  num_ctx?: number;
  /** The id of the saved record (roadmap, skills report, quiz, interview, bench run). */
  id?: string;
  /** The roadmap saved beside a skills report by `skills --to-roadmap`. */
  roadmap_id?: string;
  shuffle_seed?: string;
  attempt_id?: string;
  videos?: { status: 'ok' | 'partial' | 'missing'; reason?: string };
}

/** What every generator returns besides its value: how many calls and attempts, and the server's counters. */
export interface GenerationOutcome {
  attempts: number;
  calls: number;
  stats: CallStats;
  normalized?: number;
  strategy?: Meta['strategy'];
}

/** The token part of `meta`, from the server's counters summed over every call and attempt. */
export function statsMeta(stats: CallStats): Pick<Meta, 'tokens_used' | 'prompt_tokens' | 'completion_tokens' | 'tokens_per_sec'> {
  return {
    tokens_used: stats.prompt_tokens + stats.completion_tokens,
    prompt_tokens: stats.prompt_tokens,
    completion_tokens: stats.completion_tokens,
    tokens_per_sec: tokensPerSecond(stats),
  };
}

/** The part of `meta` a generation outcome decides. */
export function outcomeMeta(outcome: GenerationOutcome, numCtx: number): Meta {
  return {
    ...statsMeta(outcome.stats),
    attempts: outcome.attempts,
    calls: outcome.calls,
    normalized: outcome.normalized ?? 0,
    ...(outcome.strategy ? { strategy: outcome.strategy } : {}),
    num_ctx: numCtx,
  };
}
