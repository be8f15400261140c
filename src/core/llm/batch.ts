// Helpers for generators that ask for a list in several calls (quizzes, interview questions):
// a long list in one answer is where a 7B model loses count, repeats itself or gets truncated,
// so lists are asked for in batches, each told what the earlier ones already covered.

import { emptyStats, sumCounts, type CallStats, type GenEvent } from '../events.js';
import type * as z from '../zod.js';
import { dataBlock } from '../sanitize.js';
import { answerBudget } from './budget.js';
import { generateStructured, jsonSchemaOf, type StructuredResult } from './generate.js';
import { assignment, planSubtopics } from './subtopics.js';
import { renderPrompt } from './prompts.js';
import type { LlmHandle } from './provider.js';
import type { Part } from '../parts.js';
import { runPool } from './pool.js';

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

/** What a list generator asks for: `total` questions in batches of at most `size`. */
export interface BatchPlan<B> {
  total: number;
  size: number;
  /** Names a lone call in progress ("quiz"); several are "questions 6-10 of 12". */
  label: string;
  system: string;
  /** "quiz questions": what the sub-topic plan of parallel batches is for. */
  what: string;
  /** The subject as a data block, for the sub-topic plan. */
  subject: string;
  batch: (n: number) => BatchSpec<B>;
  /**
   * Progressive output: the part event for batch `index` (of `batches`, from question `first`),
   * yielded once it is final: it and every batch before it are done and checked against each other.
   */
  part?: (batch: B, at: { index: number; batches: number; first: number }) => Part;
}

/**
 * Ask for `plan.total` questions in batches. One at a time (concurrency 1), each batch is told the
 * questions asked already. In parallel (--concurrency), a short sub-topic plan comes first and each
 * batch gets its own slice of it; then, in order, a batch that still repeats an earlier one is
 * written again, told what the earlier ones asked, so nothing final changes later.
 */
export async function* generateBatches<B extends { questions: ReadonlyArray<{ question: string }> }>(
  handle: LlmHandle,
  plan: BatchPlan<B>,
): AsyncGenerator<GenEvent, BatchesResult<B>> {
  // In parallel, batches small enough that every slot gets one (30 questions on 4 slots: 8, 8, 7, 7).
  const slots = handle.settings.concurrency;
  const size = slots > 1 ? Math.min(plan.size, Math.ceil(plan.total / slots)) : plan.size;
  const sizes = batchSizes(plan.total, size);
  const firsts = sizes.map((_, i) => sizes.slice(0, i).reduce((x, y) => x + y, 0));
  const tally: BatchesResult<B> = { batches: [], attempts: 0, calls: 0, stats: emptyStats(), normalized: 0 };
  const count = (r: StructuredResult<unknown>) => void Object.assign(tally, sumCounts([tally, r]));
  const asked = () => tally.batches.flatMap((b) => b.questions.map((q) => q.question));
  const parallel = handle.settings.concurrency > 1 && sizes.length > 1;
  let subtopics: string[] | undefined;
  if (parallel) {
    const planned = yield* planSubtopics(handle, { system: plan.system, subject: plan.subject, what: plan.what, count: plan.total });
    count(planned);
    subtopics = planned.value;
  }
  const write = (h: LlmHandle, i: number, earlier: readonly string[]) => {
    const n = sizes[i]!;
    const first = firsts[i]!;
    const batch = plan.batch(n);
    const prompt = renderPrompt(batch.prompt, {
      ...batch.values,
      avoid: earlier.length ? dataBlock('asked_already', earlier, 6000) : '(none yet)',
      schema: JSON.stringify(jsonSchemaOf(batch.schema)),
      assignment: assignment(subtopics?.slice(first, first + n)),
    });
    return generateStructured(h, {
      task: sizes.length > 1 ? `questions ${first + 1}-${first + n} of ${plan.total}` : plan.label,
      schema: batch.schema,
      system: plan.system,
      prompt,
      numPredict: answerBudget(h, batch.tokens, [plan.system, prompt]),
      check: (value) => batch.check(value, earlier),
    });
  };
  // A batch is final once pushed: nothing after it can change it, so progressive output shows it then.
  const accept = (i: number, batch: B): GenEvent | undefined => {
    tally.batches.push(batch);
    const part = plan.part?.(batch, { index: i, batches: sizes.length, first: firsts[i]! });
    return part ? { type: 'part', part } : undefined;
  };
  if (!parallel) {
    for (let i = 0; i < sizes.length; i++) {
      const result = yield* write(handle, i, asked());
      count(result);
      const event = accept(i, result.value);
      if (event) yield event;
    }
    return tally;
  }
  // In parallel, batches finish in any order. In order, each one that repeats none of the batches
  // before it is final at once; the first that does is rewritten after the pool (told what the
  // earlier ones asked), and it and every batch after it wait for that.
  const jobs = sizes.map((_, i) => (signal: AbortSignal) => write(handle.fork?.(signal) ?? handle, i, []));
  const done = new Map<number, B>();
  let blocked = false;
  const release = function* (): Generator<GenEvent> {
    while (!blocked && done.has(tally.batches.length)) {
      const i = tally.batches.length;
      const batch = done.get(i)!;
      if (repeats(batch, asked())) {
        blocked = true;
        return;
      }
      const event = accept(i, batch);
      if (event) yield event;
    }
  };
  const pool = runPool(jobs, { concurrency: handle.settings.concurrency, signal: handle.signal });
  for (;;) {
    const step = await pool.next();
    if (step.done) break;
    if (step.value.type === 'event') yield step.value.event;
    else {
      count(step.value.value);
      done.set(step.value.index, step.value.value.value);
      yield* release();
    }
  }
  for (let i = tally.batches.length; i < sizes.length; i++) {
    let batch = done.get(i)!;
    const earlier = asked();
    if (repeats(batch, earlier)) {
      const again = yield* write(handle, i, earlier);
      count(again);
      batch = again.value;
    }
    const event = accept(i, batch);
    if (event) yield event;
  }
  return tally;
}

function repeats(batch: { questions: ReadonlyArray<{ question: string }> }, earlier: readonly string[]): boolean {
  return duplicateProblems(batch.questions.map((q) => q.question), earlier, (k) => `questions[${k}]`).length > 0;
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
    if (seen.has(key)) problems.push(`${at(i)} repeats an earlier question ("${q.slice(0, 80)}")`); // the repair prompt asks for a fix; this line is also shown to the user
    seen.add(key);
  });
  return problems;
}
