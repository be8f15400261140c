// IO comes in through the Session (src/commands/session.ts), never from `process`: no file under
// src/core, src/render or src/commands reads `process.` outside a comment. src/main.ts is the one
// place that touches it (and src/cli.ts, which only wires the session, is left out as it is the
// other edge). Like repo-boundary.test.ts, a plain scan of the source, so a new read fails here.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

// Facts about the runtime itself, printed by `--version --json` for bug reports: nothing to inject.
const ALLOWED: Record<string, RegExp> = {
  'src/commands/version.ts': /^process\.(versions|platform|arch)$/,
  // The --out lock names its owner process and checks whether a stale owner is still alive.
  'src/core/batch/results-file.ts': /^process\.(pid|kill)$/,
  // The store lock names its owner process the same way (src/core/store/lock.ts).
  'src/core/store/lock.ts': /^process\.(pid|kill)$/,
};

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? walk(full) : /\.(ts|tsx)$/.test(name) ? [full] : [];
  });
}

/** The source without its comments: block comments, and line comments not inside a URL like http://. */
export function withoutComments(source: string): string {
  return source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:\\'"`])\/\/.*$/gm, '$1');
}

/** Every `process.x` read left once the comments are gone. */
export function processReads(source: string): string[] {
  return [...withoutComments(source).matchAll(/(?<![\w.$])process\.\w+/g)].map((m) => m[0]);
}

const files = ['src/core', 'src/render', 'src/commands'].flatMap((d) => walk(path.join(ROOT, d))).filter((f) => path.relative(ROOT, f) !== 'src/cli.ts');

describe('no process in core, render and commands', () => {
  it('scans the source tree', () => {
    expect(files.length).toBeGreaterThan(50);
  });

  it('no file reads process.* directly', () => {
    const violations: string[] = [];
    for (const file of files) {
      const rel = path.relative(ROOT, file);
      for (const read of processReads(readFileSync(file, 'utf8'))) if (!ALLOWED[rel]?.test(read)) violations.push(`${rel}: ${read}`);
    }
    expect(violations).toEqual([]);
  });

  it('would catch a read, and ignores comments and look-alikes', () => {
    expect(processReads('if (!process.stdin.isTTY) process.stderr.write("x");')).toEqual(['process.stdin', 'process.stderr']);
    expect(processReads('const t = `${file}.${process.pid}.tmp`;')).toEqual(['process.pid']);
    expect(processReads('// reads process.stdout\n/* process.env */ const url = "http://x"; // process.exit')).toEqual([]);
    expect(processReads('session.process.x; subprocess.kill(); import { env } from "node:process";')).toEqual([]);
  });
});
