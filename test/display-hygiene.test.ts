// Model text on its way to the screen: a reply carrying escape codes, control characters and bidi
// overrides (U+202A-U+202E, U+2066-U+2069), and a 20,000-character title. The view shows none of
// the controls and cuts the title with an ellipsis; --json and the saved record keep it whole.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readStore, tempHome } from './support/cli.js';
import { startFakeOllama } from './support/fake-ollama.js';
import { jsonReply, makeRoadmap } from './support/fixtures.js';
import { runInProcess } from './support/in-process.js';
import { DISPLAY_MAX_CHARS, displayText, stripControl } from '../src/core/sanitize.js';

const BIDI = ['\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u2066', '\u2067', '\u2068', '\u2069'];
const LONG = `Backend ${'x'.repeat(20_000)}`;

function hostileRoadmap() {
  const roadmap = makeRoadmap(1, 10, 'Dev');
  roadmap.roadmap[0]!.title = 'Back\u202eend\u202c basics';
  roadmap.overview = `Safe \u202eevil\u202c text ${BIDI.join('')} \u001b[31mred\u001b[0m \u001b]0;pwned\u0007 bell\u0007 done`;
  roadmap.roadmap[0]!.weeks[0]!.tasks[0] = '\u2066isolated\u2069 task\u0008\u0008';
  return roadmap;
}

describe('model text for display', () => {
  it('roadmap on a terminal: a reply with bidi, escape and control characters shows and saves none of them', async () => {
    const fake = await startFakeOllama();
    fake.onChat(() => jsonReply(hostileRoadmap()));
    const home = tempHome();
    try {
      // NO_COLOR: every escape byte left would be the model's.
      const tty = await runInProcess(['roadmap', '--role', 'Dev', '--months', '1'], { host: fake.host, home, tty: { columns: 100 }, env: { NO_COLOR: '1' } });
      expect(tty.exitCode, tty.stderr).toBe(0);
      const bytes = Buffer.from(tty.stdout, 'utf8');
      expect(bytes.includes(0x1b)).toBe(false);
      expect(bytes.includes(0x07)).toBe(false);
      expect(bytes.includes(0x08)).toBe(false);
      for (const ch of BIDI) expect(tty.stdout.includes(ch), `U+${ch.codePointAt(0)!.toString(16)}`).toBe(false);
      expect(tty.stdout).toContain('Safe evil text');
      expect(tty.stdout).toContain('isolated task');
      expect(tty.stdout.length).toBeLessThan(DISPLAY_MAX_CHARS + 2_000);

      expect(tty.stdout).toContain('Month 1: Backend basics');
      // The saved record holds the model's text without the controls too.
      const [saved] = Object.values(readStore(home).roadmaps) as Array<{ id: string; roadmap: { roadmap: Array<{ title: string }>; overview: string } }>;
      expect(saved!.roadmap.roadmap[0]!.title).toBe('Backend basics');
      for (const ch of BIDI) expect(saved!.roadmap.overview.includes(ch)).toBe(false);
    } finally {
      await fake.close();
    }
  });

  it('a saved 20,000-character title (an older version, a hand-edited store) is shown cut with an ellipsis; the store keeps it whole', async () => {
    const fake = await startFakeOllama();
    fake.onChat(() => jsonReply(makeRoadmap(1, 10, 'Dev')));
    const home = tempHome();
    try {
      const made = await runInProcess(['roadmap', '--role', 'Dev', '--months', '1', '--json'], { host: fake.host, home });
      expect(made.exitCode, made.stderr).toBe(0);
      const id = JSON.parse(made.stdout).meta.id as string;
      const file = path.join(home, 'store.json');
      const store = JSON.parse(fs.readFileSync(file, 'utf8'));
      store.roadmaps[id].roadmap.roadmap[0].title = LONG;
      store.roadmaps[id].roadmap.roadmap[0].weeks[0].tasks[0] = 'Ta\u202esk\u2069 \u001b[2Jone';
      fs.writeFileSync(file, JSON.stringify(store));
      const before = fs.readFileSync(file, 'utf8');

      const shown = await runInProcess(['progress', 'show', id], { home, tty: { columns: 100 }, env: { NO_COLOR: '1' } });
      expect(shown.exitCode, shown.stderr).toBe(0);
      expect(shown.stdout).not.toContain('\u001b');
      for (const ch of BIDI) expect(shown.stdout.includes(ch)).toBe(false);
      expect(shown.stdout).toContain('Task one');
      const x = shown.stdout.match(/x+…/g) ?? [];
      expect(x).toHaveLength(1);
      expect(shown.stdout.length).toBeLessThan(DISPLAY_MAX_CHARS + 3_000);
      expect(shown.stdout).not.toContain('x'.repeat(DISPLAY_MAX_CHARS));

      // show, list and logs go through their own output path: the same cleaning and cut.
      for (const args of [['show', id], ['list'], ['logs']]) {
        const out = await runInProcess(args, { home, tty: { columns: 100 }, env: { NO_COLOR: '1' } });
        expect(out.exitCode, `${args.join(' ')}: ${out.stderr}`).toBe(0);
        expect(out.stdout, args.join(' ')).not.toContain('\u001b');
        for (const ch of BIDI) expect(out.stdout.includes(ch), args.join(' ')).toBe(false);
        expect(out.stdout, args.join(' ')).not.toContain('x'.repeat(DISPLAY_MAX_CHARS));
      }
      const shownMd = await runInProcess(['show', id, '--format', 'md'], { home });
      expect(shownMd.stdout).toContain('Task one');
      expect(shownMd.stdout).toContain(LONG); // a file format: cleaned, never cut
      const shownJson = await runInProcess(['show', id, '--format', 'json'], { home });
      expect(shownJson.stdout).toContain('Ta\u202esk');

      // The data is not cut: --json and the file hold all 20,000.
      const json = await runInProcess(['progress', 'show', id, '--json'], { home });
      expect(json.stdout).toContain(LONG);
      expect(fs.readFileSync(file, 'utf8')).toBe(before);
    } finally {
      await fake.close();
    }
  });

  it('displayText strips and cuts strings deep inside a value without touching it', () => {
    const value = { a: ['\u202eab', 'y'.repeat(50)], n: 3, when: new Date(0) };
    const shown = displayText(value, 10);
    expect(shown).toEqual({ a: ['ab', `${'y'.repeat(9)}…`], n: 3, when: new Date(0) });
    expect(value.a[0]).toBe('\u202eab');
    expect(stripControl('a\u2066b\u2069c\u202dd')).toBe('abcd');
    expect(stripControl('naïve — 東京 🚀 \u200e')).toBe('naïve — 東京 🚀 \u200e'); // marks (LRM) are not overrides
  });
});
