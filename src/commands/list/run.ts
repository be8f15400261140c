// `careerforge list [kind]`: every saved record, newest first.
import { resolveHome } from '../../core/config/settings.js';
import { listRecords, parseKind, RECORD_KINDS } from '../../core/records/records.js';
import { LocalStore } from '../../core/store/store.js';
import { displayText } from '../../core/sanitize.js';
import { colorFor } from '../../render/color.js';
import { recordsText } from '../../render/records-text.js';
import { emitPlain } from '../emit-plain.js';
import type { Session } from '../shared.js';

export async function listCommand(kindArg: string | undefined, session: Session): Promise<void> {
  const kind = kindArg === undefined ? undefined : parseKind(kindArg);
  const data = await new LocalStore(resolveHome(session.env), session.warn).read();
  const records = listRecords(data, kind ? [kind] : RECORD_KINDS);
  emitPlain(session, { records }, () => recordsText(displayText(records), colorFor(session.colorEnabled('stdout')), kind));
}
