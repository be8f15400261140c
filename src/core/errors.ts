// Typed errors: each carries a stable code (for the JSON envelope and scripts), the process exit
// code, and a one-line message that tells the user what to do next. src/cli.ts is the one place
// that maps them to output and exit codes.

export const ExitCode = { ok: 0, failure: 1, usage: 2, interrupted: 130 } as const;
export type ExitCodeValue = (typeof ExitCode)[keyof typeof ExitCode];

export type ErrorCode =
  | 'USAGE'
  | 'INVALID_INPUT'
  | 'OLLAMA_UNREACHABLE'
  | 'MODEL_NOT_FOUND'
  | 'OLLAMA_BUSY'
  | 'OLLAMA_ERROR'
  | 'STREAM_ERROR'
  | 'STREAM_INCOMPLETE'
  | 'OUTPUT_TRUNCATED'
  | 'INVALID_OUTPUT'
  | 'TIMEOUT'
  | 'INTERRUPTED'
  | 'NOT_FOUND'
  | 'STORE_ERROR'
  | 'CHECK_FAILED'
  | 'CACHE_ERROR'
  | 'BATCH_INCOMPLETE'
  | 'INTERNAL';

export class CareerForgeError extends Error {
  override name = 'CareerForgeError';
  /** What a failure envelope carries as `data` (a failed health report, a half-finished bench run). */
  readonly data?: unknown;
  /** A busy server's Retry-After, in ms, when it sent one: how long a batch line should wait. */
  readonly retryAfterMs?: number;
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly exitCode: ExitCodeValue = ExitCode.failure,
    options?: { cause?: unknown; data?: unknown; retryAfterMs?: number },
  ) {
    super(message, options);
    if (options?.data !== undefined) this.data = options.data;
    if (options?.retryAfterMs !== undefined) this.retryAfterMs = options.retryAfterMs;
  }
}

/** Something named by id or filter that is not in the store: exit 2, the user's to correct. */
export class NotFoundError extends CareerForgeError {
  constructor(message: string) {
    super('NOT_FOUND', message, ExitCode.usage);
  }
}

/** A check (health, setup) that failed; the report travels with the error into the envelope. */
export class CheckFailedError<R = unknown> extends CareerForgeError {
  constructor(
    message: string,
    readonly report: R,
  ) {
    super('CHECK_FAILED', message, ExitCode.failure, { data: report });
  }
}

/** An error that already happened, with data to show beside it (what finished before it). */
export function withData(error: CareerForgeError, data: unknown): CareerForgeError {
  return new CareerForgeError(error.code, error.message, error.exitCode, { cause: error, data });
}

/** Bad flags or input: exit 2, nothing sent to the model. */
export class UsageError extends CareerForgeError {
  constructor(message: string, code: 'USAGE' | 'INVALID_INPUT' = 'USAGE') {
    super(code, message, ExitCode.usage);
  }
}

/** A required field absent from flags and --input: the command may open a form for it on a terminal. */
export class MissingInputError extends UsageError {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message, 'INVALID_INPUT');
  }
}

export class InterruptedError extends CareerForgeError {
  constructor() {
    super('INTERRUPTED', 'Interrupted: nothing was saved.', ExitCode.interrupted);
  }
}

/** A single generation attempt that produced no usable result; retried by the generator. */
export class AttemptError extends CareerForgeError {
  constructor(
    code: 'STREAM_ERROR' | 'STREAM_INCOMPLETE' | 'OUTPUT_TRUNCATED' | 'INVALID_OUTPUT',
    message: string,
    /** Problems to send back to the model in a repair prompt; empty when a plain retry is right. */
    readonly problems: string[] = [],
    /** The raw text the model produced in this attempt, when there was any. */
    readonly output = '',
  ) {
    super(code, message);
  }
}

export function isCareerForgeError(error: unknown): error is CareerForgeError {
  return error instanceof CareerForgeError;
}
