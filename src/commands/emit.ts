// The one output dispatch: a command hands its result and its view here, and only this module
// knows the three modes. --json: one envelope on stdout. Otherwise the view's one text renderer:
// on a terminal coloured (unless NO_COLOR) and wrapped to its width, for pipes and files plain.
// A static result is written once as lines, never redrawn: it scrolls like any command's output
// and a result taller than the window cannot make a renderer clear the scrollback. Ink is for the
// interactive screens only (forms, quiz taking, the mock interview). Renderers load with import()
// so a JSON run never parses chalk.
import type { ChalkInstance } from 'chalk';
import type { Meta } from '../core/meta.js';
import { displayText } from '../core/sanitize.js';
import { successEnvelope } from '../render/json.js';
import { writeJson } from '../render/streams.js';
import { elapsed, type Session } from './session.js';

export interface View<T> {
  /** The one renderer of this result, for terminals, pipes and files alike. */
  text(): Promise<(data: T, meta: Meta, c: ChalkInstance) => string>;
}

export async function emit<T>(session: Session, data: T, view: View<T>): Promise<void> {
  session.meta.latency_ms ??= elapsed(session);
  if (session.mode === 'json') return writeJson(session.stdout, successEnvelope(data, session.meta));
  await write(session, await renderText(session, data, view));
}

/** The view as text for stdout (wrapped on a terminal), for a command that prints it beside something else. */
export async function renderText<T>(session: Session, data: T, view: View<T>): Promise<string> {
  const [render, { colorFor }, { wrapText }] = await Promise.all([view.text(), import('../render/color.js'), import('../render/wrap.js')]);
  // Model text as a view may show it (core/sanitize.ts): no control or bidi characters, no string
  // longer than DISPLAY_MAX_CHARS. The data itself (saved, --json) stays whole.
  const text = session.localText(render(displayText(data), session.meta, colorFor(session.colorEnabled('stdout'))));
  return session.stdout.isTTY === true ? wrapText(text, session.stdout.columns) : text;
}

/** A result with nothing to render but a line of text (`config get`, `progress done`). */
export function emitLine(session: Session, data: unknown, text: string): void {
  session.meta.latency_ms ??= elapsed(session);
  if (session.mode === 'json') return writeJson(session.stdout, successEnvelope(data, session.meta));
  session.stdout.write(session.localText(text.endsWith('\n') || text === '' ? text : `${text}\n`));
}

/** Resolves once the stream has taken the text, so the process can exit right after. */
function write(session: Session, text: string): Promise<void> {
  return new Promise((resolve) => session.stdout.write(text, () => resolve()));
}
