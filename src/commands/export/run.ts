// `careerforge export --rated [--out FILE]`: the rated generations with their prompts as a JSONL
// fine-tuning dataset (core/ratings/dataset.ts), on stdout or written atomically to a file.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { resolveHome } from '../../core/config/settings.js';
import { UsageError } from '../../core/errors.js';
import { ratedDataset, toJsonl } from '../../core/ratings/dataset.js';
import { LocalStore } from '../../core/store/store.js';
import { emitPlain } from '../emit-plain.js';
import type { Session } from '../shared.js';
import { plural } from '../../core/plural.js';

export interface ExportFlags {
  rated?: boolean;
  out?: string;
  json?: boolean;
}

export async function exportCommand(flags: ExportFlags, session: Session): Promise<void> {
  if (!flags.rated) throw new UsageError('export: say what to export: --rated (the rated generations as a JSONL fine-tuning dataset)');
  const home = resolveHome(session.env);
  const dataset = ratedDataset(home, await new LocalStore(home, session.warn).read());
  const text = toJsonl(dataset.lines);
  if (dataset.unlogged.length > 0) {
    const n = dataset.unlogged.length;
    session.warn(`${n} rated record${n === 1 ? ' has' : 's have'} no accepted call in the call log and ${n === 1 ? 'is' : 'are'} left out (${dataset.unlogged.slice(0, 5).join(', ')}${n > 5 ? ', ...' : ''})`);
  }
  if (dataset.redacted > 0) session.warn(`${dataset.redacted} example${dataset.redacted === 1 ? '' : 's'} had a CV or job ad left out of the call log (generate with --log-documents to keep them)`);
  let out: string | undefined;
  if (flags.out !== undefined) out = writeAtomically(flags.out, text);
  const data = { examples: dataset.lines.length, records: dataset.records, unlogged: dataset.unlogged, ...(out ? { out, bytes: Buffer.byteLength(text) } : { content: text }) };
  if (session.json) return emitPlain(session, data, () => '');
  if (out) return void session.stderr.write(`wrote ${plural(dataset.lines.length, 'example')} from ${plural(dataset.records, 'rated record')} to ${out}\n`);
  if (dataset.lines.length === 0) session.warn('no rated generations with logged calls yet: rate one with careerforge rate ID 1-5');
  session.stdout.write(text);
}

/** Write beside the target and rename, so an interrupted export never leaves half a file. */
function writeAtomically(file: string, text: string): string {
  const out = path.resolve(file);
  const temp = `${out}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    fs.writeFileSync(temp, text);
    fs.renameSync(temp, out);
  } catch (error) {
    fs.rmSync(temp, { force: true });
    throw new UsageError(`--out: cannot write ${out}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  return out;
}
