// Parts of a result that are final before the whole is: what progressive output shows while the
// rest is still being generated (the outline of a plan, each month, each batch of questions).
// Core yields them as `part` events; parts of parallel calls arrive in completion order, so each
// carries its index (render/in-order output puts them back in order).
import type { Month, Outline } from './roadmap/schema.js';
import type { GeneratedInterviewQuestion } from './interview/schema.js';
import type { QuizQuestion } from './quiz/schema.js';

export type Part =
  | { kind: 'outline'; outline: Outline }
  /** Month `index` (0-based) of `total`. */
  | { kind: 'month'; index: number; total: number; month: Month }
  /** Batch `index` of `batches`, as it stands in the finished quiz (ids, shuffled options), from question `first` (0-based). */
  | { kind: 'quiz-batch'; index: number; batches: number; first: number; questions: QuizQuestion[] }
  | { kind: 'interview-batch'; index: number; batches: number; first: number; questions: GeneratedInterviewQuestion[] };

export interface PartEvent {
  type: 'part';
  part: Part;
}
