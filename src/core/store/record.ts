// The one place a saved generation gets what every record keeps: a short id that is free in its
// collection, when it was made, by which model, from which input (savedRecordFields).
import type { StoreData } from './schema.js';

export type RecordCollection = 'roadmaps' | 'skills' | 'interviews' | 'quizzes';

const PREFIX: Record<RecordCollection, string> = { roadmaps: 'r', skills: 's', interviews: 'i', quizzes: 'z' };

type Saved<C extends RecordCollection> = StoreData[C][string];
type Body<C extends RecordCollection> = Omit<Saved<C>, 'id' | 'created_at' | 'model' | 'input'>;

/** A short id that is easy to type in `progress show ID`. */
export function newId(prefix: string, taken: (id: string) => boolean): string {
  for (;;) {
    const id = `${prefix}${Math.floor(Math.random() * 36 ** 6).toString(36).padStart(6, '0')}`;
    if (!taken(id)) return id;
  }
}

/**
 * Add a record to `collection` inside a store update and return its id. `input` is what the user
 * asked for (the profile), `body` the generated part.
 */
export function addRecord<C extends RecordCollection>(
  data: StoreData,
  collection: C,
  head: { model: string; input: Record<string, unknown>; now?: Date },
  body: Body<C>,
): string {
  const records = data[collection] as Record<string, Saved<C>>;
  const id = newId(PREFIX[collection], (candidate) => candidate in records);
  records[id] = { id, created_at: (head.now ?? new Date()).toISOString(), model: head.model, input: head.input, ...body } as Saved<C>;
  return id;
}
