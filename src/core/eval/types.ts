// The shapes an eval run produces: what is printed, saved in the store and compared.
import type { GeneratorName } from './profiles.js';

export interface EvalPlan {
  models: string[];
  generators: GeneratorName[];
  /** How many of the shipped profiles, in file order. */
  profiles: number;
  quick: boolean;
}

/** One profile through one generator on one model. */
export interface EvalCase {
  model: string;
  generator: GeneratorName;
  profile: string;
  /** Valid with every request answered right the first time, valid after a repair turn, or failed. */
  result: 'first_try' | 'repaired' | 'failed';
  /** The CareerForgeError code of a failed case. */
  code?: string;
  message?: string;
  /** Requests sent, failed attempts and part regenerations included. */
  attempts: number;
  /** Mechanical fixes applied without asking the model again (meta.normalized). */
  normalized: number;
  latency_ms: number;
  prompt_tokens: number;
  completion_tokens: number;
  /** Server-side generation time, for tokens/s. */
  eval_ns: number;
}

/** Per model and generator. */
export interface EvalSummary {
  model: string;
  generator: GeneratorName;
  cases: number;
  first_try: number;
  repaired: number;
  failed: number;
  /** Failed cases by error code. */
  failures: Record<string, number>;
  mean_attempts: number;
  normalized: number;
  mean_latency_ms: number;
  completion_tokens: number;
  tokens_per_sec: number;
  /** The user's own ratings (`careerforge rate`) of saved generations by this model and generator,
   * read when the report is shown (never saved with the run: ratings change); null when none. */
  user_rating?: { mean: number; count: number } | null;
}

export interface EvalRun {
  id: string;
  created_at: string;
  host: string;
  plan: EvalPlan;
  profiles: string[];
  cases: EvalCase[];
  summary: EvalSummary[];
}

export type EvalEvent =
  | { type: 'case-start'; model: string; generator: GeneratorName; profile: string; done: number; total: number }
  | { type: 'case-done'; case: EvalCase; done: number; total: number }
  | { type: 'warning'; message: string };
