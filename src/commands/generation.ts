// The generation pipeline every model-backed command shares: open the run context, drive the core
// generator(s) under the spinner, fill `meta` from the outcome, save one record. What differs per
// command (its input, its generator, what it saves, its view) is passed in; emit() prints.
import { createRunContext, type RunContext } from '../core/context.js';
import type { GenEvent } from '../core/events.js';
import type { Part } from '../core/parts.js';
import { outcomeMeta, type GenerationOutcome } from '../core/meta.js';
import { addRecord, type RecordCollection } from '../core/store/record.js';
import type { StoreData } from '../core/store/schema.js';
import { withProgress } from '../render/progress.js';
import type { Session } from './session.js';
import { rawSettings, type GlobalFlags } from './shared.js';

/** Settings resolved (flag > env > config > default), the store opened, meta.model set. */
export async function openContext(session: Session, flags: GlobalFlags): Promise<RunContext> {
  const ctx = await createRunContext(rawSettings(flags), session.env, session.signal, session.warn, session.calls);
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

/** Save one generated record (id, created_at, model and input added here); its id becomes meta.id. */
export async function saveRecord<C extends RecordCollection>(
  session: Session,
  ctx: RunContext,
  collection: C,
  input: Record<string, unknown>,
  body: Parameters<typeof addRecord<C>>[3],
): Promise<string> {
  const id = await ctx.store.update((data: StoreData) => addRecord(data, collection, { model: ctx.settings.model, input }, body));
  session.meta.id = id;
  return id;
}
