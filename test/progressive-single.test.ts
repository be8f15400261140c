// Progressive output of a plan made in ONE call (issue 10), in-process: the head and each month are
// on stdout as soon as their JSON closes in the stream and passes its checks, the whole output is
// byte for byte the view printed at once, a month that fails its checks is held (and the months
// after it) until its repair, and an answer that fails as a whole after parts went out is said to
// be superseded and printed whole. The pty test is in terminal-screen.test.ts.
import { describe, expect, it } from 'vitest';
import { parseEnvelope } from './support/cli.js';
import type { ChatReply } from './support/fake-ollama.js';
import { Capture, runInProcess } from './support/in-process.js';
import { jsonReply, makeMonth, makeRoadmap } from './support/fixtures.js';
import { askedMonth, formatKind, useFake } from './support/spine.js';
import { roadmapText } from '../src/render/roadmap-text.js';
import { colorFor } from '../src/render/color.js';
import type { Roadmap } from '../src/core/roadmap/schema.js';

const fake = useFake();
const args = ['roadmap', '--role', 'Backend Developer', '--months', '3'];
const upToMeta = (text: string) => text.slice(0, text.lastIndexOf('\n', text.length - 2));
const whole = (plan: Roadmap) => roadmapText(plan, {}, colorFor(false));

/** The plan's JSON streamed in pieces; the stream stops after `stopAfter` until release() is called. */
function gatedStream(plan: unknown, stopAfter: string) {
  const text = JSON.stringify(plan);
  const cut = text.indexOf(stopAfter) + stopAfter.length;
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  async function* pieces() {
    for (let i = 0; i < cut; i += 40) yield text.slice(i, Math.min(i + 40, cut));
    await gate;
    for (let i = cut; i < text.length; i += 40) yield text.slice(i, i + 40);
  }
  const reply: ChatReply = { paced: { pieces: pieces(), stats: () => ({}) } };
  return { reply, release };
}

async function until(check: () => boolean) {
  for (let i = 0; i < 500 && !check(); i++) await new Promise((r) => setTimeout(r, 10));
  expect(check()).toBe(true);
}

describe('progressive output of a single-call plan', () => {
  it('prints the head and each month as its JSON closes, and ends as the whole view', async () => {
    const plan = makeRoadmap(3);
    // Stop right after month 1's object closed; month 2 is half-written.
    const month1 = JSON.stringify(plan.roadmap[0]);
    const g = gatedStream(plan, `${month1},{"month":2,"title":"Month 2`);
    fake().onChat(() => g.reply);
    const out = new Capture();
    const running = runInProcess(args, { host: fake().host, stdout: out });
    await until(() => out.text().includes('Checkpoint: Checkpoint 1'));
    expect(fake().chatRequests()).toHaveLength(1);
    expect(formatKind(fake().chatRequests()[0]!)).toBe('roadmap');
    const early = out.text();
    expect(early).toMatch(/^Backend Developer — 3 months\nA 3-month plan/);
    expect(early).not.toContain('Month 2:');
    g.release();
    const r = await running;
    expect(r.exitCode, r.stderr).toBe(0);
    expect(r.stdout.startsWith(early)).toBe(true);
    expect(upToMeta(r.stdout)).toBe(upToMeta(whole(plan)));
    expect(r.stdout).toMatch(/saved as r[0-9a-z]{6}/);
    expect(r.stderr).not.toContain('warning');
  });

  it('shows a month only after the fixes the whole answer gets (trimmed, renumbered): the same bytes', async () => {
    const sloppy = makeRoadmap(3);
    sloppy.roadmap.forEach((m) => {
      m.month = 1;
      m.title = `  ${m.title}  `;
      m.weeks.forEach((w) => (w.week = 1));
    });
    fake().reply(jsonReply(sloppy, { chunks: 60 }));
    const r = await runInProcess(args, { host: fake().host });
    expect(r.exitCode, r.stderr).toBe(0);
    expect(upToMeta(r.stdout)).toBe(upToMeta(whole(makeRoadmap(3))));
    expect(fake().chatRequests()).toHaveLength(1);
    expect(r.stderr).not.toContain('the plan changed');
  });

  it('holds a month that fails its checks, and every month after it, until it is regenerated alone', async () => {
    const plan = makeRoadmap(3);
    const bad = structuredClone(plan);
    bad.roadmap[1]!.weeks[0]!.hours = 40; // over --hours-per-week 10: month 2 fails checkMonth
    let releaseRepair!: () => void;
    const repairGate = new Promise<void>((resolve) => (releaseRepair = resolve));
    fake().onChat(async (req) => {
      if (formatKind(req) === 'roadmap') return jsonReply(bad, { chunks: 60 });
      expect(askedMonth(req)).toBe(2);
      await repairGate;
      return jsonReply(makeMonth(2));
    });
    const out = new Capture();
    const running = runInProcess(args, { host: fake().host, stdout: out });
    await until(() => fake().chatRequests().length === 2 && out.text().includes('Checkpoint: Checkpoint 1'));
    await new Promise((r) => setTimeout(r, 100));
    // Month 3 passed its checks in the stream but waits for month 2: output stays in order.
    expect(out.text()).not.toContain('Month 2:');
    expect(out.text()).not.toContain('Month 3:');
    releaseRepair();
    const r = await running;
    expect(r.exitCode, r.stderr).toBe(0);
    expect(upToMeta(r.stdout)).toBe(upToMeta(whole(plan)));
    expect(r.stdout.match(/^Month \d+:/gm)).toEqual(['Month 1:', 'Month 2:', 'Month 3:']);
    expect(r.stderr).not.toContain('the plan changed');
  });

  it('an answer that fails as a whole after months went out: said on stderr, then the plan printed whole', async () => {
    const first = makeRoadmap(3);
    const text = JSON.stringify(first);
    const partial = text.slice(0, text.indexOf(JSON.stringify(first.roadmap[1])) + 20);
    const second = makeRoadmap(3);
    second.roadmap[0]!.title = 'A different first month';
    fake().reply({ fault: 'midstream-error', content: partial, error: 'model runner crashed' }, jsonReply(second, { chunks: 60 }));
    const r = await runInProcess(args, { host: fake().host });
    expect(r.exitCode, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/roadmap: what was shown above came from an answer that failed as a whole/);
    // What went out early (attempt 1's head and month 1), then the finished plan whole, never a mix.
    const early = `${whole(first).slice(0, whole(first).indexOf('Month 2:'))}`;
    expect(r.stdout.startsWith(early)).toBe(true);
    expect(upToMeta(r.stdout.slice(early.length))).toBe(upToMeta(whole(second)));
  });

  it('--json prints nothing until the one envelope at the end', async () => {
    const g = gatedStream(makeRoadmap(3), JSON.stringify(makeMonth(2)));
    fake().onChat(() => g.reply);
    const out = new Capture();
    const running = runInProcess([...args, '--json'], { host: fake().host, stdout: out });
    await until(() => fake().chatRequests().length === 1);
    await new Promise((r) => setTimeout(r, 100));
    expect(out.text()).toBe('');
    g.release();
    const r = await running;
    expect(r.exitCode, r.stderr).toBe(0);
    expect(parseEnvelope(r.stdout).data.roadmap).toHaveLength(3);
  });
});
