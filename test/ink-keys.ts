// Typing into an ink-testing-library app as a user would: wait until Ink listens to stdin (keys
// written before that are lost), then write each key and let React settle before the next.
import { vi } from 'vitest';
import type { render } from 'ink-testing-library';

type App = ReturnType<typeof render>;

export async function ready(app: App): Promise<void> {
  await vi.waitFor(() => {
    if (app.stdin.listenerCount('readable') === 0) throw new Error('Ink is not reading stdin yet');
  });
}

/**
 * Waits until no new frame has come for a while: by then React has run the effects of the last
 * render, so a component that just appeared is listening for keys (a key sent sooner is lost,
 * which a person typing never notices but a test does).
 */
export async function settle(app: App, quietMs = 60): Promise<void> {
  let count = app.frames.length;
  let since = Date.now();
  const deadline = Date.now() + 2000;
  while (Date.now() - since < quietMs && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 10));
    if (app.frames.length !== count) {
      count = app.frames.length;
      since = Date.now();
    }
  }
}

export async function press(app: App, ...keys: string[]): Promise<void> {
  for (const key of keys) {
    await ready(app);
    await settle(app);
    app.stdin.write(key);
  }
  await settle(app);
}

/**
 * Waits (up to three seconds: CI machines are busy) for the screen to show `text`. The screen is
 * the last non-empty frame: when a component finishes through useApp().exit(), Ink leaves its
 * last output on a real terminal, but ink-testing-library records one more, empty, frame as it
 * unmounts, and whether a check lands before or after it is a matter of timing.
 */
export async function shows(app: App, text: string | RegExp): Promise<string> {
  return vi.waitFor(() => {
    const frame = [...app.frames].reverse().find((f) => f.trim() !== '') ?? '';
    if (typeof text === 'string' ? !frame.includes(text) : !text.test(frame)) throw new Error(`screen lacks ${String(text)}:\n${frame}`);
    return frame;
  }, { timeout: 3000, interval: 10 });
}
