// The GPU-like fake Ollama (test/support/fake-gpu-main.ts) as a child process, for the benchmarks
// that drive the built CLI against it (bench:gen, bench:batch): bundled once with esbuild to plain
// JS, started per case with its slots and rates, answering with its host and control URL.
import { spawn } from 'node:child_process';
import path from 'node:path';
import * as esbuild from 'esbuild';

/** Bundle the fake into `dir`; returns the script to start. */
export async function bundleFakeGpu(root, dir) {
  const fakeJs = path.join(dir, 'fake-gpu.mjs');
  await esbuild.build({ entryPoints: [path.join(root, 'test/support/fake-gpu-main.ts')], bundle: true, platform: 'node', format: 'esm', outfile: fakeJs, logLevel: 'error' });
  return fakeJs;
}

/** Start it with `slots` slots; resolves to { host, control, child } once it listens. */
export function startGpu(fakeJs, { slots, promptRate, genRate }) {
  const child = spawn(process.execPath, [fakeJs, JSON.stringify({ slots, promptRate, genRate, loadMs: 0 })], { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve) => child.stdout.once('data', (d) => resolve({ ...JSON.parse(String(d)), child })));
}

/** fake-gpu.ts's default aggregate generation rate with `n` sequences busy. */
export const aggregateRate = (genRate, n) => genRate * Math.max(1, n) ** 0.8;
