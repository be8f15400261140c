// FSRS through ts-fsrs: a card's next due date from its state, the grade and the time of review.
// Long-term scheduling only (enable_short_term false): CareerForge is opened once a day, not every
// minute, so minute-long learning steps would only make "due today" lie. No fuzz: the same reviews
// always give the same dates, which a learner can reason about and a test can check.
import { createEmptyCard, fsrs, generatorParameters, Rating, State, type Card as FsrsCard, type FSRS, type Grade as FsrsGrade } from 'ts-fsrs';
import { CARD_STATES, type FsrsState, type Grade } from './schema.js';

const RATING: Record<Grade, FsrsGrade> = { again: Rating.Again, hard: Rating.Hard, good: Rating.Good, easy: Rating.Easy };
const STATE_NAME: Record<State, FsrsState['state']> = {
  [State.New]: 'new',
  [State.Learning]: 'learning',
  [State.Review]: 'review',
  [State.Relearning]: 'relearning',
};

const schedulers = new Map<number, FSRS>();

function scheduler(retention: number): FSRS {
  let found = schedulers.get(retention);
  if (!found) {
    found = fsrs(generatorParameters({ request_retention: retention, enable_short_term: false, enable_fuzz: false }));
    schedulers.set(retention, found);
  }
  return found;
}

function toFsrs(state: FsrsState): FsrsCard {
  return {
    ...state,
    due: new Date(state.due),
    state: CARD_STATES.indexOf(state.state) as State,
    last_review: state.last_review === undefined ? undefined : new Date(state.last_review),
  };
}

function fromFsrs(card: FsrsCard): FsrsState {
  return {
    due: card.due.toISOString(),
    stability: card.stability,
    difficulty: card.difficulty,
    elapsed_days: card.elapsed_days,
    scheduled_days: card.scheduled_days,
    learning_steps: card.learning_steps,
    reps: card.reps,
    lapses: card.lapses,
    state: STATE_NAME[card.state],
    ...(card.last_review ? { last_review: card.last_review.toISOString() } : {}),
  };
}

/** A card never reviewed, due now. */
export function emptyState(now: Date): FsrsState {
  return fromFsrs(createEmptyCard(now));
}

/** The state after a review graded `grade` at `now`, for the desired `retention` (0.7-0.99). */
export function schedule(state: FsrsState, grade: Grade, now: Date, retention: number): FsrsState {
  return fromFsrs(scheduler(retention).next(toFsrs(state), now, RATING[grade]).card);
}

/** The chance of recalling the card at `now` (0-1), as FSRS estimates it. */
export function recall(state: FsrsState, now: Date, retention: number): number {
  return scheduler(retention).get_retrievability(toFsrs(state), now, false);
}
