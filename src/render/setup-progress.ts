// Progress of `careerforge setup` on stderr. On a terminal the pull is a bar redrawn in place from
// the stream's completed/total; when piped, each new status is one plain line (no escape codes).
import type { SetupEvent } from '../core/ollama-admin/setup.js';
import type { OutStream } from './streams.js';

const WIDTH = 30;

export function progressBar(completed: number, total: number): string {
  const ratio = total > 0 ? Math.min(1, Math.max(0, completed / total)) : 0;
  const filled = Math.round(ratio * WIDTH);
  const gb = (n: number) => (n / 1e9).toFixed(2);
  return `[${'#'.repeat(filled)}${'-'.repeat(WIDTH - filled)}] ${String(Math.round(ratio * 100)).padStart(3)}% ${gb(completed)}/${gb(total)} GB`;
}

export function createSetupProgress(stream: OutStream, quiet: boolean) {
  const tty = stream.isTTY === true;
  let lastStatus = '';
  let lastTenth = -1;
  let barShown = false;
  const endBar = () => {
    if (barShown) stream.write('\n');
    barShown = false;
  };
  // Piped: a line when the status changes and at every further 10% of a layer, not per chunk.
  const printPiped = (status: string, completed = 0, total?: number) => {
    const tenth = total ? Math.floor((completed / total) * 10) : -1;
    if (status === lastStatus && tenth <= lastTenth) return;
    lastStatus = status;
    lastTenth = tenth;
    endBar();
    stream.write(`  ${status}${total !== undefined ? ` ${progressBar(completed, total)}` : ''}\n`);
  };
  return {
    on(event: SetupEvent): void {
      if (quiet) return;
      switch (event.type) {
        case 'step':
          endBar();
          stream.write(`${event.step}: ${event.detail}\n`);
          return;
        case 'pull-progress':
          if (event.total !== undefined && tty) {
            stream.write(`\r  ${event.status.slice(0, 24).padEnd(24)} ${progressBar(event.completed ?? 0, event.total)}`);
            barShown = true;
            return;
          }
          printPiped(event.status, event.completed, event.total);
          return;
        case 'create-progress':
          endBar();
          stream.write(`  ${event.status}\n`);
          return;
        case 'check':
          return; // the health report is printed in full at the end
      }
    },
    stop: endBar,
  };
}
