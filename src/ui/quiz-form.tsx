// The quiz as a form: a topic when neither --topic nor --role was given, then difficulty and
// count unless the flags gave them.
import { quizDifficultySchema, quizInputSchema } from '../core/quiz/schema.js';
import { DEFAULT_DIFFICULTY } from '../core/vocabulary.js';
import * as z from '../core/zod.js';
import type { Screen } from '../render/streams.js';
import { runForm, type FormField, type FormValues } from './form.js';
import { firstValid, type FormDefaults } from './form-defaults.js';

const shape = quizInputSchema.shape;

/** The --topic rules, but required: the form is open because there is nothing to quiz on. */
export const requiredTopic = z.pipe(shape.topic, z.string());

export function quizFields(given: Record<string, unknown>, { last, config = {} }: FormDefaults = {}): FormField[] {
  const fields: FormField[] = [
    { kind: 'text', name: 'topic', label: 'Topic', schema: requiredTopic, default: firstValid(requiredTopic, last?.topic, config.topic), hint: 'e.g. SQL joins, React hooks, Kubernetes' },
    { kind: 'select', name: 'difficulty', label: 'Difficulty', options: quizDifficultySchema.options, default: firstValid(quizDifficultySchema, last?.difficulty) ?? DEFAULT_DIFFICULTY },
    { kind: 'number', name: 'count', label: 'Number of questions (1-50)', schema: shape.count, default: firstValid(shape.count, last?.count) ?? 10 },
  ];
  return fields.filter((field) => given[field.name] === undefined);
}

/** Ask for what is missing; resolves with the answers (throws InterruptedError when cancelled). */
export function askQuizInput(screen: Screen, given: Record<string, unknown>, defaults: FormDefaults): Promise<FormValues> {
  return runForm(screen, 'Take a quiz: a few questions (Esc to cancel)', quizFields(given, defaults));
}
