// The interactive and history parts of `careerforge quiz`: taking a quiz on a terminal (every
// answer saved as given, and made a spaced-repetition card), --retry-mistakes and --history.
import type { RunContext } from '../../core/context.js';
import { CareerForgeError, ExitCode, NotFoundError } from '../../core/errors.js';
import { AttemptRecorder, isCorrect, lastMistakes, quizHistoryOf, type GivenAnswer } from '../../core/quiz/attempts.js';
import { quizSeed } from '../../core/quiz/generate.js';
import { reshuffleForRetry } from '../../core/quiz/shuffle.js';
import { seededRandom } from '../../core/random.js';
import { CardRecorder } from '../../core/review/cards.js';
import { gradeAnswer } from '../../core/review/grade.js';
import type { QuizQuestion } from '../../core/quiz/schema.js';
import { emit, emitLine } from '../emit.js';
import type { Session } from '../session.js';

/**
 * `toSaved` turns an answer given on screen into one about the saved question (a retry asks the
 * options in another order); the attempt and the card keep the saved question's indices.
 */
export async function takeQuiz(
  ctx: RunContext,
  quiz: { id: string; topic: string },
  questions: QuizQuestion[],
  session: Session,
  title = quiz.topic,
  toSaved: (answer: GivenAnswer) => GivenAnswer = (answer) => answer,
): Promise<void> {
  const recorder = new AttemptRecorder(ctx.store, quiz, questions.map((q) => q.id));
  // Every answer is also a review of its card (made on the first answer): wrong or skipped is Again.
  const cards = new CardRecorder(ctx.store, { retention: ctx.settings.retention, source: 'quiz', now: () => new Date(), warn: session.warn });
  let saveError: unknown;
  const { runQuiz } = await import('../../ui/quiz-take.js');
  const result = await runQuiz(session.screen(), questions, title, (given) => {
    const answer = toSaved(given);
    recorder.answer(answer).catch((error: unknown) => (saveError ??= error));
    const correct = isCorrect(answer);
    cards.record({ quiz, question: answer.question, grade: gradeAnswer({ correct, ms: answer.ms }), correct, ms: answer.ms }).catch((error: unknown) => (saveError ??= error));
  });
  await Promise.all([recorder.settled(), cards.settled()]);
  if (saveError) throw saveError;
  if (result.status === 'interrupted') {
    const kept = result.answers.length;
    throw new CareerForgeError('INTERRUPTED', `Interrupted: ${kept} answer${kept === 1 ? '' : 's'} saved${recorder.id ? ` (attempt ${recorder.id})` : ''}, nothing else.`, ExitCode.interrupted);
  }
  const score = await recorder.finish();
  if (recorder.id) session.meta.attempt_id = recorder.id;
  if (score) session.stderr.write(`Saved attempt ${recorder.id}: ${score.correct}/${score.total}.\n`);
}

export async function retryMistakes(ctx: RunContext, topic: string | undefined, session: Session): Promise<void> {
  const found = lastMistakes(await ctx.store.read(), topic);
  if (!found) throw new NotFoundError(`no quiz attempt${topic ? ` on "${topic}"` : ''} yet: take one first, e.g. careerforge quiz --topic SQL`);
  if (found.questions.length === 0) {
    return emitLine(session, undefined, `Nothing to retry: you got every question right in attempt ${found.attempt.id} (${found.attempt.topic}).`);
  }
  const { quiz } = found;
  // New question order and every right answer in another place than last time (seeded: --seed
  // reproduces it); answers are saved against the quiz as stored.
  const seed = quizSeed(ctx.settings.seed);
  session.meta.shuffle_seed = seed;
  const retried = reshuffleForRetry(found.questions, seededRandom(seed));
  const saved = new Map(found.questions.map((q) => [q.id, q]));
  const from = new Map(retried.map((r) => [r.question.id, r.from]));
  const toSaved = (answer: GivenAnswer): GivenAnswer => ({
    ...answer,
    question: saved.get(answer.question.id) ?? answer.question,
    chosen: answer.chosen === null ? null : (from.get(answer.question.id)?.[answer.chosen] ?? answer.chosen),
  });
  const title = `${quiz.quiz.topic}: retrying ${found.questions.length} missed`;
  return takeQuiz(ctx, { id: quiz.id, topic: quiz.quiz.topic }, retried.map((r) => r.question), session, title, toSaved);
}

export async function quizHistory(ctx: RunContext, topic: string | undefined, session: Session): Promise<void> {
  const history = quizHistoryOf(await ctx.store.read(), topic);
  await emit(session, history, { text: async () => (await import('../../render/quiz-text.js')).historyDataText });
}
