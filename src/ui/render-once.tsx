// Static views (a finished roadmap, a health report...) are rendered once to text and written as
// plain lines: nothing is redrawn, so a result taller than the window scrolls like any command's
// output and never makes Ink clear the screen and the scrollback (ESC[2J ESC[3J) to repaint it.
import type { ReactElement } from 'react';
import { renderToString } from 'ink';
import { applyColorPolicy } from '../render/color.js';
import { columnsOf } from '../render/terminal-stream.js';

export async function renderOnce(view: ReactElement): Promise<void> {
  applyColorPolicy();
  const text = renderToString(view, { columns: columnsOf(process.stdout) });
  await new Promise<void>((resolve) => process.stdout.write(`${text}\n`, () => resolve()));
}
