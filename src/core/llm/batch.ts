// Helpers for generators that ask for a list in several calls (quizzes, interview questions):
// a long list in one answer is where a 7B model loses count, repeats itself or gets truncated,
// so lists are asked for in batches, each told what the earlier ones already covered.

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
