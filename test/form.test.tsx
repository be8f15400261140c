// The generic form with ink-testing-library: typing, inline validation from the zod schema,
// selecting with the arrows, defaults on Enter, and cancelling with Esc or Ctrl-C.
import React from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render } from 'ink-testing-library';
import { Form, type FormField } from '../src/ui/form.js';
import { roadmapFields } from '../src/ui/roadmap-form.js';
import { roadmapInputSchema } from '../src/core/roadmap/input-schema.js';

const ENTER = '\r';
const ESC = '\u001B';
const DOWN = '\u001B[B';
const UP = '\u001B[A';
const BACKSPACE = '\u007F';

// Ink reads input asynchronously and re-renders on the next tick; give it a moment after each key.
const tick = () => new Promise((resolve) => setTimeout(resolve, 30));

async function press(stdin: { write(data: string): void }, ...keys: string[]) {
  for (const key of keys) {
    stdin.write(key);
    await tick();
  }
}

function mount(fields: FormField[]) {
  const onSubmit = vi.fn();
  const onCancel = vi.fn();
  const app = render(<Form title="Test form" fields={fields} onSubmit={onSubmit} onCancel={onCancel} />);
  return { ...app, onSubmit, onCancel };
}

afterEach(() => cleanup());

describe('Form', () => {
  it('types a role, picks a level with the arrows and takes number defaults', async () => {
    const { stdin, lastFrame, onSubmit } = mount(roadmapFields({}));
    await tick();
    await vi.waitFor(() => expect(lastFrame()).toContain('Target role'));
    await press(stdin, 'Data Engineer');
    await vi.waitFor(() => expect(lastFrame()).toContain('Target role: Data Engineer'));
    await press(stdin, ENTER);
    await vi.waitFor(() => expect(lastFrame()).toContain('✔ Target role: Data Engineer'));
    await vi.waitFor(() => expect(lastFrame()).toMatch(/❯ beginner/));
    await press(stdin, DOWN, DOWN);
    await vi.waitFor(() => expect(lastFrame()).toMatch(/❯ advanced/));
    await press(stdin, UP);
    await vi.waitFor(() => expect(lastFrame()).toMatch(/❯ intermediate/));
    await press(stdin, ENTER);
    await press(stdin, 'SQL, Python ,', ENTER); // skills: a comma list
    await vi.waitFor(() => expect(lastFrame()).toContain('(10)')); // the hours default, shown dim
    await press(stdin, ENTER, '3', ENTER, ENTER); // hours default, 3 months, no goal
    await vi.waitFor(() => expect(onSubmit).toHaveBeenCalledTimes(1));
    const values = onSubmit.mock.calls[0]![0];
    expect(values).toEqual({ role: 'Data Engineer', level: 'intermediate', skills: ['SQL', 'Python'], hours_per_week: 10, months: 3, goal: undefined });
    // What the form hands back passes the command's own schema unchanged.
    expect(roadmapInputSchema.parse(values)).toMatchObject({ role: 'Data Engineer', months: 3 });
  });

  it('shows the schema error inline while typing and refuses Enter until it is fixed', async () => {
    const { stdin, lastFrame, onSubmit } = mount(roadmapFields({ role: 'x', level: 'beginner', skills: [] }));
    await tick();
    await vi.waitFor(() => expect(lastFrame()).toContain('Hours per week'));
    await press(stdin, '9', '9');
    await vi.waitFor(() => expect(lastFrame()).toContain('must be a whole number from 1 to 80 (got 99)'));
    await press(stdin, ENTER);
    await vi.waitFor(() => expect(lastFrame()).toContain('must be a whole number from 1 to 80 (got 99)'));
    expect(lastFrame()).not.toContain('✔ Hours per week');
    await press(stdin, BACKSPACE, BACKSPACE, 'abc');
    await vi.waitFor(() => expect(lastFrame()).toContain('expected a number, got "abc"'));
    await press(stdin, BACKSPACE, BACKSPACE, BACKSPACE, '12');
    await vi.waitFor(() => expect(lastFrame()).not.toContain('✘'));
    await press(stdin, ENTER);
    await vi.waitFor(() => expect(lastFrame()).toContain('✔ Hours per week (1-80): 12'));
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('says a required text field is required when Enter is pressed on it empty', async () => {
    const { stdin, lastFrame, onSubmit } = mount(roadmapFields({}));
    await tick();
    expect(lastFrame()).not.toContain('required');
    await press(stdin, ENTER);
    await vi.waitFor(() => expect(lastFrame()).toContain('✘ required'));
    await press(stdin, '   ', ENTER);
    await vi.waitFor(() => expect(lastFrame()).toContain('✘ required'));
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('offers the last profile as defaults, and drops remembered values that no longer validate', async () => {
    const fields = roadmapFields({}, { role: 'QA Engineer', level: 'advanced', skills: ['Selenium'], hours_per_week: 500, months: 4 });
    const { stdin, lastFrame, onSubmit } = mount(fields);
    await tick();
    await vi.waitFor(() => expect(lastFrame()).toContain('(QA Engineer)'));
    await press(stdin, ENTER);
    await vi.waitFor(() => expect(lastFrame()).toMatch(/❯ advanced/));
    await press(stdin, ENTER, ENTER, ENTER, ENTER, ENTER);
    await vi.waitFor(() => expect(onSubmit).toHaveBeenCalledTimes(1));
    expect(onSubmit.mock.calls[0]![0]).toMatchObject({ role: 'QA Engineer', level: 'advanced', skills: ['Selenium'], hours_per_week: 10, months: 4 });
  });

  it('asks only for what the flags did not give', () => {
    expect(roadmapFields({ role: 'Dev', months: 3 }).map((f) => f.name)).toEqual(['level', 'skills', 'hours_per_week', 'goal']);
  });

  it('cancels with Esc without submitting', async () => {
    const { stdin, onSubmit, onCancel } = mount(roadmapFields({}));
    await tick();
    await press(stdin, 'Dev', ESC);
    // A lone Esc is told apart from the start of a key sequence by a short wait.
    await vi.waitFor(() => expect(onCancel).toHaveBeenCalledTimes(1));
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('cancels with Ctrl-C', async () => {
    const { stdin, onCancel } = mount([{ kind: 'select', name: 'level', label: 'Level', options: ['a', 'b'] }]);
    await tick();
    await press(stdin, '\u0003');
    await vi.waitFor(() => expect(onCancel).toHaveBeenCalledTimes(1));
  });
});
