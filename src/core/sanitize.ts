// Two directions of hygiene.
// In: user text goes to the prompt without control characters, JSON-encoded inside a data block
//     whose closing tag it cannot forge.
// Out: model text is shown without terminal control sequences (a model can emit ESC sequences).
import stripAnsi from 'strip-ansi';

// C0 controls except tab and newline, DEL, and C1 controls.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

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
