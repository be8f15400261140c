// Helpers for generators that ask for a list in several calls (quizzes, interview questions):
// a long list in one answer is where a 7B model loses count, repeats itself or gets truncated,
// so lists are asked for in batches, each told what the earlier ones already covered.

import { addStats, emptyStats, type CallStats, type GenEvent } from '../events.js';
import type * as z from '../zod.js';
import { dataBlock } from '../sanitize.js';
import { answerBudget } from './budget.js';
import { generateStructured, jsonSchemaOf } from './generate.js';
import { renderPrompt } from './prompts.js';
import type { LlmHandle } from './provider.js';

/** One batch of `n` items: its schema, its prompt template and values, its answer size and checks. */
export interface BatchSpec<B> {
  schema: z.ZodMiniType<B>;
  /** A template with {{avoid}} (the questions asked already) and {{schema}} placeholders, filled here. */
  prompt: string;
  values: Record<string, string | number>;
  /** Tokens the answer may need (before the budget's headroom and the context's limit). */
  tokens: number;
  check: (batch: B, earlier: readonly string[]) => string[];
}

export interface BatchesResult<B> {
  batches: B[];
  attempts: number;
  calls: number;
  stats: CallStats;
  normalized: number;
}

/**
 * Ask for `total` questions in batches of at most `size`, each told which questions exist already.
 * `label` names a lone call in progress ("quiz"); several are "questions 6-10 of 12".
 */
export async function* generateBatches<B extends { questions: ReadonlyArray<{ question: string }> }>(
  handle: LlmHandle,
  spec: { total: number; size: number; label: string; system: string; batch: (n: number) => BatchSpec<B> },
): AsyncGenerator<GenEvent, BatchesResult<B>> {
  const sizes = batchSizes(spec.total, spec.size);
  const batches: B[] = [];
  const earlier: string[] = [];
  let stats = emptyStats();
  let attempts = 0;
  let calls = 0;
  let normalized = 0;
  for (const n of sizes) {
    const task = sizes.length > 1 ? `questions ${earlier.length + 1}-${earlier.length + n} of ${spec.total}` : spec.label;
    const asked = [...earlier];
    const batch = spec.batch(n);
    const prompt = renderPrompt(batch.prompt, {
      ...batch.values,
      avoid: asked.length ? dataBlock('asked_already', asked, 6000) : '(none yet)',
      schema: JSON.stringify(jsonSchemaOf(batch.schema)),
    });
    const result = yield* generateStructured(handle, {
      task,
      schema: batch.schema,
      system: spec.system,
      prompt,
      numPredict: answerBudget(handle, batch.tokens, [spec.system, prompt]),
      check: (value) => batch.check(value, asked),
    });
    batches.push(result.value);
    earlier.push(...result.value.questions.map((q) => q.question));
    stats = addStats(stats, result.stats);
    attempts += result.attempts;
    calls += result.calls;
    normalized += result.normalized;
  }
  return { batches, attempts, calls, stats, normalized };
}

/** Split `total` items into batches of at most `size`, as even as possible. */
export function batchSizes(total: number, size: number): number[] {
  const batches = Math.ceil(total / size);
  const base = Math.floor(total / batches);
  const extra = total % batches;
  return Array.from({ length: batches }, (_, i) => base + (i < extra ? 1 : 0));
}


/** Comparable form of a question: case, punctuation and spacing do not make it new. */
export function normalizeText(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

/** Problems for questions that repeat each other or one asked in an earlier batch. */
export function duplicateProblems(questions: readonly string[], earlier: readonly string[], at: (i: number) => string): string[] {
  const seen = new Set(earlier.map(normalizeText));
  const problems: string[] = [];
  questions.forEach((q, i) => {
    const key = normalizeText(q);
    if (seen.has(key)) problems.push(`${at(i)} repeats an earlier question ("${q.slice(0, 80)}"); write a different one`);
    seen.add(key);
  });
  return problems;
}
