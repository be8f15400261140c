// The suite must pass in a clone with nothing beside it: no file under src/, test/ or scripts/ may
// reach a path outside the repository (the wire examples live in test/fixtures/).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (name === 'node_modules' || name === 'fixtures') return [];
    return statSync(full).isDirectory() ? walk(full) : /\.(ts|tsx|mjs|js)$/.test(name) ? [full] : [];
  });
}

const files = ['src', 'test', 'scripts'].flatMap((d) => walk(path.join(ROOT, d))).filter((f) => f !== fileURLToPath(import.meta.url));

/** Every relative path the file builds from its own location: new URL('..', import.meta.url) and imports. */
function relativeTargets(source: string): string[] {
  const found: string[] = [];
  for (const m of source.matchAll(/new URL\(\s*['"`]([^'"`$]+)['"`]\s*,\s*import\.meta\.url\s*\)/g)) found.push(m[1]!);
  for (const m of source.matchAll(/(?:from|import\()\s*['"](\.\.?\/[^'"]+)['"]/g)) found.push(m[1]!);
  return found;
}

describe('repository boundary', () => {
  it('scans the source tree', () => {
    expect(files.length).toBeGreaterThan(50);
  });

  it('no file under src/, test/ or scripts/ reads a path outside the repository', () => {
    const violations: string[] = [];
    for (const file of files) {
      const source = readFileSync(file, 'utf8');
      for (const spec of relativeTargets(source)) {
        if (path.relative(ROOT, path.resolve(path.dirname(file), spec)).startsWith('..')) violations.push(`${path.relative(ROOT, file)}: ${spec}`);
      }
      // Absolute paths into the workplace (where ../shared sits) are just as fragile.
      if (/['"`]\/work\/|\.\.\/shared\//.test(source)) violations.push(`${path.relative(ROOT, file)}: a path into the workplace`);
    }
    expect(violations).toEqual([]);
  });

  it('would catch a read of ../shared', () => {
    const file = path.join(ROOT, 'test', 'x.test.ts');
    const sample = "new URL('../../outside-the-repo/ollama-wire/', import.meta.url)";
    const [spec] = relativeTargets(sample);
    expect(path.relative(ROOT, path.resolve(path.dirname(file), spec!)).startsWith('..')).toBe(true);
  });
});
