// Building blocks shared by input schemas: user text is bounded and single-line unless said.
import * as z from './zod.js';
import { LEVELS } from './vocabulary.js';
import { controlMessage, findControl, normalizeLine, normalizeText } from './text-normalize.js';

/** A trimmed, non-empty, single-line string without control characters (a BOM is dropped). */
export function line(max: number) {
  return z.pipe(
    z.string(),
    z.pipe(
      z.transform(normalizeLine),
      z.string().check(z.minLength(1, 'must not be empty'), z.maxLength(max, `must be at most ${max} characters`), noControl(false)),
    ),
  );
}

/**
 * Free text (newlines and tabs allowed), bounded, without other control characters. CRLF, CR,
 * form feeds and a BOM are normalised first (see text-normalize.ts).
 */
export function text(max: number, { min }: { min?: number } = {}) {
  const checks = [z.maxLength(max, `must be at most ${max} characters`), noControl(true)];
  if (min !== undefined) checks.unshift(z.minLength(min, 'must not be empty'));
  return z.pipe(z.string(), z.pipe(z.transform(normalizeText), z.string().check(...checks)));
}

function noControl(multiline: boolean) {
  return z.superRefine<string>((value, ctx) => {
    const found = findControl(value, multiline);
    if (found) ctx.addIssue({ code: 'custom', message: controlMessage(found, multiline), input: value });
  });
}

export const levelSchema = z.enum(LEVELS);
export type { Level } from './vocabulary.js';

/** What every saved generation keeps: its id, when it was made, by which model, from which input. */
export const savedRecordFields = {
  id: z.string(),
  created_at: z.string(),
  model: z.string(),
  input: z.record(z.string(), z.unknown()),
  /** A title the user gave it with `careerforge rename`. */
  title: z.optional(z.string()),
  /** The user's own rating, 1-5, from `careerforge rate` (what `export --rated` turns into a dataset). */
  rating: z.optional(z.object({ score: z.int(), note: z.optional(z.string()), rated_at: z.string() })),
};
