// A multi-line answer box: typed and pasted text is appended, Enter starts a new line,
// Backspace deletes, Ctrl-D submits a non-empty answer. Control characters never reach the text.
import React, { useState } from 'react';
import { Box, Text, useInput } from 'ink';
import { stripControl } from '../core/sanitize.js';

interface Props {
  onSubmit: (answer: string) => void;
  maxChars: number;
  isActive?: boolean;
}

export function AnswerInput({ onSubmit, maxChars, isActive = true }: Props) {
  const [text, setText] = useState('');
  const [hint, setHint] = useState('');

  useInput((input, key) => {
    if (key.escape || (key.ctrl && input === 'c')) return; // the parent ends the session
    if (key.ctrl && input === 'd') {
      if (text.trim() === '') return setHint('Type an answer first.');
      return onSubmit(text.trim());
    }
    if (key.return) return setText((t) => (t.length < maxChars ? `${t}\n` : t));
    if (key.backspace || key.delete) return setText((t) => t.slice(0, -1));
    if (key.ctrl || key.meta || key.upArrow || key.downArrow || key.leftArrow || key.rightArrow || key.tab) return;
    // A paste arrives as one chunk; its line breaks may be \r.
    const clean = stripControl(input.replace(/\r\n?/g, '\n'));
    if (clean) {
      setHint('');
      setText((t) => (t + clean).slice(0, maxChars));
    }
  }, { isActive });

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
