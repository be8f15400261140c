// A multi-line answer box: typed and pasted text is appended, Enter starts a new line,
// Backspace deletes, Ctrl-D submits a non-empty answer. Control characters never reach the text.
import React, { useEffect, useReducer, useRef } from 'react';
import { Box, Text, useInput } from 'ink';
import { stripControl } from '../core/sanitize.js';
import { splitChunk } from './key-chunks.js';

interface Props {
  onSubmit: (answer: string) => void;
  maxChars: number;
  isActive?: boolean;
}

interface State {
  text: string;
  hint: string;
  submitted?: string;
}

type Key = Parameters<Parameters<typeof useInput>[0]>[1];

// A reducer, so each key sees the text the keys before it left, however fast they arrive.
function onKey(state: State, input: string, key: Key, maxChars: number): State {
  // One chunk can hold several keys (a Backspace burst, a pasted block): apply each in turn.
  return splitChunk(input, key).reduce((s, k) => onOneKey(s, k.input, k.key, maxChars), state);
}

function onOneKey(state: State, input: string, key: Key, maxChars: number): State {
  if (state.submitted !== undefined) return state;
  if (key.escape || (key.ctrl && input === 'c')) return state; // the parent ends the session
  if (key.ctrl && input === 'd') {
    return state.text.trim() === '' ? { ...state, hint: 'Type an answer first.' } : { ...state, submitted: state.text.trim() };
  }
  if (key.return) return state.text.length < maxChars ? { ...state, text: `${state.text}\n` } : state;
  if (key.backspace || key.delete) return { ...state, text: state.text.slice(0, -1) };
  // A tab is indentation in an answer; as a raw tab it would break the box's border.
  if (key.tab) return { text: `${state.text}  `.slice(0, maxChars), hint: '' };
  if (key.ctrl || key.meta || key.upArrow || key.downArrow || key.leftArrow || key.rightArrow) return state;
  // A paste arrives as one chunk; its line breaks may be \r.
  const clean = stripControl(input.replace(/\r\n?/g, '\n'));
  return clean ? { text: (state.text + clean).slice(0, maxChars), hint: '' } : state;
}

export function AnswerInput({ onSubmit, maxChars, isActive = true }: Props) {
  const [{ text, hint, submitted }, dispatch] = useReducer(
    (s: State, a: { input: string; key: Key }) => onKey(s, a.input, a.key, maxChars),
    { text: '', hint: '' },
  );
  const fired = useRef(false);
  useEffect(() => {
    if (submitted !== undefined && !fired.current) {
      fired.current = true; // once, even if the parent re-renders with a new callback
      onSubmit(submitted);
    }
  }, [submitted, onSubmit]);
  useInput((input, key) => dispatch({ input, key }), { isActive: isActive && submitted === undefined });

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
        Enter: new line · Ctrl-D: submit · Esc: stop ({text.length}/{maxChars}){hint ? ` · ${hint}` : ''}
      </Text>
    </Box>
  );
}
