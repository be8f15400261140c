// What `progress` shows of spaced repetition: cards due today, of how many, and the next date.
import type { LocalStore, Warn } from '../store/store.js';
import { dueSummary, loadCards } from './cards.js';

export interface ReviewCount {
  due: number;
  total: number;
  next_due: string | null;
}

export async function reviewCount(store: LocalStore, warn: Warn, now: Date): Promise<ReviewCount> {
  const { due, total, next_due } = dueSummary(await loadCards(store, warn), now);
  return { due, total, next_due };
}
