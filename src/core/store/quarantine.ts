// CAREERFORGE_HOME/quarantine/: what the store set aside, each kept byte for byte in its own file
// so the user can open it, fix it and put it back (`careerforge store restore`). The file name says
// what it was: `roadmaps.r1a2b3c.json` one record, `roadmaps.json` a whole collection that was not
// an object, `store-<time>.json` a store.json that was not JSON at all.
import fs from 'node:fs';
import path from 'node:path';
import { CareerForgeError } from '../errors.js';
import { COLLECTIONS, RECORD_NOUN, type CollectionName } from './schema.js';
import { checkRecord, splitObject } from './split.js';

export type QuarantineKind = 'record' | 'collection' | 'file';

export interface QuarantineEntry {
  /** What `store restore` takes: the record id, the collection, or the file's name without .json. */
  ref: string;
  kind: QuarantineKind;
  collection?: CollectionName;
  id?: string;
  file: string;
  /** Why it cannot go back as it is now (null: it fits and can be restored). */
  problem: string | null;
}

export const quarantineDir = (home: string) => path.join(home, 'quarantine');

/** Ids are free text in a hand-edited file: keep them out of the path (no `/`, no `..`). */
const encodeId = (id: string) => encodeURIComponent(id).replace(/\./g, '%2E').replace(/\*/g, '%2A');

/** A short name for what an entry holds: "roadmap r1a2b3c", "all roadmaps", "store.json of <time>". */
export function describeEntry(entry: Pick<QuarantineEntry, 'kind' | 'collection' | 'id' | 'ref'>): string {
  if (entry.kind === 'record') return `${RECORD_NOUN[entry.collection!]} ${entry.id}`;
  if (entry.kind === 'collection') return `the whole "${entry.collection}" collection`;
  return `store.json set aside as ${entry.ref}`;
}

/** Keep `text` as quarantine/<stem>.json; the same bytes already kept there are not kept twice. */
export function keep(home: string, stem: string, text: string): string {
  const dir = quarantineDir(home);
  try {
    fs.mkdirSync(dir, { recursive: true });
    for (let n = 1; ; n++) {
      const file = path.join(dir, `${stem}${n === 1 ? '' : `.${n}`}.json`);
      try {
        fs.writeFileSync(file, text, { flag: 'wx' });
        return file;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
        if (fs.readFileSync(file, 'utf8') === text) return file;
      }
    }
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    throw new CareerForgeError('STORE_ERROR', `Cannot set aside a bad record in ${dir} (${code}); nothing was changed: check that the directory is writable`);
  }
}

export const recordStem = (collection: CollectionName, id: string | null) => (id === null ? collection : `${collection}.${encodeId(id)}`);

function parseName(name: string): Pick<QuarantineEntry, 'kind' | 'collection' | 'id' | 'ref'> | undefined {
  const stem = name.replace(/\.json$/, '');
  if (stem.startsWith('store-')) return { kind: 'file', ref: stem };
  const [collection, id] = stem.split('.');
  if (!COLLECTIONS.includes(collection as CollectionName)) return undefined;
  if (id === undefined) return { kind: 'collection', collection: collection as CollectionName, ref: collection! };
  let decoded: string;
  try {
    decoded = decodeURIComponent(id);
  } catch {
    return undefined;
  }
  return { kind: 'record', collection: collection as CollectionName, id: decoded, ref: decoded };
}

/** What an entry would add to the store: records by collection, or why it cannot go back. */
export function entryRecords(entry: Pick<QuarantineEntry, 'kind' | 'collection' | 'id'>, text: string): { records: Partial<Record<CollectionName, Record<string, unknown>>> } | { problem: string } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { problem: `not valid JSON (${(error as Error).message})` };
  }
  if (entry.kind === 'record') {
    const checked = checkRecord(entry.collection!, value);
    return 'record' in checked ? { records: { [entry.collection!]: { [entry.id!]: checked.record } } } : checked;
  }
  const isObject = typeof value === 'object' && value !== null && !Array.isArray(value);
  if (!isObject) return { problem: entry.kind === 'file' ? 'not a JSON object' : 'expected an object of records keyed by id' };
  const shaped = entry.kind === 'file' ? (value as Record<string, unknown>) : { [entry.collection!]: value };
  const { __internal__: _internal, ...rest } = shaped;
  const { data, bad } = splitObject(rest, () => '');
  const [first] = bad;
  if (first) return { problem: `${first.id === null ? `"${first.collection}"` : `${RECORD_NOUN[first.collection]} ${first.id}`}: ${first.problem}` };
  const records: Partial<Record<CollectionName, Record<string, unknown>>> = {};
  for (const collection of COLLECTIONS) if (Object.keys(data[collection]).length > 0) records[collection] = data[collection];
  return { records };
}

/** Every entry in quarantine/, oldest name first, each with why it cannot go back yet. */
export function listQuarantine(home: string): QuarantineEntry[] {
  let names: string[];
  try {
    names = fs.readdirSync(quarantineDir(home)).filter((name) => name.endsWith('.json')).sort();
  } catch {
    return [];
  }
  return names.flatMap((name) => {
    const parsed = parseName(name);
    if (!parsed) return [];
    const file = path.join(quarantineDir(home), name);
    let text: string;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch (error) {
      return [{ ...parsed, file, problem: `cannot read it (${(error as NodeJS.ErrnoException).code})` }];
    }
    const found = entryRecords(parsed, text);
    return [{ ...parsed, file, problem: 'problem' in found ? found.problem : null }];
  });
}
