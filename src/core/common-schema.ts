// Building blocks shared by input schemas: user text is bounded and single-line unless said.
import * as z from './zod.js';
// eslint-disable-next-line no-control-regex
const NO_CONTROL_LINE = /^[^\u0000-\u001f\u007f-\u009f]*$/;
// eslint-disable-next-line no-control-regex
const NO_CONTROL_TEXT = /^[^\u0000-\u0008\u000b-\u001f\u007f-\u009f]*$/;

/** A trimmed, non-empty, single-line string without control characters. */
export function line(max: number) {
  return z.pipe(
    z.string(),
    z.pipe(
      z.transform((s: string) => s.trim()),
      z.string().check(z.minLength(1, 'must not be empty'), z.maxLength(max, `must be at most ${max} characters`), z.regex(NO_CONTROL_LINE, 'must not contain control characters')),
    ),
  );
}

/** Free text (newlines and tabs allowed), bounded, without other control characters. */
export function text(max: number) {
  return z.string().check(z.maxLength(max, `must be at most ${max} characters`), z.regex(NO_CONTROL_TEXT, 'must not contain control characters'));
}

export const levelSchema = z.enum(['beginner', 'intermediate', 'advanced']);
export type Level = z.infer<typeof levelSchema>;

/** What every saved generation keeps: its id, when it was made, by which model, from which input. */
export const savedRecordFields = {
  id: z.string(),
  created_at: z.string(),
  model: z.string(),
  input: z.record(z.string(), z.unknown()),
  /** A title the user gave it with `careerforge rename`. */
  title: z.optional(z.string()),
};
