// Two directions of hygiene.
// In: user text goes to the prompt without control characters, JSON-encoded inside a data block
//     whose closing tag it cannot forge.
// Out: model text is shown without terminal control sequences (a model can emit ESC sequences)
//      or bidi controls, and (displayText) no longer than a screen can take.
import stripAnsi from 'strip-ansi';

// C0 controls except tab and newline, DEL, C1 controls, and the bidi embeddings, overrides and
// isolates (U+202A-U+202E, U+2066-U+2069), which reorder what a terminal shows ("Trojan Source").
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

export function stripControl(text: string): string {
  return stripAnsi(text).replace(CONTROL, '');
}

/** Sanitize every string in a JSON-like value (model output after validation). */
export function sanitizeDeep<T>(value: T): T {
  if (typeof value === 'string') return stripControl(value) as T;
  if (Array.isArray(value)) return value.map((item) => sanitizeDeep(item)) as T;
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, sanitizeDeep(v)])) as T;
  }
  return value;
}

/** The most characters of one string a view shows; the saved record and --json keep it whole. */
export const DISPLAY_MAX_CHARS = 2000;

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && [Object.prototype, null].includes(Object.getPrototypeOf(value));

/**
 * A result as a view may show it: every string stripped of control and bidi characters (records
 * saved before they were stripped, a store edited by hand) and cut to DISPLAY_MAX_CHARS with an
 * ellipsis. Arrays and plain objects are copied; anything else is left as it is.
 */
export function displayText<T>(value: T, maxChars = DISPLAY_MAX_CHARS): T {
  if (typeof value === 'string') {
    const clean = stripControl(value);
    return (clean.length > maxChars ? `${clean.slice(0, maxChars - 1).trimEnd()}…` : clean) as T;
  }
  if (Array.isArray(value)) return value.map((item) => displayText(item, maxChars)) as T;
  if (isPlainObject(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, displayText(v, maxChars)])) as T;
  return value;
}

/**
 * A delimited, length-limited data block for the prompt. The payload is JSON with `<` and `>`
 * escaped, so user text can never close the block or open a new one.
 */
export function dataBlock(name: string, payload: unknown, maxChars = 8000): string {
  let json = JSON.stringify(sanitizeDeep(payload), null, 1);
  if (json.length > maxChars) json = JSON.stringify(sanitizeDeep(truncateStrings(payload, maxChars)), null, 1);
  const escaped = json.replace(/</g, '\\u003c').replace(/>/g, '\\u003e');
  return `<user_data name="${name}">\n${escaped}\n</user_data>`;
}

function truncateStrings(value: unknown, maxChars: number): unknown {
  const limit = Math.max(40, Math.floor(maxChars / 8));
  if (typeof value === 'string') return value.length > limit ? `${value.slice(0, limit)}…` : value;
  if (Array.isArray(value)) return value.slice(0, 50).map((v) => truncateStrings(v, maxChars));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, truncateStrings(v, maxChars)]));
  }
  return value;
}
