// The card deck in cards.json: read with no lock (LocalStore.readFile), written under the store's lock (updateFile).
// Each card is validated on its own: one that no longer fits (a hand edit) is left in the file
// exactly as it is, reported, and neither asked nor overwritten, so bad data never costs the
// others. A file that is not JSON at all is set aside by the store, as store.json would be.
import type { FileSpec, LocalStore, Warn } from '../store/store.js';
import type { QuizQuestion } from '../quiz/schema.js';
import { describeIssues } from '../zod.js';
import { emptyState, schedule } from './scheduler.js';
import { cardSchema, cardsFileSchema, MAX_REVIEWS, type Card, type CardsFile, type Grade, type ReviewSource } from './schema.js';

export const CARDS_FILE: FileSpec<CardsFile> = { name: 'cards', schema: cardsFileSchema };

export interface Deck {
  cards: Card[];
  /** Ids of entries that do not fit, with the first problem of each. */
  invalid: { id: string; problem: string }[];
}

export function deckOf(file: CardsFile): Deck {
  const deck: Deck = { cards: [], invalid: [] };
  for (const [id, raw] of Object.entries(file.cards)) {
    const parsed = cardSchema.safeParse(raw);
    if (parsed.success && parsed.data.id === id) deck.cards.push(parsed.data);
    else deck.invalid.push({ id, problem: parsed.success ? `its id is "${parsed.data.id}"` : (describeIssues(parsed.error.issues)[0] ?? 'invalid') });
  }
  return deck;
}

function reportInvalid(store: LocalStore, deck: Deck, warn: Warn): void {
  if (deck.invalid.length === 0) return;
  const [first] = deck.invalid;
  const n = deck.invalid.length;
  warn(`${store.path('cards')}: ${n} card${n === 1 ? '' : 's'} left as ${n === 1 ? 'it is' : 'they are'} and not asked (${first!.id}: ${first!.problem})`);
}

/** Every valid card; invalid ones are reported through `warn`. */
export async function loadCards(store: LocalStore, warn: Warn): Promise<Card[]> {
  const deck = deckOf(await store.readFile(CARDS_FILE));
  reportInvalid(store, deck, warn);
  return deck.cards;
}

export const cardId = (quizId: string, questionId: string) => `${quizId}:${questionId}`;

/** The start of the day after `now`, local time: "due today" is due before then. */
export function endOfDay(now: Date): Date {
  return new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1);
}

const sameTopic = (card: Card, topic: string | undefined) =>
  topic === undefined || [card.quiz_topic, card.question.topic].some((t) => t.toLowerCase() === topic.trim().toLowerCase());

export function ofTopic(cards: Card[], topic?: string): Card[] {
  return cards.filter((card) => sameTopic(card, topic));
}

/** The cards due today (of a topic if given), the most overdue first. */
export function dueCards(cards: Card[], now: Date, topic?: string): Card[] {
  const end = endOfDay(now).getTime();
  return ofTopic(cards, topic)
    .filter((card) => Date.parse(card.fsrs.due) < end)
    .sort((a, b) => a.fsrs.due.localeCompare(b.fsrs.due));
}

export interface DueSummary {
  due: number;
  total: number;
  /** When the next card not due today comes due (null when there is none). */
  next_due: string | null;
  topics: { topic: string; due: number; total: number }[];
}

export function dueSummary(cards: Card[], now: Date, topic?: string): DueSummary {
  const mine = ofTopic(cards, topic);
  const due = new Set(dueCards(mine, now).map((c) => c.id));
  const later = mine.filter((c) => !due.has(c.id)).map((c) => c.fsrs.due).sort();
  const topics = new Map<string, { topic: string; due: number; total: number }>();
  for (const card of mine) {
    const row = topics.get(card.quiz_topic.toLowerCase()) ?? { topic: card.quiz_topic, due: 0, total: 0 };
    row.total++;
    if (due.has(card.id)) row.due++;
    topics.set(card.quiz_topic.toLowerCase(), row);
  }
  return { due: due.size, total: mine.length, next_due: later[0] ?? null, topics: [...topics.values()].sort((a, b) => b.due - a.due || a.topic.localeCompare(b.topic)) };
}

export interface ReviewEntry {
  quiz: { id: string; topic: string };
  question: QuizQuestion;
  grade: Grade;
  correct?: boolean;
  ms?: number;
}

export interface ReviewOptions {
  retention: number;
  source: ReviewSource;
  /** The clock: tests pass one that moves through simulated days. */
  now: () => Date;
  warn: Warn;
}

/** Applies one review to its card (made on the first answer) inside a cards.json update. */
export function applyReview(file: CardsFile, entry: ReviewEntry, opts: Omit<ReviewOptions, 'warn'>): Card | { invalid: string } {
  const id = cardId(entry.quiz.id, entry.question.id);
  const now = opts.now();
  const raw = file.cards[id];
  let card: Card;
  if (raw === undefined) {
    card = { id, quiz_id: entry.quiz.id, quiz_topic: entry.quiz.topic, question: entry.question, created_at: now.toISOString(), fsrs: emptyState(now), reviews: [] };
  } else {
    const parsed = cardSchema.safeParse(raw);
    if (!parsed.success) return { invalid: id };
    card = parsed.data;
  }
  card.fsrs = schedule(card.fsrs, entry.grade, now, opts.retention);
  const interval_days = Math.max(0, Math.round((Date.parse(card.fsrs.due) - now.getTime()) / 86_400_000));
  const review = { at: now.toISOString(), grade: entry.grade, source: opts.source, interval_days, ...(entry.correct === undefined ? {} : { correct: entry.correct }), ...(entry.ms === undefined ? {} : { ms: Math.round(entry.ms) }) };
  card.reviews = [...card.reviews, review].slice(-MAX_REVIEWS);
  file.cards[id] = card;
  return card;
}

/** Saves the reviews of one sitting, in the order given (writes are chained, like AttemptRecorder). */
export class CardRecorder {
  private chain: Promise<unknown> = Promise.resolve();
  readonly saved: Card[] = [];

  constructor(
    private readonly store: LocalStore,
    private readonly opts: ReviewOptions,
  ) {}

  record(entry: ReviewEntry): Promise<Card | undefined> {
    const next = this.chain.then(() => this.store.updateFile(CARDS_FILE, (file) => applyReview(file, entry, this.opts)));
    this.chain = next.catch(() => undefined);
    return next.then((result) => {
      if ('invalid' in result) {
        this.opts.warn(`${this.store.path('cards')}: card ${result.invalid} does not fit and was left as it is; this answer did not reschedule it`);
        return undefined;
      }
      this.saved.push(result);
      return result;
    });
  }

  settled(): Promise<void> {
    return this.chain.then(() => undefined);
  }
}
