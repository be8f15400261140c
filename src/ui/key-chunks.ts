// Ink hands useInput one event per chunk read from the terminal, and only recognises a key when
// the chunk is exactly that key: a burst of Backspaces ("\x7f\x7f\x7f"), a paste ending in a
// newline ("text\n") or typed text followed by a Backspace arrive as literal input. Split such a
// chunk into the keys it holds, in order, so every 0x7f/0x08 deletes one character, a line break
// is Enter, a tab is Tab, and no other control byte is ever inserted as text.
import type { Key } from 'ink';

export interface KeyEvent {
  input: string;
  key: Key;
}

// eslint-disable-next-line no-control-regex
const CONTROL = /[\x00-\x1f\x7f]/;

function blank(key: Key): Key {
  return Object.fromEntries(Object.keys(key).map((name) => [name, false])) as unknown as Key;
}

export function splitChunk(input: string, key: Key): KeyEvent[] {
  // A recognised key, an escape sequence (arrows...) or plain text: nothing to split.
  if (input.length <= 1 || input.startsWith('\x1b') || !CONTROL.test(input)) return [{ input, key }];
  const none = blank(key);
  const events: KeyEvent[] = [];
  let text = '';
  const flush = () => {
    if (text) events.push({ input: text, key: none });
    text = '';
  };
  for (let i = 0; i < input.length; i++) {
    const ch = input[i]!;
    if (!CONTROL.test(ch)) {
      text += ch;
      continue;
    }
    flush();
    if (ch === '\x7f' || ch === '\b') events.push({ input: '', key: { ...none, backspace: true } });
    else if (ch === '\r' || ch === '\n') {
      if (ch === '\n' && input[i - 1] === '\r') continue; // CRLF is one Enter
      events.push({ input: '\r', key: { ...none, return: true } });
    } else if (ch === '\t') events.push({ input: '\t', key: { ...none, tab: true } });
    // Any other control byte is dropped.
  }
  flush();
  return events;
}
