// `careerforge store [list] | restore [ID...]`: what the store set aside because it no longer fit
// (a hand edit, an older version's file), why, and putting it back once the user fixed the file.
// `list` is read-only like every listing; `restore` is a change under the store lock.
import path from 'node:path';
import { resolveHome } from '../../core/config/settings.js';
import { CareerForgeError, ExitCode, UsageError } from '../../core/errors.js';
import { describeEntry } from '../../core/store/quarantine.js';
import { RECORD_NOUN } from '../../core/store/schema.js';
import { LocalStore, type StoreReport } from '../../core/store/store.js';
import { emitPlain } from '../emit-plain.js';
import type { Session } from '../shared.js';

export async function storeCommand(action: string | undefined, ids: string[], session: Session): Promise<void> {
  const store = new LocalStore(resolveHome(session.env), session.warn);
  const verb = action ?? 'list';
  if (verb === 'list' || verb === 'ls') {
    if (ids.length > 0) throw new UsageError(`unexpected argument "${ids[0]}": usage: careerforge store list`);
    const report = store.inspect();
    return emitPlain(session, listData(report), () => listText(report, store));
  }
  if (verb !== 'restore') throw new UsageError(`unknown store action "${verb}": use list or restore`);
  const outcomes = await store.restore(ids);
  const restored = outcomes.filter((o) => o.restored);
  const refused = outcomes.filter((o) => !o.restored);
  const data = { restored: restored.map(({ ref, file }) => ({ ref, file })), refused: refused.map(({ ref, file, problem }) => ({ ref, file, problem })) };
  if (refused.length > 0) {
    if (!session.json) for (const o of restored) session.stdout.write(`Restored ${o.what}.\n`);
    const why = refused.map((o) => `${o.what} is still invalid (${o.problem}); fix ${o.file} and run again`).join('; ');
    throw new CareerForgeError('INVALID_INPUT', `${refused.length === 1 ? 'not restored' : `${refused.length} not restored`}: ${why}`, ExitCode.usage, { data });
  }
  emitPlain(session, data, () => (restored.length === 0 ? 'Nothing is set aside: there is nothing to restore.\n' : restored.map((o) => `Restored ${o.what}.\n`).join('')));
}

function listData(report: StoreReport) {
  return {
    quarantined: report.quarantined.map((e) => ({ ref: e.ref, kind: e.kind, ...(e.collection ? { collection: e.collection } : {}), ...(e.id !== undefined ? { id: e.id } : {}), file: e.file, restorable: e.problem === null, problem: e.problem })),
    in_store: report.inStore.map((b) => ({ collection: b.collection, id: b.id, problem: b.problem })),
    ...(report.unreadable ? { store_unreadable: report.unreadable } : {}),
  };
}

function listText(report: StoreReport, store: LocalStore): string {
  const lines: string[] = [];
  if (report.unreadable) lines.push(`${store.path('store')} is ${report.unreadable}: it is left as it is; the next change keeps a copy in quarantine/ and starts a fresh store.`);
  if (report.inStore.length > 0) {
    lines.push(`Left out of ${store.path('store')} as they are (the next change moves them to quarantine/):`);
    for (const bad of report.inStore) lines.push(`  ${bad.id === null ? `all ${bad.collection}` : `${RECORD_NOUN[bad.collection]} ${bad.id}`}: ${bad.problem}`);
  }
  if (report.quarantined.length > 0) {
    lines.push(`Set aside in ${path.dirname(report.quarantined[0]!.file)}:`);
    for (const e of report.quarantined) {
      lines.push(`  ${e.ref}  ${describeEntry(e)}, ${path.basename(e.file)}: ${e.problem === null ? 'fits again, ready to restore' : `still invalid: ${e.problem}`}`);
    }
    lines.push('Fix a file, then put it back with: careerforge store restore ID');
  }
  if (lines.length === 0) lines.push('Nothing is set aside: every saved record reads fine.');
  return `${lines.join('\n')}\n`;
}
