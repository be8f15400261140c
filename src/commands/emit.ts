// The one output dispatch: a command hands its result and its view here, and only this module
// knows the three modes. --json: one envelope on stdout. A terminal: the view's Ink form when it
// has one. Otherwise (pipes, files): the text renderer, coloured only when the session says so.
// Renderers load with import() so a JSON run never parses chalk or Ink.
import type { ChalkInstance } from 'chalk';
import type { Meta } from '../core/meta.js';
import { successEnvelope } from '../render/json.js';
import { writeJson, type Screen } from '../render/streams.js';
import { elapsed, type Session } from './session.js';

export interface View<T> {
  /** The text renderer (pipes, files, and terminals without an Ink form). */
  text(): Promise<(data: T, meta: Meta, c: ChalkInstance) => string>;
  /** An Ink rendering for terminals. */
  ink?(): Promise<(data: T, meta: Meta, screen: Screen) => Promise<void>>;
}

export async function emit<T>(session: Session, data: T, view: View<T>): Promise<void> {
  session.meta.latency_ms ??= elapsed(session);
  if (session.mode === 'json') return writeJson(session.stdout, successEnvelope(data, session.meta));
  if (session.mode === 'ink' && view.ink) return (await view.ink())(data, session.meta, session.screen());
  session.stdout.write(await renderText(session, data, view));
}

/** The view as text for stdout, for a command that prints it beside something else. */
export async function renderText<T>(session: Session, data: T, view: View<T>): Promise<string> {
  const [render, { colorFor }] = await Promise.all([view.text(), import('../render/color.js')]);
  return render(data, session.meta, colorFor(session.colorEnabled('stdout')));
}

/** A result with nothing to render but a line of text (`config get`, `progress done`). */
export function emitLine(session: Session, data: unknown, text: string): void {
  session.meta.latency_ms ??= elapsed(session);
  if (session.mode === 'json') return writeJson(session.stdout, successEnvelope(data, session.meta));
  session.stdout.write(text.endsWith('\n') || text === '' ? text : `${text}\n`);
}
