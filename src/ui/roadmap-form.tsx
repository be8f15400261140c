// The roadmap profile as a form: the fields the flags did not give, with defaults from the last
// profile used (the newest saved roadmap's input), then the config's profile defaults, then the
// schema's own defaults.
import { levelSchema } from '../core/common-schema.js';
import { roadmapInputSchema } from '../core/roadmap/input-schema.js';
import { DEFAULT_LEVEL } from '../core/vocabulary.js';
import type { Screen } from '../render/streams.js';
import { runForm, type FormField, type FormValues } from './form.js';
import { firstValid, splitList } from './form-defaults.js';
import type { ProfileDefaults } from '../core/config/schema.js';

const shape = roadmapInputSchema.shape;

export function roadmapFields(given: Record<string, unknown>, last?: Record<string, unknown>, config: ProfileDefaults = {}): FormField[] {
  const fields: FormField[] = [
    { kind: 'text', name: 'role', label: 'Target role', schema: shape.role, default: firstValid(shape.role, last?.role, config.role), hint: 'e.g. Backend Developer, Data Analyst' },
    { kind: 'select', name: 'level', label: 'Your level', options: levelSchema.options, default: firstValid(levelSchema, last?.level, config.level) ?? DEFAULT_LEVEL },
    { kind: 'text', name: 'skills', label: 'Skills you have (comma-separated)', schema: shape.skills, parse: splitList, default: firstValid(shape.skills, last?.skills) },
    { kind: 'number', name: 'hours_per_week', label: 'Hours per week (1-80)', schema: shape.hours_per_week, default: firstValid(shape.hours_per_week, last?.hours_per_week, config.hours_per_week) ?? 10 },
    { kind: 'number', name: 'months', label: 'Months (1-24)', schema: shape.months, default: firstValid(shape.months, last?.months, config.months) ?? 6 },
    { kind: 'text', name: 'goal', label: 'Goal (optional)', schema: shape.goal, default: firstValid(shape.goal, last?.goal) },
  ];
  return fields.filter((field) => given[field.name] === undefined);
}

/** Ask for what is missing; resolves with the answers (throws InterruptedError when cancelled). */
export function askRoadmapInput(screen: Screen, given: Record<string, unknown>, last?: Record<string, unknown>, config?: ProfileDefaults): Promise<FormValues> {
  return runForm(screen, 'Plan a roadmap: a few questions (Esc to cancel)', roadmapFields(given, last, config));
}
