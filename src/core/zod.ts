// One import point for zod: `import * as z from './zod.js'`. We use zod/mini: the same schemas
// and z.toJSONSchema as classic zod at a fraction of the bundle, which keeps
// `careerforge roadmap --json` start-up near plain node. Two details matter for that:
// - this module re-exports zod/mini flat (`export *`) and callers import it as a namespace, so
//   esbuild keeps only what is used; re-exporting a namespace *object* (`export { z }`) would drag
//   in every locale zod ships (about 600 KB);
// - mini ships no messages: ours (zod-messages.ts, plain English for every issue) are installed
//   here, once, instead of a zod locale, so no library wording reaches a user or the model.
import { installPlainMessages } from './zod-messages.js';

installPlainMessages();

export * from 'zod/mini';

/** One line per issue, `path: message`, for exit-2 errors and repair prompts. */
export function describeIssues(issues: readonly { path: readonly PropertyKey[]; message: string }[], prefix = ''): string[] {
  return issues.map((issue) => {
    const path = [prefix, ...issue.path.map(String)].filter(Boolean).join('.');
    return path ? `${path}: ${issue.message}` : issue.message;
  });
}
