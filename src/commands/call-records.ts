// Wires the call log and --dry-run into a command run, from its parsed options: cli.ts calls
// callHooksFor() before the action and finishCalls() when the run ends, so the generator commands
// need no code of their own for either.
import { resolveHome } from '../core/config/settings.js';
import { dryRunHooks } from '../core/llm/dry-run.js';
import type { CallHooks } from '../core/llm/hooks.js';
import { loggingEnabled } from '../core/logs/log-file.js';
import { createCallRecorder, type CallRecorder } from '../core/logs/recorder.js';
import type { Session } from './shared.js';

export interface RecordFlags {
  dryRun?: boolean;
  log?: boolean;
  logDocuments?: boolean;
}

/** The hooks for this run: none for commands without the options, dry-run, or the call log. */
export function callHooksFor(command: string, flags: RecordFlags, session: Session): { hooks?: CallHooks; recorder?: CallRecorder } {
  if (flags.dryRun) return { hooks: dryRunHooks };
  if (flags.log === undefined || flags.log === false) return {};
  const home = resolveHome(session.env);
  if (!loggingEnabled(home)) return {};
  const max = Number(session.env.CAREERFORGE_LOG_MAX_BYTES);
  const recorder = createCallRecorder({
    home,
    command,
    logDocuments: flags.logDocuments === true,
    ...(Number.isInteger(max) && max > 0 ? { maxBytes: max } : {}),
  });
  return { hooks: recorder.hooks, recorder };
}

/** The ids of what the run saved, as the command put them in meta. */
export function savedIds(meta: Record<string, unknown>): string[] {
  return ['id', 'roadmap_id'].map((key) => meta[key]).filter((v): v is string => typeof v === 'string');
}
