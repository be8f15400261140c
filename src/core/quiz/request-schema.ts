// The quiz batch schema sent as `format`: exactly the batch's question count, exactly four
// options, the right option's index as a 0..3 integer, every string bounded (core/llm/bounded.ts).
import * as z from '../zod.js';
import { exactly, int, text } from '../llm/bounded.js';

export const OPTIONS = 4;

export function quizBatchRequestSchema(count: number) {
  return z.object({
    questions: exactly(
      z.object({
        question: text(400),
        options: exactly(text(200), OPTIONS),
        correct_index: int(0, OPTIONS - 1),
        explanation: text(500),
        topic: text(60),
      }),
      count,
    ),
  });
}
