// The skills profile as a form: the role when --role is missing, and the skills as a comma list
// when neither --skills nor --resume gave anything to assess.
import { skillsInputSchema } from '../core/skills/schema.js';
import * as z from '../core/zod.js';
import type { Screen } from '../render/streams.js';
import { runForm, type FormField, type FormValues } from './form.js';
import { firstValid, splitList, type FormDefaults } from './form-defaults.js';

const shape = skillsInputSchema.shape;

/** The skills flag's own rules, plus at least one: without a CV an empty list has nothing to assess. */
export const requiredSkills = z.pipe(shape.skills, z.array(z.string()).check(z.minLength(1, 'name at least one skill (or run with --resume FILE)')));

export function skillsFields(ask: { role: boolean; skills: boolean }, { last, config = {} }: FormDefaults = {}): FormField[] {
  const fields: FormField[] = [];
  if (ask.role) {
    fields.push({ kind: 'text', name: 'role', label: 'Target role', schema: shape.role, default: firstValid(shape.role, last?.role, config.role), hint: 'e.g. Backend Developer, Data Analyst' });
  }
  if (ask.skills) {
    fields.push({
      kind: 'text',
      name: 'skills',
      label: 'Skills you have (comma-separated)',
      schema: requiredSkills,
      parse: splitList,
      default: firstValid(requiredSkills, last?.skills),
      hint: 'e.g. TypeScript:advanced, SQL, Docker:beginner',
    });
  }
  return fields;
}

/** Ask for what is missing; resolves with the answers (throws InterruptedError when cancelled). */
export function askSkillsInput(screen: Screen, ask: { role: boolean; skills: boolean }, defaults: FormDefaults): Promise<FormValues> {
  return runForm(screen, 'Assess your skills: a few questions (Esc to cancel)', skillsFields(ask, defaults));
}
