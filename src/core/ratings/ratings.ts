// Ratings of saved generations (`careerforge rate ID 1-5 --note "..."`): kept on the record itself,
// so they travel with it and go when it is removed. Bench runs are measurements, not generations.
import { text } from '../common-schema.js';
import { UsageError } from '../errors.js';
import { recordsOf, RECORD_KINDS, type RecordKind } from '../records/records.js';
import type { StoreData } from '../store/schema.js';

export const RATED_KINDS = RECORD_KINDS.filter((k) => k !== 'bench') as Exclude<RecordKind, 'bench'>[];

export interface Rating {
  score: number;
  note?: string;
  rated_at: string;
}

const noteSchema = text(500, { min: 1 });

/** "1".."5" exactly; anything else (0, 6, 4.5, "x") is a usage error. */
export function parseScore(value: string): number {
  const trimmed = value.trim();
  if (!/^[1-5]$/.test(trimmed)) throw new UsageError(`rating: expected a whole number from 1 to 5, got "${value}"`, 'INVALID_INPUT');
  return Number(trimmed);
}

export function parseNote(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const parsed = noteSchema.safeParse(value);
  if (!parsed.success) throw new UsageError(`--note: ${parsed.error.issues[0]?.message ?? 'invalid'}`, 'INVALID_INPUT');
  return parsed.data;
}

/** Every rated generation, newest rating first. */
export function ratedRecords(data: StoreData): Array<{ kind: RecordKind; id: string; rating: Rating }> {
  const rated = RATED_KINDS.flatMap((kind) =>
    Object.values(recordsOf(data, kind))
      .filter((r) => r.rating !== undefined)
      .map((r) => ({ kind, id: r.id, rating: r.rating as Rating })),
  );
  return rated.sort((a, b) => b.rating.rated_at.localeCompare(a.rating.rated_at) || a.id.localeCompare(b.id));
}

/** "4/5" or "4/5: the note". */
export function ratingText(rating: Rating): string {
  return `${rating.score}/5${rating.note ? `: ${rating.note}` : ''}`;
}

export interface RatingSummary {
  mean: number;
  count: number;
}

/** The user's own ratings folded per model and record kind: what `eval` shows beside its counts. */
export function ratingsByModel(data: StoreData): Map<string, RatingSummary> {
  const sums = new Map<string, { sum: number; count: number }>();
  for (const kind of RATED_KINDS) {
    for (const record of Object.values(recordsOf(data, kind))) {
      const rating = record.rating as Rating | undefined;
      if (!rating || typeof record.model !== 'string') continue;
      const key = ratingKey(record.model, kind);
      const entry = sums.get(key) ?? { sum: 0, count: 0 };
      sums.set(key, { sum: entry.sum + rating.score, count: entry.count + 1 });
    }
  }
  return new Map([...sums].map(([key, { sum, count }]) => [key, { mean: Math.round((sum / count) * 10) / 10, count }]));
}

export const ratingKey = (model: string, kind: RecordKind) => `${model}\u0000${kind}`;
