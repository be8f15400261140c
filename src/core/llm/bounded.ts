// Builders for the schemas of what a model must write. Each one is bounded in a way llama.cpp's
// JSON-schema-to-grammar converter enforces (Ollama passes `format` to it unchanged):
// - strings: minLength/maxLength, kept well under 2000 (at 2000 the grammar fails to parse, above
//   it the limit is dropped); every `{m,n}` repetition becomes n rules, so size them to the field;
// - arrays: minItems/maxItems;
// - integers: minimum/maximum. A bare z.int() carries +-2^53 bounds that expand into a ~5.6 KB
//   digit rule per field, so every integer here has a small, meaningful range.
// No `pattern` (an unanchored one fails the request), no `format` (ignored), no `$ref`.
// zod still validates all of it on our side, since some servers ignore `format` altogether.
import * as z from '../zod.js';
import { plural } from '../plural.js';

/** The longest free string any schema may ask for: well under the grammar's 2000 limit. */
export const MAX_STRING = 1500;

/** A non-empty string of at most `max` characters. */
export function text(max: number) {
  if (max > MAX_STRING) throw new Error(`text(${max}): strings sent as format must stay at or below ${MAX_STRING} characters`);
  return z.string().check(z.minLength(1), z.maxLength(max));
}

// Messages worded for the repair prompt (a server that ignores `format` gets them back).
const count = (issue: { input?: unknown }) => (Array.isArray(issue.input) ? plural(issue.input.length, 'entry', 'entries') : '? entries');
const entries = (min: number, max: number) => (min === max ? `exactly ${min}` : `${min} to ${max}`);

/** An array of `min` to `max` items. */
export function list<T extends z.ZodMiniType>(item: T, min: number, max: number) {
  const error = (issue: { input?: unknown }) => `has ${count(issue)} but must have ${entries(min, max)}`;
  return z.array(item).check(z.minLength(min, { error }), z.maxLength(max, { error }));
}

/** An integer in [min, max]. */
export function int(min: number, max: number) {
  const error = (issue: { input?: unknown }) => `is ${String(issue.input)} but must be an integer from ${min} to ${max}`;
  return z.int().check(z.gte(min, { error }), z.lte(max, { error }));
}

/** Exactly `n` items of `item`. */
export function exactly<T extends z.ZodMiniType>(item: T, n: number) {
  return list(item, n, n);
}
