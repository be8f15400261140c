// A multi-line answer box: typed and pasted text is appended, Enter starts a new line,
// Backspace deletes, Ctrl-D submits a non-empty answer, Ctrl-S skips the question (asking again
// first when something was typed). Control characters never reach the text, tabs become spaces
// (a raw tab would break the box's border), and text past the limit is cut with a notice.
import React, { useEffect, useReducer, useRef } from 'react';
import { Box, Text, useInput } from 'ink';
import { stripControl } from '../core/sanitize.js';
import { splitChunk } from './key-chunks.js';
import { expandTabs } from './text.js';

interface Props {
  onSubmit: (answer: string, cut: boolean) => void;
  onSkip?: () => void;
  maxChars: number;
  /** Text already in the box (an answer saved but not graded). */
  initial?: string;
  isActive?: boolean;
}

interface State {
  text: string;
  hint: string;
  /** Something typed or pasted did not fit under maxChars. */
  cut: boolean;
  /** Ctrl-S was pressed once over typed text: a second press skips. */
  skipArmed: boolean;
  done?: { kind: 'submit'; answer: string } | { kind: 'skip' };
}

type Key = Parameters<Parameters<typeof useInput>[0]>[1];

export const cutNotice = (maxChars: number) => `your answer was cut to ${maxChars.toLocaleString('en-US')} characters`;

// A reducer, so each key sees the text the keys before it left, however fast they arrive.
function onKey(state: State, input: string, key: Key, maxChars: number): State {
  // One chunk can hold several keys (a Backspace burst, a pasted block): apply each in turn.
  return splitChunk(input, key).reduce((s, k) => onOneKey(s, k.input, k.key, maxChars), state);
}

function append(state: State, more: string, maxChars: number): State {
  const joined = state.text + more;
  if (joined.length <= maxChars) return { ...state, text: joined, hint: state.cut ? state.hint : '', skipArmed: false };
  return { ...state, text: joined.slice(0, maxChars), cut: true, hint: cutNotice(maxChars), skipArmed: false };
}

function onOneKey(state: State, input: string, key: Key, maxChars: number): State {
  if (state.done) return state;
  if (key.escape || (key.ctrl && input === 'c')) return state; // the parent ends the session
  if (key.ctrl && input === 's') {
    if (state.text.trim() === '' || state.skipArmed) return { ...state, done: { kind: 'skip' } };
    return { ...state, skipArmed: true, hint: 'Ctrl-S again to skip (this text is dropped)' };
  }
  if (key.ctrl && input === 'd') {
    return state.text.trim() === '' ? { ...state, hint: 'Type an answer first.' } : { ...state, done: { kind: 'submit', answer: state.text.trim() } };
  }
  if (key.return) return append(state, '\n', maxChars);
  if (key.backspace || key.delete) return { ...state, text: state.text.slice(0, -1), skipArmed: false };
  if (key.tab) return append(state, '  ', maxChars);
  if (key.ctrl || key.meta || key.upArrow || key.downArrow || key.leftArrow || key.rightArrow) return state;
  // A paste arrives as one chunk; its line breaks may be \r.
  const clean = stripControl(input.replace(/\r\n?/g, '\n'));
  return clean ? append(state, expandTabs(clean), maxChars) : state;
}

function initialState(initial: string | undefined, maxChars: number): State {
  const text = expandTabs(stripControl((initial ?? '').replace(/\r\n?/g, '\n')));
  const cut = text.length > maxChars;
  return { text: text.slice(0, maxChars), hint: cut ? cutNotice(maxChars) : '', cut, skipArmed: false };
}

export function AnswerInput({ onSubmit, onSkip, maxChars, initial, isActive = true }: Props) {
  const [{ text, hint, done, cut }, dispatch] = useReducer(
    (s: State, a: { input: string; key: Key }) => onKey(s, a.input, a.key, maxChars),
    undefined,
    () => initialState(initial, maxChars),
  );
  const fired = useRef(false);
  useEffect(() => {
    if (done && !fired.current) {
      fired.current = true; // once, even if the parent re-renders with a new callback
      if (done.kind === 'submit') onSubmit(done.answer, cut);
      else onSkip?.();
    }
  }, [done, cut, onSubmit, onSkip]);
  useInput((input, key) => dispatch({ input, key }), { isActive: isActive && !done });

  const lines = text.split('\n');
  return (
    <Box flexDirection="column">
      <Box borderStyle="round" borderColor="gray" paddingX={1} flexDirection="column">
        {lines.map((line, i) => (
          <Text key={i}>
            {line}
            {i === lines.length - 1 ? <Text color="cyan">▌</Text> : null}
          </Text>
        ))}
      </Box>
      <Text dimColor>
        Enter: new line · Ctrl-D: submit · {onSkip ? 'Ctrl-S: skip · ' : ''}Esc: stop ({text.length}/{maxChars})
      </Text>
      {hint && <Text color="yellow">{hint}</Text>}
    </Box>
  );
}
