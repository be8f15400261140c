// One import point for zod. We use zod/mini: the same schemas and z.toJSONSchema as classic zod at
// about a third of the bundle, which keeps `careerforge roadmap --json` start-up near plain node.
// Mini ships no messages by default, so the English locale is installed here, once.
import * as z from 'zod/mini';
import en from 'zod/v4/locales/en.js';

z.config(en());

export { z };

/** One line per issue, `path: message`, for exit-2 errors and repair prompts. */
export function describeIssues(issues: readonly { path: readonly PropertyKey[]; message: string }[], prefix = ''): string[] {
  return issues.map((issue) => {
    const path = [prefix, ...issue.path.map(String)].filter(Boolean).join('.');
    return path ? `${path}: ${issue.message}` : issue.message;
  });
}
