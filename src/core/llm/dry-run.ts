// --dry-run: stop a generator at its first model call and hand back exactly what would have been
// sent. The stop is thrown from the beforeCall hook, before any byte goes out, and unwinds the
// command before it can save anything; src/cli.ts prints it.
import type { CallContext, CallHooks, CallRequest } from './hooks.js';

export class DryRunStop extends Error {
  override name = 'DryRunStop';
  constructor(
    readonly request: CallRequest,
    readonly context: CallContext,
  ) {
    super('dry run: nothing was sent');
  }
}

export const dryRunHooks: CallHooks = {
  beforeCall(request, context) {
    throw new DryRunStop(request, context);
  },
};

export function isDryRunStop(error: unknown): error is DryRunStop {
  return error instanceof DryRunStop;
}
