// `careerforge rename ID "title"`: a title of the user's own, kept on the record.
import { line } from '../../core/common-schema.js';
import { resolveHome } from '../../core/config/settings.js';
import { UsageError } from '../../core/errors.js';
import { kindName, parseKind, recordsOf, resolveRecord } from '../../core/records/records.js';
import { LocalStore } from '../../core/store/store.js';
import { emitPlain } from '../emit-plain.js';
import type { Session } from '../shared.js';

export interface RenameFlags {
  kind?: string;
  json?: boolean;
}

const titleSchema = line(120);

export async function renameCommand(ref: string, rawTitle: string, flags: RenameFlags, session: Session): Promise<void> {
  const parsed = titleSchema.safeParse(rawTitle);
  if (!parsed.success) throw new UsageError(`title: ${parsed.error.issues[0]?.message ?? 'invalid'}`, 'INVALID_INPUT');
  const title = parsed.data;
  const kind = flags.kind === undefined ? undefined : parseKind(flags.kind);
  const store = new LocalStore(resolveHome(session.env), session.warn);
  const found = await store.update((data) => {
    const hit = resolveRecord(data, ref, kind);
    recordsOf(data, hit.kind)[hit.id]!.title = title;
    return hit;
  });
  emitPlain(session, { kind: found.kind, id: found.id, title }, () => `Renamed ${kindName(found.kind)} ${found.id} to "${title}".\n`);
}
