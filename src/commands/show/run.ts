// `careerforge show ID [--format text|md|json]`: one saved record of any kind.
import { resolveHome } from '../../core/config/settings.js';
import { UsageError } from '../../core/errors.js';
import { displayText } from '../../core/sanitize.js';
import { parseKind, resolveRecord } from '../../core/records/records.js';
import { LocalStore } from '../../core/store/store.js';
import { colorFor } from '../../render/color.js';
import { showRecord, type ShowFormat } from '../../render/record-show.js';
import { emitPlain } from '../emit-plain.js';
import type { Session } from '../shared.js';

export interface ShowFlags {
  format?: string;
  kind?: string;
  json?: boolean;
}

const FORMATS: ShowFormat[] = ['text', 'md', 'json'];

export async function showCommand(ref: string, flags: ShowFlags, session: Session): Promise<void> {
  const format = (flags.format ?? 'text') as ShowFormat;
  if (!FORMATS.includes(format)) throw new UsageError(`--format: expected text, md or json, got "${flags.format}"`);
  if (flags.json && flags.format !== undefined) throw new UsageError('--json prints the record in the envelope: leave out --format');
  const kind = flags.kind === undefined ? undefined : parseKind(flags.kind);
  const data = await new LocalStore(resolveHome(session.env), session.warn).read();
  const found = resolveRecord(data, ref, kind);
  // Shown, model text is cleaned of control and bidi characters (a record saved by an older version
  // or edited by hand may hold them) and, on screen, cut to what a terminal can take; --format json
  // and --json give the record as saved.
  const shown = format === 'json' ? found : { ...found, record: displayText(found.record, format === 'md' ? Number.POSITIVE_INFINITY : undefined) };
  emitPlain(session, { kind: found.kind, id: found.id, record: found.record }, () => showRecord(shown, format, colorFor(session.colorEnabled('stdout'))));
}
