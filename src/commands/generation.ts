// The generation pipeline every model-backed command shares: open the run context, drive the core
// generator(s) under the spinner, fill `meta` from the outcome, save one record. What differs per
// command (its input, its generator, what it saves, its view) is passed in; emit() prints.
import { createRunContext, type RunContext } from '../core/context.js';
import { isCareerForgeError, withData, CareerForgeError } from '../core/errors.js';
import type { StoreOptions } from '../core/store/store.js';
import type { GenEvent } from '../core/events.js';
import type { Part } from '../core/parts.js';
import { outcomeMeta, type GenerationOutcome } from '../core/meta.js';
import { addRecord, type RecordCollection } from '../core/store/record.js';
import type { StoreData } from '../core/store/schema.js';
import { withProgress } from '../render/progress.js';
import { emit, type View } from './emit.js';
import type { Session } from './session.js';
import { rawSettings, type GlobalFlags } from './shared.js';

/** Settings resolved (flag > env > config > default), the store opened, meta.model set. */
export async function openContext(session: Session, flags: GlobalFlags): Promise<RunContext> {
  const ctx = await createRunContext(rawSettings(flags), session.env, session.signal, session.warn, session.calls, storeSeam(session.env));
  session.meta.model = ctx.settings.model;
  return ctx;
}

/** Run `work` (one or more core generators) under the spinner; its outcome fills meta. */
export async function generate<O extends GenerationOutcome>(
  session: Session,
  ctx: RunContext,
  label: string,
  work: (on: (event: GenEvent) => void) => Promise<O>,
  onPart?: (part: Part) => void,
): Promise<O> {
  const outcome = await withProgress({ label, warn: session.warn, live: session.spinner(), io: session.spinnerIO(), ...(onPart ? { onPart } : {}) }, work);
  Object.assign(session.meta, outcomeMeta(outcome, ctx.settings.num_ctx));
  return outcome;
}

/**
 * Test seam, read here and never in core: CAREERFORGE_TEST_STORE_WRITE_ERROR=ENOSPC makes every
 * store write of a generator fail with that errno, as a full disk would (there is no full disk in CI).
 */
function storeSeam(env: NodeJS.ProcessEnv): StoreOptions | undefined {
  const code = env.CAREERFORGE_TEST_STORE_WRITE_ERROR?.trim();
  if (!code) return undefined;
  return {
    beforeWrite: (file) => {
      throw Object.assign(new Error(`${code}: injected by CAREERFORGE_TEST_STORE_WRITE_ERROR, write '${file}'`), { code });
    },
  };
}

// A generation that finished but could not be saved (a full disk): its result is still shown, then
// the command fails with the STORE_ERROR (emitGenerated). Kept per session until the emit.
const unsaved = new WeakMap<Session, CareerForgeError>();

/** Run the save of a finished generation; a STORE_ERROR is held for emitGenerated instead of losing the result. */
export async function saveGenerated<R>(session: Session, save: () => Promise<R>): Promise<R | undefined> {
  try {
    return await save();
  } catch (error) {
    if (!isCareerForgeError(error) || error.code !== 'STORE_ERROR') throw error;
    unsaved.set(session, error);
    return undefined;
  }
}

/** Save one generated record (id, created_at, model and input added here); its id becomes meta.id. Undefined when it could not be saved. */
export async function saveRecord<C extends RecordCollection>(
  session: Session,
  ctx: RunContext,
  collection: C,
  input: Record<string, unknown>,
  body: Parameters<typeof addRecord<C>>[3],
): Promise<string | undefined> {
  const id = await saveGenerated(session, () => ctx.store.update((data: StoreData) => addRecord(data, collection, { model: ctx.settings.model, input }, body)));
  if (id !== undefined) session.meta.id = id;
  return id;
}

/**
 * emit() for a generated result. When its save failed, the result is shown all the same and the
 * command then fails with the STORE_ERROR (exit 1): as text, the result on stdout and the error on
 * stderr; with --json, one failure envelope whose `data` is the result.
 */
export async function emitGenerated<T>(session: Session, data: T, view: View<T>): Promise<void> {
  const error = unsaved.get(session);
  if (!error) return emit(session, data, view);
  const failure = new CareerForgeError('STORE_ERROR', `the result was not saved: ${error.message}; it is ${session.mode === 'json' ? 'in data' : 'shown above'}`, error.exitCode, { cause: error });
  if (session.mode === 'json') throw withData(failure, data);
  await emit(session, data, view);
  throw failure;
}
