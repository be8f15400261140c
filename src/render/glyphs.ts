// The symbols the terminal views draw with, in Unicode or in plain ASCII. A terminal whose locale
// is not UTF-8 (LANG=C, LC_ALL=POSIX, a latin-1 locale) shows Unicode as mojibake or '?', and the
// Linux console lacks most of these glyphs; both get ASCII.

export interface Glyphs {
  tick: string;
  cross: string;
  pointer: string;
  bullet: string;
  /** Separator between items on one line. */
  dot: string;
  ellipsis: string;
  /** The text cursor drawn in an input box. */
  cursor: string;
  upDown: string;
  warning: string;
  /** Ink's borderStyle. */
  border: 'round' | 'classic';
  /** ora's spinner name. */
  spinner: 'dots' | 'line';
}

const UNICODE: Glyphs = { tick: '✔', cross: '✘', pointer: '❯', bullet: '•', dot: '·', ellipsis: '…', cursor: '▌', upDown: '↑/↓', warning: '⚠', border: 'round', spinner: 'dots' };
const ASCII: Glyphs = { tick: 'v', cross: 'x', pointer: '>', bullet: '*', dot: '-', ellipsis: '...', cursor: '_', upDown: '^/v', warning: '!', border: 'classic', spinner: 'line' };

/** The character set the locale promises, by POSIX precedence: LC_ALL, then LC_CTYPE, then LANG. */
export function unicodeSupported(env: NodeJS.ProcessEnv): boolean {
  if (env.TERM === 'linux') return false;
  const locale = env.LC_ALL || env.LC_CTYPE || env.LANG;
  // No locale at all: terminals and containers without one are overwhelmingly UTF-8 today.
  if (!locale) return true;
  return /utf-?8/i.test(locale);
}

export function glyphsFor(env: NodeJS.ProcessEnv): Glyphs {
  return unicodeSupported(env) ? UNICODE : ASCII;
}

// Every non-ASCII character our own chrome draws (views, forms, Ink borders, the spinner label),
// with its ASCII twin. Text bound for a terminal whose locale is not UTF-8 goes through asciiChrome
// at the output dispatch (emit.ts, the error line) and in TerminalOut (Ink screens, the spinner).
const TWINS: Record<string, string> = {
  '✔': 'v', '✓': 'v', '✘': 'x', '✖': 'x', '❯': '>', '•': '*', '·': '-', '…': '...', '▌': '_', '↑': '^', '↓': 'v',
  '→': '->', '←': '<-', '⚠': '!', '—': '-', '–': '-', '×': 'x', '±': '+/-', '█': '#', '░': '-',
  '─': '-', '│': '|', '╭': '+', '╮': '+', '╰': '+', '╯': '+', '┌': '+', '┐': '+', '└': '+', '┘': '+',
};
const TWIN_PATTERN = new RegExp(`[${Object.keys(TWINS).join('')}]`, 'gu');

/** `text` with each of our glyphs replaced by its ASCII twin (for a locale without UTF-8). */
export function asciiChrome(text: string): string {
  return text.replace(TWIN_PATTERN, (ch) => TWINS[ch] ?? ch);
}
