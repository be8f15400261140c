// Static views (a finished roadmap, a health report...) render once and exit through
// useApp().exit(); this is the one place that mounts them and waits for that exit.
import type { ReactElement } from 'react';
import { render } from 'ink';
import { applyColorPolicy } from '../render/color.js';

export async function renderOnce(view: ReactElement): Promise<void> {
  applyColorPolicy();
  await render(view).waitUntilExit();
  // Ink leaves the cursor at the end of the view's last line: the shell prompt belongs below it.
  process.stdout.write('\n');
}
