// meta.latency_ms is the CLI's time, not the person's: time spent in a form (Screen.away, called by
// runForm when the form closes) moves the session's start on, so elapsed() excludes it.
import { Readable } from 'node:stream';
import { describe, expect, it, vi } from 'vitest';
import { createSession, elapsed } from '../../src/commands/session.js';
import { Capture } from '../support/in-process.js';

describe('the session clock', () => {
  it('excludes the time reported away on a screen', () => {
    vi.useFakeTimers({ now: 1_000_000 });
    try {
      const session = createSession({ stdout: new Capture(true, 80), stderr: new Capture(true, 80), stdin: Readable.from([]), env: {}, raise: () => undefined, json: false, signal: new AbortController().signal });
      vi.advanceTimersByTime(200); // start-up
      const screen = session.screen();
      vi.advanceTimersByTime(20_000); // the person in the form
      screen.away?.(20_000);
      vi.advanceTimersByTime(300); // the generation
      expect(elapsed(session)).toBe(500);
    } finally {
      vi.useRealTimers();
    }
  });
});
