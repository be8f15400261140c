// `careerforge quiz`: validate options -> generate (core) -> save -> take it on a terminal, print it
// with an answer key when piped, or the JSON envelope. Also --history and --retry-mistakes.
import { UsageError } from '../../core/errors.js';
import { drive } from '../../core/events.js';
import { generateQuiz, quizSeed, quizSubject } from '../../core/quiz/generate.js';
import { quizInputSchema, type Quiz, type QuizInput, type QuizQuestion } from '../../core/quiz/schema.js';
import type { View } from '../emit.js';
import { loadFormDefaults } from '../form-defaults.js';
import { emitGenerated, generate, openContext, saveRecord } from '../generation.js';
import type { Session } from '../session.js';
import { numberFlag, parseCommandInput, type GlobalFlags } from '../shared.js';

export interface QuizFlags extends GlobalFlags {
  topic?: string;
  role?: string;
  difficulty?: string;
  count?: string;
  retryMistakes?: boolean;
  history?: boolean;
  review?: boolean;
  due?: boolean;
  flashcards?: boolean;
}

/** Piped, a quiz prints with its answer key; on a terminal it is taken (take.ts), never just shown. */
export const quizView: View<Quiz> = { text: async () => (await import('../../render/quiz-text.js')).quizText };

/** What is left to print once the questions went out: the answer key and the meta line. */
const quizTailView: View<Quiz> = {
  text: async () => {
    const { quizTailText } = await import('../../render/quiz-text.js');
    return (quiz, meta, c) => quizTailText(quiz.questions, meta, c);
  },
};

async function liveQuestions(session: Session, input: QuizInput) {
  const [{ progressiveBatches }, text] = await Promise.all([import('../progressive-batches.js'), import('../../render/quiz-text.js')]);
  const head = { topic: quizSubject(input), difficulty: input.difficulty };
  return progressiveBatches<QuizQuestion>(session, 'quiz-batch', input.count, {
    head: (count, c) => text.quizHeadText(head, count, c),
    questions: (questions, first, c) => text.quizQuestionsText(questions, first, c),
  });
}

export async function quizCommand(flags: QuizFlags, session: Session): Promise<void> {
  // Spaced repetition (review.ts) asks saved cards: no model, no form.
  if (flags.review || flags.due || flags.flashcards) return (await import('./review.js')).reviewCommand(flags, session);
  if (flags.history && flags.retryMistakes) throw new UsageError('--history and --retry-mistakes cannot be combined');
  // Checked before anything else: an interactive mode must never wait on a pipe.
  if (flags.retryMistakes && session.mode !== 'tty') {
    throw new UsageError(
      session.json
        ? '--retry-mistakes is interactive and cannot be combined with --json'
        : '--retry-mistakes is interactive: run it in a terminal (stdin and stdout must be a TTY)',
    );
  }
  const given = { topic: flags.topic, role: flags.role, difficulty: flags.difficulty, count: numberFlag(flags.count) };
  const parse = (values: Record<string, unknown>) => parseCommandInput<QuizInput>(quizInputSchema, values, undefined, session.stdin);
  let input = await parse(given);
  // Nothing to quiz on: on a terminal, ask (before any model set-up); on a pipe raw mode does not
  // exist, so it stays the usage error below.
  if (!input.topic && !input.role && !flags.history && !flags.retryMistakes && session.canPrompt()) {
    const [{ askQuizInput }, defaults] = await Promise.all([import('../../ui/quiz-form.js'), loadFormDefaults(session, 'quizzes')]);
    input = await parse({ ...given, ...(await askQuizInput(session.screen(), given, defaults)) });
  }
  const ctx = await openContext(session, flags);
  if (flags.history || flags.retryMistakes) {
    const { quizHistory, retryMistakes } = await import('./take.js');
    return flags.history ? quizHistory(ctx, input.topic, session) : retryMistakes(ctx, input.topic, session);
  }
  if (!input.topic && !input.role) throw new UsageError('missing --topic or --role: say what to quiz on, e.g. --topic SQL');

  const seed = quizSeed(ctx.settings.seed);
  session.meta.shuffle_seed = seed;
  const label = `Writing ${input.count} question${input.count === 1 ? '' : 's'} on ${input.topic ?? input.role}`;
  // Piped, questions print as their batches finish; on a terminal the quiz is taken, not shown, so
  // the spinner alone says which batches are still being written.
  const live = session.mode === 'text' ? await liveQuestions(session, input) : undefined;
  const { quiz } = await generate(session, ctx, label, (on) => drive(generateQuiz(ctx.ollama(), input, seed), on), live?.onPart);
  const id = await saveRecord(session, ctx, 'quizzes', input, { shuffle_seed: seed, quiz });
  if (live?.started() && (await live.shows(quiz.questions))) return emitGenerated(session, quiz, quizTailView);
  // Not saved (a full disk): nothing to record answers against, so it is shown, then the error.
  if (session.mode !== 'tty' || id === undefined) return emitGenerated(session, quiz, quizView);
  const { takeQuiz } = await import('./take.js');
  return takeQuiz(ctx, { id, topic: quiz.topic }, quiz.questions, session);
}
