// The input forms of skills, interview and quiz (ink-testing-library): which fields each asks,
// defaults from the last profile and from the config's profile defaults, inline validation with
// the command's own schema, and Esc cancelling. The generic form itself is in form.test.tsx.
import React from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render } from 'ink-testing-library';
import { Form, type FormField } from '../src/ui/form.js';
import { skillsFields } from '../src/ui/skills-form.js';
import { interviewFields } from '../src/ui/interview-form.js';
import { quizFields } from '../src/ui/quiz-form.js';
import { roadmapFields } from '../src/ui/roadmap-form.js';
import { skillsInputSchema } from '../src/core/skills/schema.js';
import { interviewInputSchema } from '../src/core/interview/schema.js';
import { quizInputSchema } from '../src/core/quiz/schema.js';
import { press, shows } from './ink-keys.js';

const ENTER = '\r';
const ESC = '\u001B';
const DOWN = '\u001B[B';
const BACKSPACE = '\u007F';

function mount(fields: FormField[]) {
  const onSubmit = vi.fn();
  const onCancel = vi.fn();
  const app = render(<Form title="Test form" fields={fields} onSubmit={onSubmit} onCancel={onCancel} />);
  return { app, onSubmit, onCancel };
}

const names = (fields: FormField[]) => fields.map((f) => f.name);

afterEach(() => cleanup());

describe('skills form', () => {
  it('asks the role and the skills only when each is missing', () => {
    expect(names(skillsFields({ role: true, skills: true }))).toEqual(['role', 'skills']);
    expect(names(skillsFields({ role: true, skills: false }))).toEqual(['role']);
    expect(names(skillsFields({ role: false, skills: true }))).toEqual(['skills']);
  });

  it('validates each skill inline like --skills, refuses an empty list, and submits what the schema accepts', async () => {
    const { app, onSubmit } = mount(skillsFields({ role: true, skills: true }));
    await shows(app, '? Target role');
    await press(app, 'Data Analyst', ENTER);
    await shows(app, '? Skills you have (comma-separated)');
    await press(app, ENTER);
    await shows(app, '✘ required');
    await press(app, 'SQL, Excel:expert');
    await shows(app, '✘ expected "Skill" or "Skill:level" with level beginner, intermediate or advanced');
    for (let i = 0; i < 'expert'.length; i++) await press(app, BACKSPACE);
    await press(app, 'advanced', ENTER);
    await vi.waitFor(() => expect(onSubmit).toHaveBeenCalledTimes(1));
    const values = onSubmit.mock.calls[0]![0];
    expect(values).toEqual({ role: 'Data Analyst', skills: ['SQL', 'Excel:advanced'] });
    expect(skillsInputSchema.parse(values)).toMatchObject({ role: 'Data Analyst', skills: ['SQL', 'Excel:advanced'] });
  });

  it('offers the last profile before the config role, and never an empty skill list', async () => {
    const last = { role: 'QA Engineer', skills: ['Selenium', 'Java:intermediate'] };
    const { app, onSubmit } = mount(skillsFields({ role: true, skills: true }, { last, config: { role: 'Data Analyst' } }));
    await shows(app, '? Target role (QA Engineer)');
    await press(app, ENTER);
    await shows(app, '(Selenium, Java:intermediate)');
    await press(app, ENTER);
    await vi.waitFor(() => expect(onSubmit).toHaveBeenCalledWith({ role: 'QA Engineer', skills: ['Selenium', 'Java:intermediate'] }));

    // A last run that assessed a CV saved no skills: nothing to offer there, the config role still is.
    const [role, skills] = skillsFields({ role: true, skills: true }, { last: { role: 42, skills: [] }, config: { role: 'Data Analyst' } });
    expect(role).toMatchObject({ default: 'Data Analyst' });
    expect(skills).toMatchObject({ default: undefined });
  });

  it('cancels with Esc', async () => {
    const { app, onSubmit, onCancel } = mount(skillsFields({ role: true, skills: true }));
    await shows(app, '? Target role');
    await press(app, 'Dev', ESC);
    await vi.waitFor(() => expect(onCancel).toHaveBeenCalledTimes(1));
    expect(onSubmit).not.toHaveBeenCalled();
  });
});

describe('interview form', () => {
  it('asks the role, then the level, type and count the flags did not give', () => {
    expect(names(interviewFields({}))).toEqual(['role', 'level', 'type', 'count']);
    expect(names(interviewFields({ level: 'senior', count: 3 }))).toEqual(['role', 'type']);
  });

  it('selects level and type, checks the count inline, and submits what the schema accepts', async () => {
    const { app, onSubmit } = mount(interviewFields({}));
    await shows(app, '? Role to interview for');
    await press(app, 'SRE', ENTER);
    await shows(app, '❯ mid');
    await press(app, DOWN, ENTER); // senior
    await shows(app, '❯ mixed');
    await press(app, DOWN, DOWN, ENTER); // mixed -> technical -> behavioral
    await shows(app, '? Number of questions (1-30) (5)');
    await press(app, '31');
    await shows(app, '✘ must be a whole number from 1 to 30 (got 31)');
    await press(app, ENTER);
    expect(onSubmit).not.toHaveBeenCalled();
    await press(app, BACKSPACE, BACKSPACE, '3', ENTER);
    await vi.waitFor(() => expect(onSubmit).toHaveBeenCalledTimes(1));
    const values = onSubmit.mock.calls[0]![0];
    expect(values).toEqual({ role: 'SRE', level: 'senior', type: 'behavioral', count: 3 });
    expect(interviewInputSchema.parse(values)).toEqual(values);
  });

  it('defaults: last interview > config (its learning level read as seniority) > schema', async () => {
    const fromConfig = mount(interviewFields({}, { config: { role: 'Backend Developer', level: 'advanced' } }));
    await shows(fromConfig.app, '? Role to interview for (Backend Developer)');
    await press(fromConfig.app, ENTER);
    await shows(fromConfig.app, '❯ senior');
    await press(fromConfig.app, ENTER, ENTER, ENTER);
    await vi.waitFor(() => expect(fromConfig.onSubmit).toHaveBeenCalledWith({ role: 'Backend Developer', level: 'senior', type: 'mixed', count: 5 }));
    cleanup();

    const last = { role: 'Data Engineer', level: 'junior', type: 'technical', count: 8 };
    const fromLast = mount(interviewFields({}, { last, config: { role: 'Backend Developer', level: 'advanced' } }));
    await shows(fromLast.app, '(Data Engineer)');
    await press(fromLast.app, ENTER);
    await shows(fromLast.app, '❯ junior');
    await press(fromLast.app, ENTER);
    await shows(fromLast.app, '❯ technical');
    await press(fromLast.app, ENTER);
    await shows(fromLast.app, '(1-30) (8)');
    await press(fromLast.app, ENTER);
    await vi.waitFor(() => expect(fromLast.onSubmit).toHaveBeenCalledWith(last));
  });

  it('cancels with Esc on a select', async () => {
    const { app, onCancel } = mount(interviewFields({ role: 'SRE' }));
    await shows(app, '❯ mid');
    await press(app, ESC);
    await vi.waitFor(() => expect(onCancel).toHaveBeenCalledTimes(1));
  });
});

describe('quiz form', () => {
  it('asks a topic, then the difficulty and count the flags did not give', () => {
    expect(names(quizFields({}))).toEqual(['topic', 'difficulty', 'count']);
    expect(names(quizFields({ difficulty: 'hard' }))).toEqual(['topic', 'count']);
  });

  it('requires a topic, checks it like --topic, and submits what the schema accepts', async () => {
    const { app, onSubmit } = mount(quizFields({}));
    await shows(app, '? Topic');
    await press(app, ENTER);
    await shows(app, '✘ required');
    await press(app, 'x'.repeat(121));
    await shows(app, '✘ must be at most 120 characters');
    await press(app, '\u0015', 'SQL joins', ENTER); // Ctrl-U clears the line
    await shows(app, '❯ medium');
    await press(app, DOWN, ENTER);
    await shows(app, '(1-50) (10)');
    await press(app, '4', ENTER);
    await vi.waitFor(() => expect(onSubmit).toHaveBeenCalledTimes(1));
    const values = onSubmit.mock.calls[0]![0];
    expect(values).toEqual({ topic: 'SQL joins', difficulty: 'hard', count: 4 });
    expect(quizInputSchema.parse(values)).toEqual(values);
  });

  it('defaults: last quiz > config topic > schema', async () => {
    const [topic, difficulty, count] = quizFields({}, { config: { topic: 'Docker' } });
    expect([topic!.kind === 'text' && topic!.default, difficulty!.kind === 'select' && difficulty!.default, count!.kind === 'number' && count!.default]).toEqual(['Docker', 'medium', 10]);

    const { app, onSubmit } = mount(quizFields({}, { last: { topic: 'Kubernetes', difficulty: 'easy', count: 7 }, config: { topic: 'Docker' } }));
    await shows(app, '? Topic (Kubernetes)');
    await press(app, ENTER);
    await shows(app, '❯ easy');
    await press(app, ENTER, ENTER);
    await vi.waitFor(() => expect(onSubmit).toHaveBeenCalledWith({ topic: 'Kubernetes', difficulty: 'easy', count: 7 }));
  });

  it('cancels with Esc', async () => {
    const { app, onSubmit, onCancel } = mount(quizFields({}));
    await shows(app, '? Topic');
    await press(app, 'SQL', ESC);
    await vi.waitFor(() => expect(onCancel).toHaveBeenCalledTimes(1));
    expect(onSubmit).not.toHaveBeenCalled();
  });
});

describe('roadmap form defaults from config', () => {
  it('offers the config profile defaults when no roadmap is saved, the last roadmap before them', () => {
    const config = { role: 'Data Analyst', level: 'intermediate', hours_per_week: 12, months: 3 } as const;
    const defaults = (fields: FormField[]) => Object.fromEntries(fields.map((f) => [f.name, f.default]));
    expect(defaults(roadmapFields({}, undefined, config))).toMatchObject({ role: 'Data Analyst', level: 'intermediate', hours_per_week: 12, months: 3 });
    expect(defaults(roadmapFields({}, { role: 'QA Engineer', months: 9 }, config))).toMatchObject({ role: 'QA Engineer', level: 'intermediate', hours_per_week: 12, months: 9 });
  });
});
