// Helpers every command adapter uses: turning flags and --input JSON into a
// validated input with exit-2 errors that name the field.
import { MissingInputError, UsageError } from '../core/errors.js';
import { parseJsonInput, readTextInput } from '../core/input.js';
import type { RawSettings } from '../core/config/settings.js';
import * as z from '../core/zod.js';
import type { InStream, OutputMode, Session } from './session.js';

export interface GlobalFlags {
  json?: boolean;
  provider?: string;
  host?: string;
  model?: string;
  numCtx?: string;
  numPredict?: string;
  timeout?: string;
  retries?: string;
  temperature?: string;
  seed?: string;
  foldSystem?: boolean;
  concurrency?: string;
  cache?: boolean;
  /** Only `quiz` has the flag (spaced repetition); elsewhere it stays undefined. */
  retention?: string;
}

export type { OutputMode, Session } from './session.js';
export { elapsed } from './session.js';
export { statsMeta } from '../core/meta.js';

/** The session's output mode (kept for call sites written before Session.mode). */
export const outputMode = (session: Session): OutputMode => session.mode;

export function rawSettings(g: GlobalFlags): RawSettings & { cache?: boolean } {
  return {
    provider: g.provider,
    cache: g.cache,
    host: g.host,
    model: g.model,
    num_ctx: g.numCtx,
    num_predict: g.numPredict,
    timeout: g.timeout,
    retries: g.retries,
    temperature: g.temperature,
    seed: g.seed,
    fold_system: g.foldSystem,
    concurrency: g.concurrency,
    retention: g.retention,
  };
}

/** Numbers from flags arrive as strings; anything that is not a plain number stays a string for zod to reject. */
export function numberFlag(value: string | undefined): number | string | undefined {
  if (value === undefined) return undefined;
  return /^\s*-?\d+(\.\d+)?\s*$/.test(value) ? Number(value) : value;
}

/** Comma-separated list flag: "a, b,,c" -> ["a", "b", "c"]. */
export function listFlag(value: string | undefined): string[] | undefined {
  return value === undefined ? undefined : value.split(',').map((s) => s.trim()).filter(Boolean);
}

/**
 * Merge --input JSON (file or `-`) with flags (flags win) over the config's profile defaults, and
 * validate with the command's schema.
 * The error names the flag when the value came from a flag, the field of the file otherwise.
 */
export async function parseCommandInput<T>(
  schema: z.ZodMiniType<T>,
  flags: Record<string, unknown>,
  inputSource: string | undefined,
  stdin: InStream,
  /** Profile defaults from the config (profileDefaultsFor): below the flags and the file. */
  fallback: Record<string, unknown> = {},
): Promise<T> {
  let fromFile: Record<string, unknown> = {};
  if (inputSource !== undefined) {
    const json = parseJsonInput(await readTextInput(inputSource, { flag: '--input', maxBytes: 1024 * 1024, stdin }), '--input');
    if (!json || typeof json !== 'object' || Array.isArray(json)) throw new UsageError('--input: expected a JSON object', 'INVALID_INPUT');
    fromFile = json as Record<string, unknown>;
  }
  const given = Object.fromEntries(Object.entries(flags).filter(([, v]) => v !== undefined));
  const parsed = schema.safeParse({ ...fallback, ...fromFile, ...given });
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const field = String(issue.path[0] ?? (issue as { keys?: string[] }).keys?.[0] ?? '');
  const where = field in given ? `--${field.replace(/_/g, '-')}` : inputSource !== undefined ? `--input ${field || '(object)'}` : `--${field.replace(/_/g, '-')}`;
  const value = given[field] ?? fromFile[field];
  // Absent, not wrong: typed, so a command decides to open a form by the field, never by wording.
  if (issue.code === 'invalid_type' && field !== '' && value === undefined && issue.path.length === 1) {
    throw new MissingInputError(field, `${where}: ${issue.message}`);
  }
  const detail = issue.code === 'invalid_type' && typeof (given[field] ?? fromFile[field]) === 'string' && /number/.test(issue.message)
    ? `expected a number, got "${String(given[field] ?? fromFile[field])}"`
    : issue.message;
  throw new UsageError(`${where}: ${detail}`, 'INVALID_INPUT');
}
