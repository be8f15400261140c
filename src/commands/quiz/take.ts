// The interactive and history parts of `careerforge quiz`: taking a quiz on a terminal (every
// answer saved as given, and made a spaced-repetition card), --retry-mistakes and --history.
import type { RunContext } from '../../core/context.js';
import { CareerForgeError, ExitCode, NotFoundError } from '../../core/errors.js';
import { AttemptRecorder, isCorrect, lastMistakes, quizHistoryOf } from '../../core/quiz/attempts.js';
import { CardRecorder } from '../../core/review/cards.js';
import { gradeAnswer } from '../../core/review/grade.js';
import type { QuizQuestion } from '../../core/quiz/schema.js';
import { emit, emitLine } from '../emit.js';
import type { Session } from '../session.js';

export async function takeQuiz(ctx: RunContext, quiz: { id: string; topic: string }, questions: QuizQuestion[], session: Session, title = quiz.topic): Promise<void> {
  const recorder = new AttemptRecorder(ctx.store, quiz, questions.map((q) => q.id));
  // Every answer is also a review of its card (made on the first answer): wrong or skipped is Again.
  const cards = new CardRecorder(ctx.store, { retention: ctx.settings.retention, source: 'quiz', now: () => new Date(), warn: session.warn });
  let saveError: unknown;
  const { runQuiz } = await import('../../ui/quiz-take.js');
  const result = await runQuiz(session.screen(), questions, title, (answer) => {
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
  return takeQuiz(ctx, { id: quiz.id, topic: quiz.quiz.topic }, found.questions, session, `${quiz.quiz.topic}: retrying ${found.questions.length} missed`);
}

export async function quizHistory(ctx: RunContext, topic: string | undefined, session: Session): Promise<void> {
  const history = quizHistoryOf(await ctx.store.read(), topic);
  await emit(session, history, { text: async () => (await import('../../render/quiz-text.js')).historyDataText });
}
