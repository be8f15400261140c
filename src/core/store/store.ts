// The local store: JSON files under the CareerForge home, written atomically by conf.
// conf does not lock, so every read-modify-write here runs under a proper-lockfile lock: twenty
// processes marking tasks at once must lose nothing. A file that no longer parses or validates is
// never wiped silently: it is moved aside as a backup, we say so, and go on with a fresh one.
import fs from 'node:fs';
import path from 'node:path';
import Conf from 'conf';
import lockfile from 'proper-lockfile';
import { CareerForgeError } from '../errors.js';
import * as z from '../zod.js';
import { describeIssues } from '../zod.js';
import { storedConfigSchema, type StoredConfig } from '../config/schema.js';
import { STORE_VERSION, storeDataSchema, type StoreData } from './schema.js';

export type Warn = (message: string) => void;

/** One JSON file under the home: `name`.json, validated by `schema` as it is opened. */
export interface FileSpec<T> {
  name: string;
  schema: z.ZodMiniType<T>;
}

const STORE: FileSpec<StoreData> = { name: 'store', schema: storeDataSchema };
const CONFIG: FileSpec<StoredConfig> = { name: 'config', schema: storedConfigSchema };

/** Store migrations, keyed by the store version that introduced them (conf runs them in order). */
const migrations: Record<string, (store: Conf<Record<string, unknown>>) => void> = {
  '1.0.0': (store) => {
    if (!store.has('roadmaps')) store.set('roadmaps', {});
  },
};

export class LocalStore {
  constructor(
    readonly home: string,
    /** Where a set-aside file is reported: the session's stderr (core writes to no stream itself). */
    private readonly warn: Warn,
  ) {}

  /** A consistent snapshot of the store. */
  read(): Promise<StoreData> {
    return this.withLock(() => this.open(STORE).data);
  }

  /** Read-modify-write under the lock; `change` mutates the data in place and may return a value. */
  update<R>(change: (data: StoreData) => R): Promise<R> {
    return this.modify(STORE, change);
  }

  readConfig(): Promise<StoredConfig> {
    return this.withLock(() => this.open(CONFIG).data);
  }

  updateConfig<R>(change: (config: StoredConfig) => R): Promise<R> {
    return this.modify(CONFIG, change);
  }

  /** Another file of the home (cards.json), read under the same lock as the store. */
  readFile<T>(spec: FileSpec<T>): Promise<T> {
    return this.withLock(() => this.open(spec).data);
  }

  /** Read-modify-write of another file of the home, under the same lock as the store. */
  updateFile<T, R>(spec: FileSpec<T>, change: (data: T) => R): Promise<R> {
    return this.modify(spec, change);
  }

  private modify<T, R>(spec: FileSpec<T>, change: (data: T) => R): Promise<R> {
    return this.withLock(() => {
      const { data, save } = this.open(spec);
      const result = change(data);
      save(data);
      return result;
    });
  }

  path(name: 'store' | 'config' | (string & {})): string {
    return path.join(this.home, `${name}.json`);
  }

  private open<T>(spec: FileSpec<T>): { conf: Conf<Record<string, unknown>>; data: T; save(data: T): void } {
    for (let tries = 0; ; tries++) {
      // conf runs migrations (and rewrites the file) as it opens; keep the bytes as they were, so a
      // file set aside below is backed up exactly as the user left it.
      const original = readIfExists(this.path(spec.name));
      try {
        const conf = this.conf(spec.name);
        const { __internal__: _internal, ...raw } = conf.store;
        const parsed = spec.schema.safeParse(raw);
        // conf keeps its migration bookkeeping under __internal__: write it back untouched.
        const save = (data: T) => (conf.store = { ...(data as Record<string, unknown>), ...(_internal ? { __internal__: _internal } : {}) });
        if (parsed.success) return { conf, data: parsed.data, save };
        if (tries > 0) throw new CareerForgeError('STORE_ERROR', `${this.path(spec.name)} is invalid: ${describeIssues(parsed.error.issues)[0]}`);
        this.setAside(spec.name, describeIssues(parsed.error.issues)[0] ?? 'invalid data', original);
      } catch (error) {
        if (error instanceof CareerForgeError) throw error;
        if (tries > 0 || !(error instanceof SyntaxError)) {
          throw new CareerForgeError('STORE_ERROR', `Cannot open ${this.path(spec.name)}: ${(error as Error).message}`);
        }
        this.setAside(spec.name, `not valid JSON (${error.message})`, original);
      }
    }
  }

  private conf(name: string): Conf<Record<string, unknown>> {
    return new Conf<Record<string, unknown>>({
      cwd: this.home,
      configName: name,
      projectVersion: STORE_VERSION,
      migrations: name === STORE.name ? migrations : undefined,
      clearInvalidConfig: false,
      accessPropertiesByDotNotation: false,
    });
  }

  private setAside(name: string, why: string, original?: Buffer): void {
    const file = this.path(name);
    const backup = `${file}.corrupt-${new Date().toISOString().replace(/[:.]/g, '-')}`;
    if (original) {
      fs.writeFileSync(backup, original, { flag: 'wx' });
      fs.rmSync(file);
    } else {
      fs.renameSync(file, backup);
    }
    this.warn(`${file} was unreadable (${why}); moved it to ${backup} and started a fresh one`);
  }

  private async withLock<R>(run: () => R): Promise<R> {
    try {
      fs.mkdirSync(this.home, { recursive: true });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
      throw new CareerForgeError('STORE_ERROR', `Cannot create the CareerForge home ${this.home} (${code}): set CAREERFORGE_HOME to a writable directory`);
    }
    let release: () => Promise<void>;
    try {
      release = await lockfile.lock(this.home, {
        lockfilePath: path.join(this.home, 'store.lock'),
        realpath: false,
        stale: 10_000,
        retries: { retries: 200, minTimeout: 10, maxTimeout: 100, randomize: true },
      });
    } catch (error) {
      throw new CareerForgeError('STORE_ERROR', `Cannot lock the store in ${this.home}: ${(error as Error).message}`);
    }
    try {
      return run();
    } finally {
      await release();
    }
  }
}

function readIfExists(file: string): Buffer | undefined {
  try {
    return fs.readFileSync(file);
  } catch {
    return undefined;
  }
}
