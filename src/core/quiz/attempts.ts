// Quiz attempts in the store: every answer is saved as it is given (per question, with its topic),
// an attempt is created with its first answer (so a quiz left before any answer leaves nothing),
// and scored when finished. Also the score history and the questions missed last time.
import { newId } from '../store/record.js';
import type { LocalStore } from '../store/store.js';
import type { QuizAttempt, QuizQuestion, QuizScore, SavedQuiz } from './schema.js';
import type { StoreData } from '../store/schema.js';
import type { RightRating } from '../review/grade.js';

export interface GivenAnswer {
  question: QuizQuestion;
  /** null when skipped. */
  chosen: number | null;
  /** Milliseconds from the question appearing to the answer (the spaced-repetition grade reads it). */
  ms?: number;
  /** The learner's own rating of a right answer, where the screen asked for one (quiz --review). */
  rating?: RightRating;
}

export function isCorrect(answer: GivenAnswer): boolean {
  return answer.chosen !== null && answer.chosen === answer.question.correct_index;
}

export function scoreOf(answers: readonly { correct: boolean; chosen_index: number | null }[], total: number): QuizScore {
  const correct = answers.filter((a) => a.correct).length;
  const skipped = answers.filter((a) => a.chosen_index === null).length;
  return { correct, total, skipped, percent: total > 0 ? Math.round((correct / total) * 100) : 0 };
}

/** Saves attempts for one sitting; writes are chained so answers land in the order given. */
export class AttemptRecorder {
  private attemptId: string | undefined;
  private chain: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly store: LocalStore,
    private readonly quiz: Pick<SavedQuiz, 'id'> & { topic: string },
    private readonly questionIds: string[],
  ) {}

  get id(): string | undefined {
    return this.attemptId;
  }

  answer(given: GivenAnswer): Promise<void> {
    return this.enqueue((data) => {
      let attempt = this.attemptId ? data.quiz_attempts[this.attemptId] : undefined;
      if (!attempt) {
        const id = newId('a', (candidate) => candidate in data.quiz_attempts);
        attempt = { id, quiz_id: this.quiz.id, topic: this.quiz.topic, started_at: new Date().toISOString(), status: 'in_progress', question_ids: this.questionIds, answers: [] };
        data.quiz_attempts[id] = attempt;
        this.attemptId = id;
      }
      attempt.answers.push({
        question_id: given.question.id,
        topic: given.question.topic,
        chosen_index: given.chosen,
        correct: isCorrect(given),
        answered_at: new Date().toISOString(),
      });
    });
  }

  /** Marks the attempt completed with its score; resolves to the score (undefined if nothing was answered). */
  async finish(): Promise<QuizScore | undefined> {
    let score: QuizScore | undefined;
    await this.enqueue((data) => {
      const attempt = this.attemptId ? data.quiz_attempts[this.attemptId] : undefined;
      if (!attempt) return;
      attempt.status = 'completed';
      attempt.finished_at = new Date().toISOString();
      attempt.score = score = scoreOf(attempt.answers, attempt.question_ids.length);
    });
    return score;
  }

  /** Waits for the writes already queued (after an interrupt: keep what was answered). */
  settled(): Promise<void> {
    return this.chain.then(() => undefined);
  }

  private enqueue(change: (data: StoreData) => void): Promise<void> {
    const next = this.chain.then(() => this.store.update(change));
    this.chain = next.catch(() => undefined);
    return next;
  }
}

function sameTopic(a: string, b: string | undefined): boolean {
  return b === undefined || a.toLowerCase() === b.toLowerCase();
}

function byTime(a: QuizAttempt, b: QuizAttempt): number {
  return (a.finished_at ?? a.started_at).localeCompare(b.finished_at ?? b.started_at);
}

export function quizHistoryOf(data: StoreData, topic?: string) {
  const attempts = Object.values(data.quiz_attempts).filter((a) => sameTopic(a.topic, topic)).sort(byTime);
  const topics: Record<string, { answered: number; correct: number }> = {};
  for (const attempt of attempts) {
    for (const answer of attempt.answers) {
      const t = (topics[answer.topic] ??= { answered: 0, correct: 0 });
      t.answered++;
      if (answer.correct) t.correct++;
    }
  }
  return { attempts, topics };
}

/** The questions missed (wrong or skipped) in the latest attempt, of a topic if given. */
export function lastMistakes(data: StoreData, topic?: string): { attempt: QuizAttempt; quiz: SavedQuiz; questions: QuizQuestion[] } | undefined {
  const attempt = quizHistoryOf(data, topic).attempts.at(-1);
  const quiz = attempt ? data.quizzes[attempt.quiz_id] : undefined;
  if (!attempt || !quiz) return undefined;
  const right = new Set(attempt.answers.filter((a) => a.correct).map((a) => a.question_id));
  const missed = attempt.question_ids.filter((id) => !right.has(id));
  const questions = missed.map((id) => quiz.quiz.questions.find((q) => q.id === id)).filter((q): q is QuizQuestion => q !== undefined);
  return { attempt, quiz, questions };
}
