// `careerforge rm ID`: delete one record (a quiz with its attempts). It asks on a terminal; without
// one, --yes is required, so a script never deletes by accident and never hangs on a question.
import readline from 'node:readline/promises';
import { resolveHome } from '../../core/config/settings.js';
import { InterruptedError, UsageError } from '../../core/errors.js';
import { kindName, parseKind, removeRecord, resolveRecord, titleOf } from '../../core/records/records.js';
import { LocalStore } from '../../core/store/store.js';
import { emitPlain } from '../emit-plain.js';
import type { Session } from '../shared.js';

export interface RmFlags {
  yes?: boolean;
  kind?: string;
  json?: boolean;
}

export async function rmCommand(ref: string, flags: RmFlags, session: Session): Promise<void> {
  const kind = flags.kind === undefined ? undefined : parseKind(flags.kind);
  const store = new LocalStore(resolveHome(session.env), session.warn);
  const found = resolveRecord(await store.read(), ref, kind);
  const label = `${kindName(found.kind)} ${found.id} "${titleOf(found.kind, found.record)}"`;
  if (!flags.yes) {
    if (session.json || !session.stdin.isTTY || !session.stderr.isTTY) {
      throw new UsageError(`rm ${found.id}: pass --yes to delete without a terminal to confirm on`);
    }
    if (!(await confirm(`Delete ${label}? [y/N] `, session))) {
      session.stderr.write('Nothing deleted.\n');
      return;
    }
  }
  // Resolved again under the lock: the record may have gone meanwhile.
  const { removed } = await store.update((data) => removeRecord(data, found.kind, resolveRecord(data, found.id, found.kind).id));
  emitPlain(session, { kind: found.kind, id: found.id, removed }, () => `Deleted ${label}${removed.length > 1 ? ` and ${removed.length - 1} quiz attempt${removed.length === 2 ? '' : 's'}` : ''}.\n`);
}

async function confirm(question: string, session: Session): Promise<boolean> {
  const rl = readline.createInterface({ input: session.stdin, output: session.stderr as NodeJS.WritableStream });
  try {
    const answer = await rl.question(question, { signal: session.signal });
    return /^y(es)?$/i.test(answer.trim());
  } catch {
    throw new InterruptedError();
  } finally {
    rl.close();
  }
}
