// Static views (a finished roadmap, a health report...) are rendered once to text and written as
// plain lines: nothing is redrawn, so a result taller than the window scrolls like any command's
// output and never makes Ink clear the screen and the scrollback (ESC[2J ESC[3J) to repaint it.
import type { ReactElement } from 'react';
import { renderToString } from 'ink';
import { applyColorPolicy } from '../render/color.js';
import type { Screen } from '../render/streams.js';
import { columnsOf } from '../render/terminal-stream.js';

export async function renderOnce(screen: Screen, view: ReactElement): Promise<void> {
  applyColorPolicy(screen.color);
  const text = renderToString(view, { columns: columnsOf(screen.stdout) });
  await new Promise<void>((resolve) => screen.stdout.write(`${text}\n`, () => resolve()));
}
