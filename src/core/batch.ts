// Helpers for generators that ask for a list in several calls (quizzes, interview questions):
// a long list in one answer is where a 7B model loses count, repeats itself or gets truncated,
// so lists are asked for in batches, each told what the earlier ones already covered.
import type { OllamaHandle } from './client.js';
import { UsageError } from './errors.js';
import { estimateTokens } from './roadmap.js';

/** Split `total` items into batches of at most `size`, as even as possible. */
export function batchSizes(total: number, size: number): number[] {
  const batches = Math.ceil(total / size);
  const base = Math.floor(total / batches);
  const extra = total % batches;
  return Array.from({ length: batches }, (_, i) => base + (i < extra ? 1 : 0));
}

/** num_predict for one call: what the answer needs, within the room the prompt leaves and the user's cap. */
export function answerBudget(handle: OllamaHandle, want: number, ...texts: string[]): number {
  const room = handle.settings.num_ctx - estimateTokens(...texts) - 64;
  if (room < 256) {
    throw new UsageError(`num_ctx=${handle.settings.num_ctx} leaves no room for the answer to this prompt: raise --num-ctx (8192 or more)`);
  }
  return Math.min(room, handle.settings.num_predict ?? want);
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
