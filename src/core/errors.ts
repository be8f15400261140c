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
  | 'INTERNAL';

export class CareerForgeError extends Error {
  override name = 'CareerForgeError';
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly exitCode: ExitCodeValue = ExitCode.failure,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** Bad flags or input: exit 2, nothing sent to the model. */
export class UsageError extends CareerForgeError {
  constructor(message: string, code: 'USAGE' | 'INVALID_INPUT' = 'USAGE') {
    super(code, message, ExitCode.usage);
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
