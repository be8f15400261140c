// Everyday files carry bytes that are not content: a BOM from Notepad, CRLF or bare CR line ends
// from Windows and old Macs, form feeds from PDF exports. They are normalised before validation,
// so only a real control character is refused, and then by name and line.

/** Strip a leading BOM; turn CRLF, CR and form feeds into plain newlines. */
export function normalizeText(text: string): string {
  return text.replace(/^\ufeff/, '').replace(/\r\n?/g, '\n').replace(/\f/g, '\n');
}

/** A trimmed one-line value: a BOM and surrounding whitespace go. */
export function normalizeLine(text: string): string {
  return text.replace(/^\ufeff/, '').trim();
}

// C0 controls (tab and newline allowed when `multiline`), DEL and C1 controls.
// eslint-disable-next-line no-control-regex
const CONTROL_TEXT = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;
// eslint-disable-next-line no-control-regex
const CONTROL_LINE = /[\u0000-\u001f\u007f-\u009f]/;

export interface ControlFound {
  codePoint: string;
  line: number;
  column: number;
}

export function findControl(text: string, multiline: boolean): ControlFound | undefined {
  const match = (multiline ? CONTROL_TEXT : CONTROL_LINE).exec(text);
  if (!match) return undefined;
  const before = text.slice(0, match.index);
  const line = before.split('\n').length;
  const column = match.index - before.lastIndexOf('\n');
  return { codePoint: codePointName(match[0]), line, column };
}

export function codePointName(char: string): string {
  return `U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
}

/** "must not contain control characters (U+001B on line 3)": the line only for multi-line text. */
export function controlMessage(found: ControlFound, multiline: boolean): string {
  const name = CONTROL_NAMES[found.codePoint];
  const what = name ? `${found.codePoint} ${name}` : found.codePoint;
  return `must not contain control characters (${what}${multiline ? ` on line ${found.line}, column ${found.column}` : ''})`;
}

const CONTROL_NAMES: Record<string, string> = {
  'U+0000': 'NUL',
  'U+0007': 'BEL',
  'U+0008': 'backspace',
  'U+0009': 'tab',
  'U+000A': 'newline',
  'U+000B': 'vertical tab',
  'U+001B': 'ESC',
  'U+007F': 'DEL',
};
