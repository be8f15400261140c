// A generic Ink form for inputs a command is missing on a TTY: one field at a time, text and
// number fields validated inline by the command's own zod schema (so the form accepts exactly what
// the flags accept), selects moved with the arrow keys, defaults shown dim and taken with Enter.
// Esc or Ctrl-C cancels. Only ever rendered when stdin and stdout are TTYs (raw mode needs one).
import React, { useEffect, useReducer } from 'react';
import { Box, Text, render, useApp, useInput, type Key } from 'ink';
import { InterruptedError } from '../core/errors.js';
import { splitChunk } from './key-chunks.js';
import type * as z from '../core/zod.js';
import type { Screen } from '../render/streams.js';
import { inkOptions } from './screen.js';

interface FieldBase {
  /** Key of the value in the result (use the input schema's field name). */
  name: string;
  label: string;
  hint?: string;
}

export interface TextField extends FieldBase {
  kind: 'text';
  /** Validates the value as the command would; its first issue is shown under the field. */
  schema: z.ZodMiniType;
  /** The value taken when Enter is pressed on an empty field (already parsed: a list for a list field). */
  default?: unknown;
  /** Turns the typed text into the value handed to the schema (e.g. split a comma list). */
  parse?: (raw: string) => unknown;
}

export interface NumberField extends FieldBase {
  kind: 'number';
  schema: z.ZodMiniType;
  default?: number;
}

export interface SelectField extends FieldBase {
  kind: 'select';
  options: readonly string[];
  default?: string;
}

export type FormField = TextField | NumberField | SelectField;
export type FormValues = Record<string, unknown>;

/** The value a text/number field holds for `raw`, and the problem with it if any. */
export function evaluate(field: TextField | NumberField, raw: string): { value: unknown; error?: string } {
  const trimmed = raw.trim();
  let value: unknown;
  if (trimmed === '') value = field.default;
  else if (field.kind === 'number') value = /^-?\d+(\.\d+)?$/.test(trimmed) ? Number(trimmed) : trimmed;
  else value = field.parse ? field.parse(raw) : raw;
  const parsed = field.schema.safeParse(value);
  if (parsed.success) return { value: parsed.data };
  if (value === undefined) return { value, error: 'required' };
  if (field.kind === 'number' && typeof value === 'string') return { value, error: `expected a number, got "${trimmed}"` };
  return { value, error: parsed.error.issues[0]?.message ?? 'invalid value' };
}

function shown(value: unknown): string {
  if (value === undefined || value === '') return '-';
  return Array.isArray(value) ? (value.length ? value.join(', ') : '-') : String(value);
}

export interface FormProps {
  title: string;
  fields: readonly FormField[];
  onSubmit(values: FormValues): void;
  onCancel(): void;
}

interface FormState {
  index: number;
  values: FormValues;
  raw: string;
  attempted: boolean;
  choice: number;
  status: 'editing' | 'submitted' | 'cancelled';
}

type KeyEvent = { input: string; key: Key; fields: readonly FormField[] };

// A reducer, not closures over state: keys that arrive in one chunk ("role\r" from a paste or
// tmux) are applied one after another to the latest state.
function step(state: FormState, { input, key, fields }: KeyEvent): FormState {
  // One chunk can hold several keys (a Backspace burst, "text\n" pasted): apply each in turn.
  return splitChunk(input, key).reduce((s, k) => stepKey(s, { ...k, fields }), state);
}

function stepKey(state: FormState, { input, key, fields }: KeyEvent): FormState {
  if (state.status !== 'editing') return state;
  if (key.escape || (key.ctrl && input === 'c')) return { ...state, status: 'cancelled' };
  const field = fields[state.index];
  if (!field) return state;
  const advance = (value: unknown): FormState => {
    const values = { ...state.values, [field.name]: value };
    const index = state.index + 1;
    return { index, values, raw: '', attempted: false, choice: selectStart(fields[index]), status: index >= fields.length ? 'submitted' : 'editing' };
  };
  if (field.kind === 'select') {
    const n = field.options.length;
    if (key.upArrow) return { ...state, choice: (state.choice + n - 1) % n };
    if (key.downArrow || key.tab) return { ...state, choice: (state.choice + 1) % n };
    return key.return ? advance(field.options[state.choice]) : state;
  }
  if (key.return) {
    const { value, error } = evaluate(field, state.raw);
    return error ? { ...state, attempted: true } : advance(value);
  }
  if (key.backspace || key.delete) return { ...state, raw: [...state.raw].slice(0, -1).join('') };
  if (key.ctrl && input === 'u') return { ...state, raw: '' };
  if (input && !key.ctrl && !key.meta && !key.upArrow && !key.downArrow && !key.leftArrow && !key.rightArrow && !key.tab) {
    // Pasted text arrives as one chunk; keep it on one line.
    return { ...state, raw: state.raw + input.replace(/[\r\n]+/g, ' ') };
  }
  return state;
}

export function Form({ title, fields, onSubmit, onCancel }: FormProps) {
  const [state, dispatch] = useReducer(step, undefined, () => ({ index: 0, values: {}, raw: '', attempted: false, choice: selectStart(fields[0]), status: 'editing' as const }));
  const { index, values, raw, attempted, choice, status } = state;
  const field = fields[index];
  useInput((input, key) => dispatch({ input, key, fields }));
  useEffect(() => {
    if (status === 'submitted') onSubmit(values);
    else if (status === 'cancelled') onCancel();
    // Fire once per outcome; the callbacks are not expected to change meaning mid-form.
  }, [status]);

  const error = field && field.kind !== 'select' && (raw.trim() !== '' || attempted) ? evaluate(field, raw).error : undefined;
  return (
    <Box flexDirection="column">
      <Text bold color="cyan">{title}</Text>
      {fields.slice(0, index).map((f) => (
        <Text key={f.name}>
          <Text color="green">✔</Text> {f.label}: {shown(values[f.name])}
        </Text>
      ))}
      {field && (
        <Box flexDirection="column">
          <Text>
            <Text color="cyan">?</Text> <Text bold>{field.label}</Text>
            {field.kind !== 'select' && field.default !== undefined && <Text dimColor> ({shown(field.default)})</Text>}
            {field.kind !== 'select' && <Text>: {raw}<Text inverse> </Text></Text>}
          </Text>
          {field.kind === 'select' &&
            field.options.map((option, i) => (
              <Text key={option} color={i === choice ? 'cyan' : undefined}>
                {i === choice ? '❯' : ' '} {option}
              </Text>
            ))}
          {error && <Text color="red">  ✘ {error}</Text>}
          {field.hint && <Text dimColor>  {field.hint}</Text>}
          <Text dimColor>  {field.kind === 'select' ? '↑/↓ to move, Enter to choose' : 'Enter to accept'} · Esc to cancel</Text>
        </Box>
      )}
    </Box>
  );
}

function selectStart(field: FormField | undefined): number {
  if (field?.kind !== 'select' || field.default === undefined) return 0;
  return Math.max(0, field.options.indexOf(field.default));
}

function FormApp(props: Omit<FormProps, 'onSubmit' | 'onCancel'>) {
  const { exit } = useApp();
  return <Form {...props} onSubmit={(values) => exit({ values })} onCancel={() => exit({ cancelled: true })} />;
}

/**
 * Ask for `fields` on the terminal and resolve with their values (already checked by each field's
 * schema; validate the merged input again with the command's schema). Cancelling throws
 * InterruptedError (exit 130, nothing saved). Call only when stdin and stdout are TTYs.
 */
export async function runForm(screen: Screen, title: string, fields: readonly FormField[]): Promise<FormValues> {
  if (fields.length === 0) return {};
  // Ctrl-C arrives as input in raw mode; handle it ourselves so cancelling goes through one path.
  const opened = Date.now();
  const app = render(<FormApp title={title} fields={fields} />, inkOptions(screen));
  const result = (await app.waitUntilExit().finally(() => screen.away?.(Date.now() - opened))) as { values?: FormValues; cancelled?: boolean } | undefined;
  if (!result?.values) throw new InterruptedError();
  return result.values;
}
