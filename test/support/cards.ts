// Spaced-repetition cards written straight into cards.json, due a given number of days from now
// (negative: overdue), as the quiz would have left them after earlier reviews.
import fs from 'node:fs';
import path from 'node:path';
import type { Card } from '../../src/core/review/schema.js';

const DAY = 86_400_000;

export interface CardSpec {
  n: number;
  dueInDays: number;
  topic?: string;
  /** Index of the right option (default n % 4). */
  correct?: number;
}

export function makeCard({ n, dueInDays, topic = 'SQL', correct = n % 4 }: CardSpec, now = Date.now()): Card {
  const reviewed = new Date(now - 3 * DAY).toISOString();
  return {
    id: `zseed01:q${n}`,
    quiz_id: 'zseed01',
    quiz_topic: topic,
    question: {
      id: `q${n}`,
      question: `Card question ${n}?`,
      options: ['Alpha', 'Bravo', 'Charlie', 'Delta'].map((o) => `${o} ${n}`),
      correct_index: correct,
      explanation: `Card explanation ${n}.`,
      topic: `${topic} basics`,
    },
    created_at: reviewed,
    fsrs: { due: new Date(now + dueInDays * DAY).toISOString(), stability: 3, difficulty: 5, elapsed_days: 0, scheduled_days: 3, learning_steps: 0, reps: 1, lapses: 0, state: 'review', last_review: reviewed },
    reviews: [{ at: reviewed, grade: 'good', correct: true, source: 'quiz', interval_days: 3 }],
  };
}

export function seedCards(home: string, specs: CardSpec[], extra: Record<string, unknown> = {}): void {
  const cards = Object.fromEntries(specs.map((s) => makeCard(s)).map((c) => [c.id, c]));
  fs.mkdirSync(home, { recursive: true });
  fs.writeFileSync(path.join(home, 'cards.json'), JSON.stringify({ cards: { ...cards, ...extra } }));
}

export function readCards(home: string): Record<string, Card> {
  return JSON.parse(fs.readFileSync(path.join(home, 'cards.json'), 'utf8')).cards;
}
