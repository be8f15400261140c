// Where a form field's default comes from, in order: the last profile used (the newest saved
// record of that command), then the profile defaults of `careerforge config set`, then the
// schema's own default. Values are offered only if they still validate: an old store or a
// hand-edited config may hold anything.
import type { ProfileDefaults } from '../core/config/schema.js';
import type * as z from '../core/zod.js';

export interface FormDefaults {
  /** The input of the newest saved record of the command, if any. */
  last?: Record<string, unknown>;
  config?: ProfileDefaults;
}

/** The first candidate the field's schema accepts (the candidate itself, not its parsed form). */
export function firstValid<T = unknown>(schema: z.ZodMiniType, ...candidates: unknown[]): T | undefined {
  return candidates.find((value) => value !== undefined && schema.safeParse(value).success) as T | undefined;
}

/** A comma list as typed into a form, the same split as the list flags. */
export const splitList = (raw: string): string[] => raw.split(',').map((s) => s.trim()).filter(Boolean);
