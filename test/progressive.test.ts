// Progressive output (issue 10), in-process: a long plan's head is on stdout once the outline is in,
// each month once it and every month before it are done (months finish out of order with
// --concurrency), and the whole output is exactly the view printed at once; --json stays one
// document at the end. The pty test of the same thing is in terminal-screen.test.ts.
import { describe, expect, it } from 'vitest';
import { parseEnvelope } from './support/cli.js';
import { Capture, runInProcess } from './support/in-process.js';
import { jsonReply, makeMonth, makeOutline } from './support/fixtures.js';
import { askedMonth, formatKind, useFake } from './support/spine.js';
import { roadmapText } from '../src/render/roadmap-text.js';
import { colorFor } from '../src/render/color.js';

const fake = useFake();
const args = ['roadmap', '--role', 'Backend Developer', '--months', '12', '--concurrency', '4'];

/** Months answered only when released, so the test decides the order they finish in. */
function gatedMonths() {
  const gates = new Map<number, () => void>();
  const asked = new Set<number>();
  fake().onChat(async (req) => {
    if (formatKind(req) === 'outline') return jsonReply(makeOutline(12));
    const n = askedMonth(req);
    asked.add(n);
    await new Promise<void>((resolve) => gates.set(n, resolve));
    return jsonReply(makeMonth(n));
  });
  const until = async (check: () => boolean) => {
    for (let i = 0; i < 500 && !check(); i++) await new Promise((r) => setTimeout(r, 10));
    expect(check()).toBe(true);
  };
  return { release: (n: number) => gates.get(n)?.(), asked, until, gates };
}

describe('progressive output of a long plan', () => {
  it('prints the head after the outline and each month in order as soon as it can', async () => {
    const g = gatedMonths();
    const out = new Capture();
    const running = runInProcess(args, { host: fake().host, stdout: out });
    await g.until(() => g.gates.has(1) && g.gates.has(4) && out.text().length > 0);
    expect(out.text()).toMatch(/^Backend Developer — 12 months\n/);
    expect(out.text()).not.toContain('Month 1:');
    // Month 2 finishes first: nothing new yet, month 1 is still running.
    g.release(2);
    await new Promise((r) => setTimeout(r, 100));
    expect(out.text()).not.toContain('Month 2:');
    g.release(1);
    await g.until(() => out.text().includes('Month 2: Month 2 topic'));
    expect(out.text().indexOf('Month 1:')).toBeLessThan(out.text().indexOf('Month 2:'));
    expect(out.text()).not.toContain('Outcome:');
    for (let n = 3; n <= 12; n++) {
      await g.until(() => g.gates.has(n));
      g.release(n);
    }
    const r = await running;
    expect(r.exitCode, r.stderr).toBe(0);
    expect(r.stdout.match(/^Month \d+:/gm)).toEqual(Array.from({ length: 12 }, (_, i) => `Month ${i + 1}:`));
    expect(r.stdout).toMatch(/Outcome: .*\n[\s\S]*saved as r[0-9a-z]{6}/);
  });

  it('is byte for byte the view printed at once', async () => {
    fake().onChat((req) => (formatKind(req) === 'outline' ? jsonReply(makeOutline(12)) : jsonReply(makeMonth(askedMonth(req)))));
    const r = await runInProcess(args, { host: fake().host });
    expect(r.exitCode, r.stderr).toBe(0);
    const json = await runInProcess([...args, '--json'], { host: fake().host });
    const env = parseEnvelope(json.stdout);
    const whole = roadmapText(env.data, {}, colorFor(false));
    const upToMeta = (text: string) => text.slice(0, text.lastIndexOf('\n', text.length - 2));
    expect(upToMeta(r.stdout)).toBe(upToMeta(whole));
  });

  it('--json prints nothing until the one envelope at the end', async () => {
    fake().onChat((req) => (formatKind(req) === 'outline' ? jsonReply(makeOutline(12)) : jsonReply(makeMonth(askedMonth(req)))));
    const r = await runInProcess([...args, '--json'], { host: fake().host });
    expect(r.exitCode, r.stderr).toBe(0);
    expect(parseEnvelope(r.stdout).data.roadmap).toHaveLength(12);
  });
});
