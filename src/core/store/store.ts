// The local store: JSON files under the CareerForge home, written atomically by conf.
// Reads take no lock and write nothing (a read-only home, or a listing, never rewrites a file);
// every read-modify-write runs under the store lock (lock.ts), so twenty processes marking tasks at
// once lose nothing. A record of store.json that no longer fits is left out and named in one
// warning; the next change moves it, byte for byte, to quarantine/ (quarantine.ts) and keeps
// everything else. A store.json that is not JSON is never silently replaced: reads say so and
// leave it, the next change keeps a copy in quarantine/ before it starts a fresh one.
import fs from 'node:fs';
import path from 'node:path';
import Conf from 'conf';
import { CareerForgeError, NotFoundError } from '../errors.js';
import * as z from '../zod.js';
import { describeIssues } from '../zod.js';
import { storedConfigSchema, type StoredConfig } from '../config/schema.js';
import { withLock, type LockOptions, type Warn } from './lock.js';
import { describeEntry, entryRecords, keep, listQuarantine, quarantineDir, recordStem, type QuarantineEntry } from './quarantine.js';
import { RECORD_NOUN, STORE_VERSION, type StoreData } from './schema.js';
import { emptyStore, splitStore, type BadRecord } from './split.js';

export type { Warn } from './lock.js';

/** One JSON file under the home: `name`.json, validated by `schema` as it is opened. */
export interface FileSpec<T> {
  name: string;
  schema: z.ZodMiniType<T>;
}

export interface StoreOptions extends LockOptions {
  /** Test seam (set by the commands layer): called before store.json is written; may throw. */
  beforeWrite?: (file: string) => void;
}

const CONFIG: FileSpec<StoredConfig> = { name: 'config', schema: storedConfigSchema };

/** Store migrations, keyed by the store version that introduced them (conf runs them in order). */
const migrations: Record<string, (store: Conf<Record<string, unknown>>) => void> = {
  '1.0.0': (store) => {
    if (!store.has('roadmaps')) store.set('roadmaps', {});
  },
};

// What was already said to a session (its warn function): a command that reads the store three
// times warns once. Keyed weakly, so in-process test runs each start afresh.
const said = new WeakMap<Warn, Set<string>>();

export interface StoreReport {
  /** Records of store.json left out as they are; the next change moves them to quarantine/. */
  inStore: BadRecord[];
  /** Why store.json itself cannot be read (not JSON), if it cannot. */
  unreadable?: string;
  quarantined: QuarantineEntry[];
}

export interface RestoreOutcome {
  ref: string;
  what: string;
  restored: boolean;
  /** Why it stayed in quarantine. */
  problem?: string;
  file: string;
}

type Opened = { data: StoreData; bad: BadRecord[]; unreadable?: string; internal: unknown };

export class LocalStore {
  constructor(
    readonly home: string,
    /** Where a set-aside record is reported: the session's stderr (core writes to no stream itself). */
    private readonly warn: Warn,
    private readonly options: StoreOptions = {},
  ) {}

  /** The store as it is on disk: no lock, nothing written. Records that do not fit are left out and reported. */
  async read(): Promise<StoreData> {
    const opened = this.openStore();
    this.report(opened);
    return opened.data;
  }

  /** Read-modify-write under the lock; `change` mutates the data in place and may return a value. */
  update<R>(change: (data: StoreData) => R): Promise<R> {
    return withLock(this.home, this.warn, () => {
      const opened = this.openStore();
      this.setAside(opened);
      const result = change(opened.data);
      this.saveStore(opened.data);
      return result;
    }, this.options);
  }

  readConfig(): Promise<StoredConfig> {
    return this.readFile(CONFIG);
  }

  updateConfig<R>(change: (config: StoredConfig) => R): Promise<R> {
    return this.updateFile(CONFIG, change);
  }

  /** Another file of the home (config.json, cards.json): no lock, nothing written; a bad file reads as empty, with a warning. */
  async readFile<T>(spec: FileSpec<T>): Promise<T> {
    const file = this.path(spec.name);
    const bytes = readIfExists(file);
    if (bytes === undefined) return spec.schema.parse({});
    const parsed = parseFile(spec, bytes);
    if (parsed.success) return parsed.data;
    this.once(`${file} is unreadable (${parsed.why}); going on without it and leaving it as it is until it is fixed`);
    return spec.schema.parse({});
  }

  /** Read-modify-write of another file of the home, under the same lock as the store. */
  updateFile<T, R>(spec: FileSpec<T>, change: (data: T) => R): Promise<R> {
    return withLock(this.home, this.warn, () => {
      const file = this.path(spec.name);
      const bytes = readIfExists(file);
      let data = bytes === undefined ? spec.schema.parse({}) : undefined;
      if (bytes !== undefined) {
        const parsed = parseFile(spec, bytes);
        if (parsed.success) data = parsed.data;
        else {
          // A change needs a file it can write: keep the old one beside it, byte for byte.
          const backup = `${file}.corrupt-${new Date().toISOString().replace(/[:.]/g, '-')}`;
          writeOrFail(backup, bytes, { flag: 'wx' });
          fs.rmSync(file);
          this.warn(`${file} was unreadable (${parsed.why}); moved it to ${backup} and started a fresh one`);
          data = spec.schema.parse({});
        }
      }
      const result = change(data!);
      this.write(spec.name, data as Record<string, unknown>);
      return result;
    }, this.options);
  }

  path(name: 'store' | 'config' | (string & {})): string {
    return path.join(this.home, `${name}.json`);
  }

  /** What `careerforge store list` shows: records left out of store.json and everything in quarantine/. Writes nothing. */
  inspect(): StoreReport {
    const opened = this.openStore();
    return { inStore: opened.bad, ...(opened.unreadable ? { unreadable: opened.unreadable } : {}), quarantined: listQuarantine(this.home) };
  }

  /**
   * Put quarantined entries back (all of them when `refs` is empty). One that still does not fit,
   * or whose id is taken meanwhile, stays where it is with the reason. Unknown refs are a NotFound.
   */
  restore(refs: string[]): Promise<RestoreOutcome[]> {
    return withLock(this.home, this.warn, () => {
      const opened = this.openStore();
      this.setAside(opened);
      const entries = listQuarantine(this.home);
      const chosen = refs.length === 0 ? entries : refs.map((ref) => pick(entries, ref));
      const outcomes: RestoreOutcome[] = [];
      const restored: string[] = [];
      for (const entry of new Set(chosen)) {
        const outcome = { ref: entry.ref, what: describeEntry(entry), file: entry.file };
        const found = entryRecords(entry, fs.readFileSync(entry.file, 'utf8'));
        if ('problem' in found) {
          outcomes.push({ ...outcome, restored: false, problem: found.problem });
          continue;
        }
        const taken = Object.entries(found.records).flatMap(([collection, records]) =>
          Object.keys(records).filter((id) => id in opened.data[collection as keyof typeof found.records]).map((id) => `${RECORD_NOUN[collection as keyof typeof RECORD_NOUN]} ${id}`),
        );
        if (taken.length > 0) {
          outcomes.push({ ...outcome, restored: false, problem: `${taken[0]} is already in the store (remove one of the two first)` });
          continue;
        }
        for (const [collection, records] of Object.entries(found.records)) Object.assign(opened.data[collection as keyof typeof found.records], records);
        outcomes.push({ ...outcome, restored: true });
        restored.push(entry.file);
      }
      if (restored.length > 0) this.saveStore(opened.data);
      // Only once the store holds them: a failed write above leaves them in quarantine.
      for (const file of restored) fs.rmSync(file, { force: true });
      return outcomes;
    }, this.options);
  }

  private openStore(): Opened {
    const file = this.path('store');
    const bytes = readIfExists(file);
    if (bytes === undefined) return { data: emptyStore(), bad: [], internal: undefined };
    const split = splitStore(bytes.toString('utf8'));
    if (!split.ok) return { data: emptyStore(), bad: [], unreadable: split.problem, internal: undefined };
    return { data: split.data, bad: split.bad, internal: split.internal };
  }

  /** One warning for what a read left out (said once per session). */
  private report(opened: Opened): void {
    if (opened.unreadable) {
      const file = this.path('store');
      this.once(`${file} is ${opened.unreadable}: nothing in it can be read, and it is left as it is (the next change keeps a copy in ${quarantineDir(this.home)}); see careerforge store list`);
      return;
    }
    const fresh = opened.bad.filter((bad) => !this.alreadySaid(badKey(bad)));
    if (fresh.length === 0) return;
    for (const bad of fresh) this.remember(badKey(bad));
    const n = fresh.length;
    const names = fresh.map((bad) => `${bad.id === null ? `all ${bad.collection}` : `${RECORD_NOUN[bad.collection]} ${bad.id}`} (${bad.problem})`).join(', ');
    this.warn(`${n} saved record${n === 1 ? '' : 's'} could not be read and ${n === 1 ? 'was' : 'were'} set aside: ${names}; see careerforge store list`);
  }

  /** Inside a change: move what does not fit to quarantine/ before the store is written without it. */
  private setAside(opened: Opened): void {
    const file = this.path('store');
    if (opened.unreadable) {
      const kept = keep(this.home, `store-${new Date().toISOString().replace(/[:.]/g, '-')}`, readIfExists(file)!.toString('utf8'));
      fs.rmSync(file, { force: true });
      this.once(`${file} was ${opened.unreadable}: kept it byte for byte as ${kept} and started a fresh store; see careerforge store list`);
      opened.unreadable = undefined;
      return;
    }
    for (const bad of opened.bad) keep(this.home, recordStem(bad.collection, bad.id), bad.text);
    this.report(opened);
  }

  private saveStore(data: StoreData): void {
    this.write('store', data);
  }

  /** Write `name`.json through conf; a failure (a full disk, a read-only home) is a STORE_ERROR naming the file and the cause. */
  private write(name: string, data: Record<string, unknown>): void {
    const file = this.path(name);
    try {
      this.options.beforeWrite?.(file);
      // conf may write as it opens (its migration bookkeeping), so it opens only past the seam.
      const conf = this.conf(name);
      const { __internal__: internal } = conf.store;
      conf.store = { ...data, ...(internal ? { __internal__: internal } : {}) };
    } catch (error) {
      throw writeError(file, error);
    }
  }

  private conf(name: string): Conf<Record<string, unknown>> {
    return new Conf<Record<string, unknown>>({
      cwd: this.home,
      configName: name,
      projectVersion: STORE_VERSION,
      migrations: name === 'store' ? migrations : undefined,
      clearInvalidConfig: false,
      accessPropertiesByDotNotation: false,
    });
  }

  private once(message: string): void {
    if (this.alreadySaid(message)) return;
    this.remember(message);
    this.warn(message);
  }

  private alreadySaid(key: string): boolean {
    return said.get(this.warn)?.has(`${this.home}\0${key}`) ?? false;
  }

  private remember(key: string): void {
    const seen = said.get(this.warn) ?? new Set<string>();
    seen.add(`${this.home}\0${key}`);
    said.set(this.warn, seen);
  }
}

const badKey = (bad: BadRecord) => `bad\0${bad.collection}\0${bad.id ?? ''}`;

const ERRNO_TEXT: Record<string, string> = {
  ENOSPC: 'no space left on device: free some disk space and run again',
  EDQUOT: 'disk quota exceeded: free some space and run again',
  EROFS: 'the file system is read-only: set CAREERFORGE_HOME to a writable directory',
  EACCES: 'permission denied: check the permissions of the CareerForge home or set CAREERFORGE_HOME',
  EPERM: 'permission denied: check the permissions of the CareerForge home or set CAREERFORGE_HOME',
};

export function writeError(file: string, error: unknown): CareerForgeError {
  if (error instanceof CareerForgeError) return error;
  const code = (error as NodeJS.ErrnoException)?.code;
  const why = code ? `${code}, ${ERRNO_TEXT[code] ?? (error as Error).message}` : (error as Error)?.message;
  return new CareerForgeError('STORE_ERROR', `Cannot save ${file} (${why})`, undefined, { cause: error });
}

function pick(entries: QuarantineEntry[], ref: string): QuarantineEntry {
  const matches = entries.filter((entry) => [entry.ref, path.basename(entry.file), path.basename(entry.file, '.json')].includes(ref));
  if (matches.length === 1) return matches[0]!;
  if (matches.length > 1) {
    throw new NotFoundError(`"${ref}" names ${matches.length} set-aside entries: use the file name, e.g. ${path.basename(matches[0]!.file, '.json')}`);
  }
  throw new NotFoundError(`nothing set aside is called "${ref}": see careerforge store list`);
}

function parseFile<T>(spec: FileSpec<T>, bytes: Buffer): { success: true; data: T } | { success: false; why: string } {
  let raw: unknown;
  try {
    raw = JSON.parse(bytes.toString('utf8'));
  } catch (error) {
    return { success: false, why: `not valid JSON (${(error as Error).message})` };
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return { success: false, why: 'not a JSON object' };
  const { __internal__: _internal, ...rest } = raw as Record<string, unknown>;
  const parsed = spec.schema.safeParse(rest);
  return parsed.success ? { success: true, data: parsed.data } : { success: false, why: describeIssues(parsed.error.issues)[0] ?? 'invalid data' };
}

function writeOrFail(file: string, bytes: Buffer, opts: fs.WriteFileOptions): void {
  try {
    fs.writeFileSync(file, bytes, opts);
  } catch (error) {
    throw writeError(file, error);
  }
}

function readIfExists(file: string): Buffer | undefined {
  try {
    return fs.readFileSync(file);
  } catch (error) {
    // ENOTDIR: a part of the home's path is a file, so there is no such file; a change says why it cannot make one.
    if (['ENOENT', 'ENOTDIR'].includes((error as NodeJS.ErrnoException).code ?? '')) return undefined;
    throw new CareerForgeError('STORE_ERROR', `Cannot read ${file} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}): check its permissions`, undefined, { cause: error });
  }
}
