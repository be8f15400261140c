// `careerforge rate ID 1-5 [--note "..."]`: the user's rating of a saved generation, kept on it.
import { resolveHome } from '../../core/config/settings.js';
import { kindName, parseKind, recordsOf, resolveRecord } from '../../core/records/records.js';
import { parseNote, parseScore, RATED_KINDS, ratingText, type Rating } from '../../core/ratings/ratings.js';
import { UsageError } from '../../core/errors.js';
import { LocalStore } from '../../core/store/store.js';
import { emitPlain } from '../emit-plain.js';
import type { Session } from '../shared.js';

export interface RateFlags {
  note?: string;
  kind?: string;
  json?: boolean;
}

export async function rateCommand(ref: string, score: string, flags: RateFlags, session: Session): Promise<void> {
  // Input first: a bad rating or note never opens the store.
  const rating: Rating = { score: parseScore(score), rated_at: new Date().toISOString() };
  const note = parseNote(flags.note);
  if (note !== undefined) rating.note = note;
  const kind = flags.kind === undefined ? undefined : parseKind(flags.kind);
  if (kind === 'bench') throw new UsageError('bench runs are measurements, not generations: rate a roadmap, skills report, interview or quiz');
  const store = new LocalStore(resolveHome(session.env), session.warn);
  const found = await store.update((data) => {
    const hit = resolveRecord(data, ref, kind, RATED_KINDS);
    const record = recordsOf(data, hit.kind)[hit.id]!;
    const before = record.rating as Rating | undefined;
    record.rating = rating;
    return { ...hit, before };
  });
  const again = found.before ? ` (was ${found.before.score}/5)` : '';
  emitPlain(session, { kind: found.kind, id: found.id, rating, ...(found.before ? { previous: found.before } : {}) }, () =>
    `Rated ${kindName(found.kind)} ${found.id} ${ratingText(rating)}${again}.\n`);
}
