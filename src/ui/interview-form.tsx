// The interview profile as a form: the role, then level, question type and count unless the
// flags gave them. The company stays a flag: it belongs to one application, not to a profile.
import { interviewInputSchema, interviewLevelSchema, interviewTypeSchema } from '../core/interview/schema.js';
import { DEFAULT_SENIORITY, seniorityForLevel } from '../core/vocabulary.js';
import type { Screen } from '../render/streams.js';
import { runForm, type FormField, type FormValues } from './form.js';
import { firstValid, type FormDefaults } from './form-defaults.js';

const shape = interviewInputSchema.shape;

export function interviewFields(given: Record<string, unknown>, { last, config = {} }: FormDefaults = {}): FormField[] {
  const fields: FormField[] = [
    { kind: 'text', name: 'role', label: 'Role to interview for', schema: shape.role, default: firstValid(shape.role, last?.role, config.role), hint: 'e.g. Backend Developer, Data Analyst' },
    {
      kind: 'select',
      name: 'level',
      label: 'Seniority',
      options: interviewLevelSchema.options,
      default: firstValid(interviewLevelSchema, last?.level, config.level && seniorityForLevel(config.level)) ?? DEFAULT_SENIORITY,
    },
    { kind: 'select', name: 'type', label: 'Kind of questions', options: interviewTypeSchema.options, default: firstValid(interviewTypeSchema, last?.type) ?? 'mixed' },
    { kind: 'number', name: 'count', label: 'Number of questions (1-30)', schema: shape.count, default: firstValid(shape.count, last?.count) ?? 5 },
  ];
  return fields.filter((field) => given[field.name] === undefined);
}

/** Ask for what is missing; resolves with the answers (throws InterruptedError when cancelled). */
export function askInterviewInput(screen: Screen, given: Record<string, unknown>, defaults: FormDefaults): Promise<FormValues> {
  return runForm(screen, 'Prepare for an interview: a few questions (Esc to cancel)', interviewFields(given, defaults));
}
