// `careerforge quiz`: validate options -> generate (core) -> save -> take it on a terminal, print it
// with an answer key when piped, or the JSON envelope. Also --history and --retry-mistakes.
import { createRunContext, newId } from '../../core/context.js';
import { UsageError } from '../../core/errors.js';
import { drive } from '../../core/events.js';
import { generateQuiz, quizSeed } from '../../core/quiz/generate.js';
import { quizInputSchema, type QuizInput } from '../../core/quiz/schema.js';
import { successEnvelope, writeJson } from '../../render/json.js';
import { withProgress } from '../../render/progress.js';
import { loadFormDefaults } from '../form-defaults.js';
import { elapsed, numberFlag, outputMode, parseCommandInput, rawSettings, statsMeta, type GlobalFlags, type Session } from '../shared.js';

export interface QuizFlags extends GlobalFlags {
  topic?: string;
  role?: string;
  difficulty?: string;
  count?: string;
  retryMistakes?: boolean;
  history?: boolean;
}

export async function quizCommand(flags: QuizFlags, session: Session): Promise<void> {
  const mode = outputMode(session);
  if (flags.history && flags.retryMistakes) throw new UsageError('--history and --retry-mistakes cannot be combined');
  // Checked before anything else: an interactive mode must never wait on a pipe.
  if (flags.retryMistakes && mode !== 'ink') {
    throw new UsageError(
      session.json
        ? '--retry-mistakes is interactive and cannot be combined with --json'
        : '--retry-mistakes is interactive: run it in a terminal (stdin and stdout must be a TTY)',
    );
  }
  const given = { topic: flags.topic, role: flags.role, difficulty: flags.difficulty, count: numberFlag(flags.count) };
  let input = await parseCommandInput<QuizInput>(quizInputSchema, given, undefined);
  // Nothing to quiz on: on a terminal, ask (before any model set-up); on a pipe raw mode does not
  // exist, so it stays the usage error below.
  if (!input.topic && !input.role && !flags.history && !flags.retryMistakes && mode === 'ink') {
    const [{ askQuizInput }, defaults] = await Promise.all([import('../../ui/quiz-form.js'), loadFormDefaults(session, 'quizzes')]);
    const asked = await askQuizInput(given, defaults);
    input = await parseCommandInput<QuizInput>(quizInputSchema, { ...given, ...asked }, undefined);
  }
  const ctx = await createRunContext(rawSettings(flags), session.env, session.signal, session.warn, session.calls);
  session.meta.model = ctx.settings.model;
  if (flags.history || flags.retryMistakes) {
    const { quizHistory, retryMistakes } = await import('./take.js');
    return flags.history ? quizHistory(ctx, input.topic, session) : retryMistakes(ctx, input.topic, session);
  }
  if (!input.topic && !input.role) throw new UsageError('missing --topic or --role: say what to quiz on, e.g. --topic SQL');

  const seed = quizSeed(ctx.settings.seed);
  const label = `Writing ${input.count} question${input.count === 1 ? '' : 's'} on ${input.topic ?? input.role}`;
  const outcome = await withProgress({ json: session.json, label, warn: session.warn }, (on) => drive(generateQuiz(ctx.ollama(), input, seed), on));
  const { quiz } = outcome;
  const id = await ctx.store.update((data) => {
    const id = newId('z', (candidate) => candidate in data.quizzes);
    data.quizzes[id] = { id, created_at: new Date().toISOString(), model: ctx.settings.model, input, shuffle_seed: seed, quiz };
    return id;
  });
  Object.assign(session.meta, statsMeta(outcome.stats), {
    latency_ms: elapsed(session),
    attempts: outcome.attempts,
    calls: outcome.calls,
    num_ctx: ctx.settings.num_ctx,
    shuffle_seed: seed,
    id,
  });

  if (mode === 'json') return writeJson(successEnvelope(quiz, session.meta));
  if (mode === 'ink') {
    const { takeQuiz } = await import('./take.js');
    return takeQuiz(ctx, { id, topic: quiz.topic }, quiz.questions, session);
  }
  const [{ quizText }, { colorFor }] = await Promise.all([import('../../render/quiz-text.js'), import('../../render/color.js')]);
  process.stdout.write(quizText(quiz, session.meta, colorFor(process.stdout, session.env)));
}
