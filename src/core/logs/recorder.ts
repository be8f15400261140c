// Records every model call of one command run in the call log: one `call` entry per attempt,
// written as the attempt ends (so `careerforge logs` shows a long run while it is going), and one
// `run` entry at the end naming the command, its exit and the records it saved.
import { createHash, randomBytes } from 'node:crypto';
import type { CallContext, CallHooks, CallRequest, CallResult } from '../llm/hooks.js';
import { appendEntries, DEFAULT_MAX_BYTES } from './log-file.js';
import { redactDocuments } from './redact.js';

export interface CallEntry {
  v: 1;
  type: 'call';
  id: string;
  run: string;
  ts: string;
  command: string;
  task: string;
  schema: { name: string; sha256: string };
  model: string;
  host: string;
  options: Record<string, number>;
  messages: Array<{ role: string; content: string }>;
  reply: string;
  done_reason: string | null;
  attempt: number;
  max_attempts: number;
  outcome: string;
  error?: string;
  prompt_tokens: number | null;
  completion_tokens: number | null;
  durations_ns: { total: number; load: number; prompt_eval: number; eval: number } | null;
  latency_ms: number;
}

export interface RunEntry {
  v: 1;
  type: 'run';
  run: string;
  ts: string;
  command: string;
  record_ids: string[];
  exit_code: number;
  error_code?: string;
  calls: number;
}

export interface RecorderOptions {
  home: string;
  command: string;
  /** Keep CV and job text in the log (--log-documents); otherwise only their size and hash. */
  logDocuments: boolean;
  maxBytes?: number;
  now?: () => Date;
}

export interface CallRecorder {
  hooks: CallHooks;
  /** Write the run entry (only when the run made a call); never throws. */
  finish(result: { exitCode: number; errorCode?: string; recordIds: string[] }): void;
  readonly calls: number;
}

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

export function createCallRecorder(opts: RecorderOptions): CallRecorder {
  const run = `run-${randomBytes(5).toString('hex')}`;
  const now = opts.now ?? (() => new Date());
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_BYTES;
  let calls = 0;
  let broken = false;
  const write = (entry: CallEntry | RunEntry) => {
    if (broken) return;
    try {
      appendEntries(opts.home, [entry], maxBytes);
    } catch {
      // A log that cannot be written must never fail the command that is being logged.
      broken = true;
    }
  };
  const hooks: CallHooks = {
    afterCall(request: CallRequest, context: CallContext, result: CallResult) {
      calls++;
      const started = new Date(now().getTime() - result.latencyMs);
      write({
        v: 1,
        type: 'call',
        id: `c${randomBytes(5).toString('hex')}`,
        run,
        ts: started.toISOString(),
        command: opts.command,
        task: context.task,
        schema: { name: context.schemaName, sha256: sha256(JSON.stringify(request.format)) },
        model: request.model,
        host: context.host,
        options: request.options,
        messages: request.messages.map((m) => ({ role: m.role, content: opts.logDocuments ? m.content : redactDocuments(m.content) })),
        reply: result.reply,
        done_reason: result.doneReason ?? null,
        attempt: context.attempt,
        max_attempts: context.maxAttempts,
        outcome: result.outcome,
        ...(result.error === undefined ? {} : { error: result.error }),
        prompt_tokens: result.promptTokens ?? null,
        completion_tokens: result.completionTokens ?? null,
        durations_ns: result.durations ?? null,
        latency_ms: result.latencyMs,
      });
    },
  };
  return {
    hooks,
    get calls() {
      return calls;
    },
    finish({ exitCode, errorCode, recordIds }) {
      if (calls === 0) return;
      write({
        v: 1,
        type: 'run',
        run,
        ts: now().toISOString(),
        command: opts.command,
        record_ids: recordIds,
        exit_code: exitCode,
        ...(errorCode ? { error_code: errorCode } : {}),
        calls,
      });
    },
  };
}
