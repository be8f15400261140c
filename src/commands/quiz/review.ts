// The spaced-repetition modes of `careerforge quiz`: --due counts the cards due today (any
// output), --review asks them as a quiz and --flashcards shows them to self-grade (terminal only:
// a usage error anywhere else, checked before anything is read, so a pipe never waits).
import type { RunContext } from '../../core/context.js';
import { CareerForgeError, ExitCode, NotFoundError, UsageError } from '../../core/errors.js';
import { isCorrect, type GivenAnswer } from '../../core/quiz/attempts.js';
import { CardRecorder, dueCards, dueSummary, loadCards, ofTopic } from '../../core/review/cards.js';
import { gradeAnswer } from '../../core/review/grade.js';
import type { Card, ReviewSource } from '../../core/review/schema.js';
import { emit, emitLine } from '../emit.js';
import { openContext } from '../generation.js';
import type { Session } from '../session.js';
import type { QuizFlags } from './run.js';

const MODES = ['review', 'due', 'flashcards', 'history', 'retryMistakes'] as const;
const FLAG: Record<(typeof MODES)[number], string> = { review: '--review', due: '--due', flashcards: '--flashcards', history: '--history', retryMistakes: '--retry-mistakes' };

export async function reviewCommand(flags: QuizFlags, session: Session, now: () => Date = () => new Date()): Promise<void> {
  const modes = MODES.filter((m) => flags[m]);
  if (modes.length > 1) throw new UsageError(`${modes.map((m) => FLAG[m]).join(' and ')} cannot be combined`);
  const mode = modes[0] as 'review' | 'due' | 'flashcards';
  if (mode !== 'due' && session.mode !== 'tty') {
    throw new UsageError(
      session.json
        ? `${FLAG[mode]} is interactive and cannot be combined with --json (quiz --due --json counts the due cards)`
        : `${FLAG[mode]} is interactive: run it in a terminal (stdin and stdout must be a TTY)`,
    );
  }
  const topic = flags.topic?.trim() || undefined;
  const ctx = await openContext(session, flags);
  const cards = await loadCards(ctx.store, session.warn);
  if (mode === 'due') {
    const summary = dueSummary(cards, now(), topic);
    return emit(session, summary, { text: async () => (await import('../../render/review-text.js')).dueText });
  }
  const { nothingDueText } = await import('../../render/review-text.js');
  if (mode === 'review') {
    const due = dueCards(cards, now(), topic);
    if (due.length === 0) return emitLine(session, undefined, nothingDueText(dueSummary(cards, now(), topic), topic));
    return askDue(ctx, due, topic, session, now);
  }
  const mine = flashcardOrder(cards, now(), topic);
  if (mine.length === 0) {
    throw new NotFoundError(`no cards${topic ? ` on "${topic}"` : ''} yet: every question answered in a quiz becomes one, e.g. careerforge quiz --topic ${topic ?? 'SQL'}`);
  }
  return showFlashcards(ctx, mine, topic, session, now);
}

/** Flashcards of a topic: the due ones first (most overdue first), then the rest by due date. */
function flashcardOrder(cards: Card[], now: Date, topic: string | undefined): Card[] {
  const due = dueCards(cards, now, topic);
  const ids = new Set(due.map((c) => c.id));
  const rest = ofTopic(cards, topic).filter((c) => !ids.has(c.id)).sort((a, b) => a.fsrs.due.localeCompare(b.fsrs.due));
  return [...due, ...rest];
}

function recorder(ctx: RunContext, source: ReviewSource, session: Session, now: () => Date): CardRecorder {
  return new CardRecorder(ctx.store, { retention: ctx.settings.retention, source, now, warn: session.warn });
}

async function askDue(ctx: RunContext, due: Card[], topic: string | undefined, session: Session, now: () => Date): Promise<void> {
  const cards = recorder(ctx, 'review', session, now);
  const byQuestion = new Map(due.map((card) => [card.question, card]));
  let saveError: unknown;
  const { runQuiz } = await import('../../ui/quiz-take.js');
  const title = `Review${topic ? ` of ${topic}` : ''}: ${due.length} card${due.length === 1 ? '' : 's'} due`;
  const result = await runQuiz(session.screen(), [...byQuestion.keys()], title, (answer: GivenAnswer) => {
    const card = byQuestion.get(answer.question)!;
    const correct = isCorrect(answer);
    const entry = { quiz: { id: card.quiz_id, topic: card.quiz_topic }, question: card.question, grade: gradeAnswer({ correct, rating: answer.rating, ms: answer.ms }), correct, ms: answer.ms };
    cards.record(entry).catch((error: unknown) => (saveError ??= error));
  }, { grading: true });
  await finish(cards, result.status, session, () => saveError, 'review');
}

async function showFlashcards(ctx: RunContext, mine: Card[], topic: string | undefined, session: Session, now: () => Date): Promise<void> {
  const cards = recorder(ctx, 'flashcards', session, now);
  const byQuestion = new Map(mine.map((card) => [card.question, card]));
  let saveError: unknown;
  const { runFlashcards } = await import('../../ui/flashcards.js');
  const result = await runFlashcards(session.screen(), [...byQuestion.keys()], `Flashcards${topic ? `: ${topic}` : ''}`, ({ question, grade, ms }) => {
    const card = byQuestion.get(question)!;
    cards.record({ quiz: { id: card.quiz_id, topic: card.quiz_topic }, question, grade, ms }).catch((error: unknown) => (saveError ??= error));
  });
  await finish(cards, result.status, session, () => saveError, 'flashcards');
}

async function finish(cards: CardRecorder, status: 'completed' | 'interrupted', session: Session, saveError: () => unknown, what: string): Promise<void> {
  await cards.settled();
  if (saveError()) throw saveError();
  const n = cards.saved.length;
  if (status === 'interrupted') {
    throw new CareerForgeError('INTERRUPTED', `Interrupted: ${n} ${what} grade${n === 1 ? '' : 's'} saved, nothing else.`, ExitCode.interrupted);
  }
  const next = cards.saved.map((c) => c.fsrs.due).sort()[0];
  session.stderr.write(`Rescheduled ${n} card${n === 1 ? '' : 's'}${next ? `; the first comes back on ${next.slice(0, 10)}` : ''}.\n`);
}
