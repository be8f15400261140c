// The interactive and history parts of `careerforge quiz`: taking a quiz on a terminal (every
// answer saved as given), --retry-mistakes and --history.
import type { RunContext } from '../../core/context.js';
import { CareerForgeError, ExitCode } from '../../core/errors.js';
import { AttemptRecorder, lastMistakes, quizHistoryOf } from '../../core/quiz/attempts.js';
import type { QuizQuestion } from '../../core/quiz/schema.js';
import { successEnvelope, writeJson } from '../../render/json.js';
import { outputMode, type Session } from '../shared.js';

export async function takeQuiz(ctx: RunContext, quiz: { id: string; topic: string }, questions: QuizQuestion[], session: Session, title = quiz.topic): Promise<void> {
  const recorder = new AttemptRecorder(ctx.store, quiz, questions.map((q) => q.id));
  let saveError: unknown;
  const { runQuiz } = await import('../../ui/quiz-take.js');
  const result = await runQuiz(questions, title, (answer) => {
    recorder.answer(answer).catch((error: unknown) => (saveError ??= error));
  });
  await recorder.settled();
  if (saveError) throw saveError;
  if (result.status === 'interrupted') {
    const kept = result.answers.length;
    throw new CareerForgeError('INTERRUPTED', `Interrupted: ${kept} answer${kept === 1 ? '' : 's'} saved${recorder.id ? ` (attempt ${recorder.id})` : ''}, nothing else.`, ExitCode.interrupted);
  }
  const score = await recorder.finish();
  if (recorder.id) session.meta.attempt_id = recorder.id;
  if (score) process.stderr.write(`Saved attempt ${recorder.id}: ${score.correct}/${score.total}.\n`);
}

export async function retryMistakes(ctx: RunContext, topic: string | undefined, session: Session): Promise<void> {
  const found = lastMistakes(await ctx.store.read(), topic);
  if (!found) {
    throw new CareerForgeError('NOT_FOUND', `no quiz attempt${topic ? ` on "${topic}"` : ''} yet: take one first, e.g. careerforge quiz --topic SQL`, ExitCode.usage);
  }
  if (found.questions.length === 0) {
    process.stdout.write(`Nothing to retry: you got every question right in attempt ${found.attempt.id} (${found.attempt.topic}).\n`);
    return;
  }
  const { quiz } = found;
  return takeQuiz(ctx, { id: quiz.id, topic: quiz.quiz.topic }, found.questions, session, `${quiz.quiz.topic}: retrying ${found.questions.length} missed`);
}

export async function quizHistory(ctx: RunContext, topic: string | undefined, session: Session): Promise<void> {
  const history = quizHistoryOf(await ctx.store.read(), topic);
  if (outputMode(session) === 'json') return writeJson(successEnvelope(history, session.meta));
  const [{ historyText }, { colorFor }] = await Promise.all([import('../../render/quiz-text.js'), import('../../render/color.js')]);
  process.stdout.write(historyText(history.attempts, history.topics, colorFor(process.stdout, session.env)));
}
