// Helpers every command adapter uses: the per-run session, turning flags and --input JSON into a
// validated input with exit-2 errors that name the field, and choosing the renderer.
import { UsageError } from '../core/errors.js';
import { parseJsonInput, readTextInput } from '../core/input.js';
import { tokensPerSecond, type CallStats } from '../core/events.js';
import type { RawSettings } from '../core/config/settings.js';
import type { Warn } from '../core/store/store.js';
import * as z from '../core/zod.js';
import type { Meta } from '../render/json.js';
import type { CallHooks } from '../core/llm/hooks.js';

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
  cache?: boolean;
}

/** One run of the CLI: what the command adapters and the top-level error handler share. */
export interface Session {
  json: boolean;
  env: NodeJS.ProcessEnv;
  signal: AbortSignal;
  /** Filled by the command as it learns things; the error envelope carries it too. */
  meta: Meta;
  /** Data to include in a failure envelope (for example the checks of a failed health run). */
  failureData?: unknown;
  warn: Warn;
  started: number;
  /** Call log or --dry-run hooks for the model calls of this run (set by cli.ts, see call-records.ts). */
  calls?: CallHooks;
}

export type OutputMode = 'json' | 'ink' | 'text';

export function outputMode(session: Session): OutputMode {
  if (session.json) return 'json';
  return process.stdout.isTTY && process.stdin.isTTY ? 'ink' : 'text';
}

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
 * Merge --input JSON (file or `-`) with flags (flags win) and validate with the command's schema.
 * The error names the flag when the value came from a flag, the field of the file otherwise.
 */
export async function parseCommandInput<T>(
  schema: z.ZodMiniType<T>,
  flags: Record<string, unknown>,
  inputSource: string | undefined,
): Promise<T> {
  let fromFile: Record<string, unknown> = {};
  if (inputSource !== undefined) {
    const json = parseJsonInput(await readTextInput(inputSource, { flag: '--input', maxBytes: 1024 * 1024 }), '--input');
    if (!json || typeof json !== 'object' || Array.isArray(json)) throw new UsageError('--input: expected a JSON object', 'INVALID_INPUT');
    fromFile = json as Record<string, unknown>;
  }
  const given = Object.fromEntries(Object.entries(flags).filter(([, v]) => v !== undefined));
  const parsed = schema.safeParse({ ...fromFile, ...given });
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const field = String(issue.path[0] ?? (issue as { keys?: string[] }).keys?.[0] ?? '');
  const where = field in given ? `--${field.replace(/_/g, '-')}` : inputSource !== undefined ? `--input ${field || '(object)'}` : `--${field.replace(/_/g, '-')}`;
  const detail = issue.code === 'invalid_type' && typeof (given[field] ?? fromFile[field]) === 'string' && /number/.test(issue.message)
    ? `expected a number, got "${String(given[field] ?? fromFile[field])}"`
    : issue.message;
  throw new UsageError(`${where}: ${detail}`, 'INVALID_INPUT');
}

export function elapsed(session: Session): number {
  return Math.round(Date.now() - session.started);
}

/** The token part of `meta`, from the server's counters summed over every call and attempt. */
export function statsMeta(stats: CallStats) {
  return {
    tokens_used: stats.prompt_tokens + stats.completion_tokens,
    prompt_tokens: stats.prompt_tokens,
    completion_tokens: stats.completion_tokens,
    tokens_per_sec: tokensPerSecond(stats),
  };
}
