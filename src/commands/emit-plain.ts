// Output for the record-keeping commands (logs, list, show, prompts...): the envelope under
// --json, text otherwise. One place, so these commands follow the shared output path when it moves.
import { successEnvelope, writeJson } from '../render/json.js';
import type { Session } from './shared.js';

export function emitPlain(session: Session, data: unknown, text: () => string): void {
  if (session.json) return writeJson(session.stdout, successEnvelope(data, session.meta));
  session.stdout.write(session.localText(text()));
}

/** A line for the user that is not the command's result: stderr, so stdout stays scriptable. */
export function note(session: Session, message: string): void {
  session.stderr.write(session.localText(`${message}\n`));
}
