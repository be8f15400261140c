// Parts of a result that are final before the whole is: what progressive output shows while the
// rest is still being generated (the outline of a plan, each month, each batch of questions).
// Core yields them as `part` events; parts of parallel calls arrive in completion order, so each
// carries its index (render/in-order output puts them back in order).
import type { Month, Outline, Roadmap } from './roadmap/schema.js';
import type { GeneratedInterviewQuestion } from './interview/schema.js';
import type { QuizQuestion } from './quiz/schema.js';

export type Part =
  | { kind: 'outline'; outline: Outline }
  /** The title and overview of a plan made in one call, once they closed in the stream and passed their checks. */
  | { kind: 'head'; head: Pick<Roadmap, 'career_role' | 'overview' | 'timeline'> }
  /**
   * A call whose streamed parts went out failed as a whole and is being generated again: the parts
   * shown may not be those of the result (progressive output stops and prints the whole result).
   */
  | { kind: 'restart'; task: string; reason: string }
  /** Month `index` (0-based) of `total`. */
  | { kind: 'month'; index: number; total: number; month: Month }
  /** Batch `index` of `batches`, as it stands in the finished quiz (ids, shuffled options), from question `first` (0-based). */
  | { kind: 'quiz-batch'; index: number; batches: number; first: number; questions: QuizQuestion[] }
  | { kind: 'interview-batch'; index: number; batches: number; first: number; questions: GeneratedInterviewQuestion[] };

export interface PartEvent {
  type: 'part';
  part: Part;
}
