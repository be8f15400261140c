// The roadmap profile as a form: the fields the flags did not give, with defaults from the last
// profile used (the newest saved roadmap's input) or the schema's own defaults.
import { levelSchema } from '../core/schemas/common.js';
import { roadmapInputSchema } from '../core/schemas/profile.js';
import { runForm, type FormField, type FormValues } from './form.js';

const shape = roadmapInputSchema.shape;

const splitList = (raw: string) => raw.split(',').map((s) => s.trim()).filter(Boolean);

/** A remembered value, only if it is still valid for the field (old stores may hold anything). */
function remembered(last: Record<string, unknown> | undefined, name: keyof typeof shape): unknown {
  const value = last?.[name];
  return value !== undefined && shape[name].safeParse(value).success ? value : undefined;
}

export function roadmapFields(given: Record<string, unknown>, last?: Record<string, unknown>): FormField[] {
  const fields: FormField[] = [
    { kind: 'text', name: 'role', label: 'Target role', schema: shape.role, default: remembered(last, 'role') as string | undefined, hint: 'e.g. Backend Developer, Data Analyst' },
    { kind: 'select', name: 'level', label: 'Your level', options: levelSchema.options, default: (remembered(last, 'level') as string | undefined) ?? 'beginner' },
    { kind: 'text', name: 'skills', label: 'Skills you have (comma-separated)', schema: shape.skills, parse: splitList, default: remembered(last, 'skills') as string[] | undefined },
    { kind: 'number', name: 'hours_per_week', label: 'Hours per week (1-80)', schema: shape.hours_per_week, default: (remembered(last, 'hours_per_week') as number | undefined) ?? 10 },
    { kind: 'number', name: 'months', label: 'Months (1-24)', schema: shape.months, default: (remembered(last, 'months') as number | undefined) ?? 6 },
    { kind: 'text', name: 'goal', label: 'Goal (optional)', schema: shape.goal, default: remembered(last, 'goal') as string | undefined },
  ];
  return fields.filter((field) => given[field.name] === undefined);
}

/** Ask for what is missing; resolves with the answers (throws InterruptedError when cancelled). */
export function askRoadmapInput(given: Record<string, unknown>, last?: Record<string, unknown>): Promise<FormValues> {
  return runForm('Plan a roadmap: a few questions (Esc to cancel)', roadmapFields(given, last));
}
