// A terminal stream as the spinner and Ink should see it. Three facts about real terminals that
// both libraries get wrong on their own:
// - a 0x0 pty (`script` without a terminal, cron, some CI runners) reports 0 columns and 0 rows:
//   ora divides by the columns (Infinity lines to clear: a flood of cursor-up codes that blocks the
//   event loop) and Ink takes 0 rows as "the output fills the screen". 0 means unknown: 80 columns.
// - Ink clears the screen and the scrollback (ESC[2J ESC[3J) whenever its output is as tall as the
//   window. Our views never want that: reporting no height limit keeps the user's history, and
//   static results are written once as plain text instead (src/commands/emit.ts).
// - TERM=dumb understands no DEC private modes (cursor hide, synchronized output, kitty keys).
// - a locale without UTF-8 (LANG=C) shows our glyphs as mojibake: they are drawn in ASCII.
import { EventEmitter } from 'node:events';
import { asciiChrome, unicodeSupported } from './glyphs.js';

/** What the adapter needs of the real stream (a tty.WriteStream in the CLI, a fake in tests). */
export interface RawTerminal {
  write(chunk: string | Uint8Array, ...rest: unknown[]): boolean;
  isTTY?: boolean;
  columns?: number;
  rows?: number;
  on?(event: string, listener: (...args: unknown[]) => void): unknown;
  once?(event: string, listener: (...args: unknown[]) => void): unknown;
  off?(event: string, listener: (...args: unknown[]) => void): unknown;
}

export const UNKNOWN_COLUMNS = 80;
// ESC [ ? params h|l (set/reset a DEC private mode), ESC [ > or < params u (kitty keyboard protocol),
// ESC [ ? u (its query).
// eslint-disable-next-line no-control-regex
const DEC_PRIVATE = /\x1b\[(?:\?[\d;]*[hlu]|[<>=][\d;]*u)/g;

/** Whether the terminal type takes no escape sequences beyond the basics (TERM=dumb, emacs' shell). */
export function isDumbTerminal(env: NodeJS.ProcessEnv): boolean {
  return env.TERM === 'dumb';
}

export function stripDecPrivate(text: string): string {
  return text.replace(DEC_PRIVATE, '');
}

/** Columns of a terminal, with 0 or a missing value taken as unknown. */
export function columnsOf(stream: { columns?: number } | undefined): number {
  const columns = stream?.columns;
  return typeof columns === 'number' && Number.isFinite(columns) && columns > 0 ? Math.floor(columns) : UNKNOWN_COLUMNS;
}

/**
 * Wrap `target` for ora or Ink. Writes pass through (minus DEC private modes on a dumb terminal);
 * `columns` is never 0; `rows` is unlimited so no library decides to clear the screen; 'resize'
 * and 'drain' listeners reach the real stream.
 */
export class TerminalOut extends EventEmitter {
  readonly isTTY: boolean;
  private readonly dumb: boolean;
  private readonly ascii: boolean;

  constructor(
    private readonly target: RawTerminal,
    env: NodeJS.ProcessEnv,
  ) {
    super();
    this.dumb = isDumbTerminal(env);
    this.ascii = !unicodeSupported(env);
    // cli-cursor (Ink, ora) hides the cursor only on a TTY, and its restore-cursor hook writes
    // ESC[?25h straight to process.stderr at exit, past this adapter: a dumb terminal is no TTY
    // to them, so neither ever runs (nor does Ink's synchronized output).
    this.isTTY = target.isTTY === true && !this.dumb;
  }

  get columns(): number {
    return columnsOf(this.target);
  }

  get rows(): number {
    return Number.POSITIVE_INFINITY;
  }

  write(chunk: string | Uint8Array, encoding?: unknown, callback?: unknown): boolean {
    let text = chunk;
    if (this.dumb || this.ascii) {
      text = typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
      if (this.dumb) text = stripDecPrivate(text);
      // A locale without UTF-8: Ink's and ora's drawing in ASCII (same rule as the session's).
      if (this.ascii) text = asciiChrome(text);
    }
    return this.target.write(text, encoding as never, callback as never);
  }

  // readline's cursor helpers, as ora calls them on its stream.
  cursorTo(x: number, callback?: () => void): boolean {
    return this.write(`\x1b[${x + 1}G`, callback);
  }

  moveCursor(dx: number, dy: number, callback?: () => void): boolean {
    let codes = '';
    if (dx) codes += dx > 0 ? `\x1b[${dx}C` : `\x1b[${-dx}D`;
    if (dy) codes += dy > 0 ? `\x1b[${dy}B` : `\x1b[${-dy}A`;
    return this.write(codes, callback);
  }

  clearLine(dir: -1 | 0 | 1, callback?: () => void): boolean {
    return this.write(dir < 0 ? '\x1b[1K' : dir > 0 ? '\x1b[0K' : '\x1b[2K', callback);
  }

  // Listeners for the real stream's events go to the real stream ('resize' for Ink, 'drain' for ora).
  override on(event: string | symbol, listener: (...args: unknown[]) => void): this {
    if (event === 'resize' || event === 'drain') this.target.on?.(String(event), listener);
    else super.on(event, listener);
    return this;
  }

  override once(event: string | symbol, listener: (...args: unknown[]) => void): this {
    if (event === 'resize' || event === 'drain') this.target.once?.(String(event), listener);
    else super.once(event, listener);
    return this;
  }

  override off(event: string | symbol, listener: (...args: unknown[]) => void): this {
    if (event === 'resize' || event === 'drain') this.target.off?.(String(event), listener);
    else super.off(event, listener);
    return this;
  }

  override removeListener(event: string | symbol, listener: (...args: unknown[]) => void): this {
    return this.off(event, listener);
  }

  override addListener(event: string | symbol, listener: (...args: unknown[]) => void): this {
    return this.on(event, listener);
  }
}
