// PATH setups for `careerforge bench` tests: one where nvidia-smi is the fake in this folder, one
// where there is no nvidia-smi at all. Both keep node reachable and nothing else of the host.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT } from './cli.js';

const nodeDir = path.dirname(process.execPath);

export function pathWithFakeGpu(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'careerforge-gpu-'));
  fs.symlinkSync(path.join(ROOT, 'test', 'support', 'fake-nvidia-smi'), path.join(dir, 'nvidia-smi'));
  return `${dir}${path.delimiter}${nodeDir}`;
}

export function pathWithoutGpu(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'careerforge-nogpu-'));
  return `${dir}${path.delimiter}${nodeDir}`;
}
