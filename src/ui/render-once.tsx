// Static views (a finished roadmap, a health report...) render once and exit through
// useApp().exit(); this is the one place that mounts them and waits for that exit.
import type { ReactElement } from 'react';
import { render } from 'ink';
import type { Screen } from '../render/streams.js';
import { inkOptions } from './screen.js';

export async function renderOnce(screen: Screen, view: ReactElement): Promise<void> {
  await render(view, inkOptions(screen, { exitOnCtrlC: true })).waitUntilExit();
  // Ink leaves the cursor at the end of the view's last line: the shell prompt belongs below it.
  screen.stdout.write('\n');
}
