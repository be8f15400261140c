// store.json as text -> the records that fit, and the ones that do not, each with its exact source
// text. A hand edit that breaks one record (a task state "maybe") must cost that record only: it is
// left out of every listing, named in one warning, and kept byte for byte (quarantine.ts) so the
// user can fix it and `careerforge store restore` it. jsonc-parser gives each value's source range,
// which JSON.parse does not (its ESM build: the UMD one loads its parts with a require() the bundle cannot see).
import { findNodeAtLocation, parseTree, type Node } from 'jsonc-parser/lib/esm/main.js';
import { COLLECTIONS, collectionSchemas, storeDataSchema, type CollectionName, type StoreData } from './schema.js';

export interface BadRecord {
  collection: CollectionName;
  /** The record's key; null when the whole collection is not an object of records. */
  id: string | null;
  /** The first problem, with its path inside the record: `progress["1.1.3"]: Invalid option ...`. */
  problem: string;
  /** The record's JSON exactly as it was in the file. */
  text: string;
}

export type Split =
  | { ok: true; data: StoreData; bad: BadRecord[]; internal: unknown }
  | { ok: false; problem: string };

/** The empty store a missing file reads as. */
export const emptyStore = (): StoreData => storeDataSchema.parse({});

/** A zod issue path as a user reads it: `roadmap.roadmap[0].weeks[1].tasks[2]`, `progress["1.1.3"]`. */
export function issuePath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else if (/^[A-Za-z_$][\w$]*$/.test(String(key))) out += out === '' ? String(key) : `.${String(key)}`;
    else out += `[${JSON.stringify(String(key))}]`;
  }
  return out;
}

type Issue = { path: readonly PropertyKey[]; message: string };
const firstProblem = (issues: readonly Issue[]): string => {
  const [issue] = issues;
  if (!issue) return 'invalid';
  const where = issuePath(issue.path);
  return where ? `${where}: ${issue.message}` : issue.message;
};

/** The record `value` is, or why it is not one of `collection`. */
export function checkRecord(collection: CollectionName, value: unknown): { record: unknown } | { problem: string } {
  const parsed = collectionSchemas[collection].safeParse(value);
  if (!parsed.success) return { problem: firstProblem(parsed.error.issues) };
  return { record: parsed.data };
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

const source = (text: string, node: Node | undefined): string => (node ? text.slice(node.offset, node.offset + node.length) : '');

/** Parse store.json's text; `{ok: false}` when it is not a JSON object at all. */
export function splitStore(text: string): Split {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    return { ok: false, problem: `not valid JSON (${(error as Error).message})` };
  }
  if (!isObject(raw)) return { ok: false, problem: `not a JSON object (it holds ${raw === null ? 'null' : Array.isArray(raw) ? 'an array' : `a ${typeof raw}`})` };
  const { __internal__: internal, ...rest } = raw;
  let tree: Node | undefined;
  const { bad, data } = splitObject(rest, (collection, id) => {
    // Only parsed when something is bad: most reads never build the tree.
    tree ??= parseTree(text);
    return source(text, tree && findNodeAtLocation(tree, id === null ? [collection] : [collection, id]));
  });
  return { ok: true, data, bad, internal };
}

/** The records of a store-shaped object that fit, and the ones that do not (text from `sourceOf`). */
export function splitObject(raw: Record<string, unknown>, sourceOf: (collection: CollectionName, id: string | null) => string): { data: StoreData; bad: BadRecord[] } {
  const bad: BadRecord[] = [];
  const data = { ...raw } as Record<string, unknown>;
  for (const collection of COLLECTIONS) {
    const records = raw[collection];
    if (records === undefined) {
      data[collection] = {};
      continue;
    }
    if (!isObject(records)) {
      bad.push({ collection, id: null, problem: 'expected an object of records keyed by id', text: sourceOf(collection, null) });
      data[collection] = {};
      continue;
    }
    const good: Record<string, unknown> = {};
    for (const [id, value] of Object.entries(records)) {
      const checked = checkRecord(collection, value);
      if ('record' in checked) good[id] = checked.record;
      else bad.push({ collection, id, problem: checked.problem, text: sourceOf(collection, id) });
    }
    data[collection] = good;
  }
  return { data: data as StoreData, bad };
}
