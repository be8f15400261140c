// `npm run bench:batch`: throughput of `careerforge batch` (the built CLI) against the GPU-like fake
// Ollama (test/support/fake-gpu.ts) with as many slots as requests in flight, as a vLLM or a
// multi-slot server would give: LINES profiles (default 100) of `batch skills` and of a 2-month
// `batch roadmap` at --concurrency 8 and 32. It prints, per case, lines per second, the fake's
// aggregate generated tokens per second while the batch ran, and that as a share of the fake's
// capacity at that many busy slots (how much of the "GPU" the client keeps busy).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { aggregateRate, bundleFakeGpu, startGpu as startFakeGpu } from './fake-gpu-process.mjs';
import { performance } from 'node:perf_hooks';

const { fetch } = globalThis;
const LINES = Number(process.env.LINES ?? 100);
const GEN_RATE = Number(process.env.GEN_RATE ?? 400);
const PROMPT_RATE = Number(process.env.PROMPT_RATE ?? 8000);
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'careerforge-bench-batch-'));
const fakeJs = await bundleFakeGpu(root, tmp);

const aggregate = (n) => aggregateRate(GEN_RATE, n);
const startGpu = (slots) => startFakeGpu(fakeJs, { slots, promptRate: PROMPT_RATE, genRate: GEN_RATE });

const ROLES = ['Backend Developer', 'Data Engineer', 'Frontend Developer', 'DevOps Engineer', 'ML Engineer'];
const LEVELS = ['beginner', 'intermediate', 'advanced'];
function writeInput(kind, file) {
  const lines = Array.from({ length: LINES }, (_, i) => {
    const base = { id: `p${String(i).padStart(4, '0')}`, role: ROLES[i % ROLES.length] };
    return kind === 'skills'
      ? { ...base, skills: ['git', 'sql', `tool-${i}`] }
      : { ...base, months: 2, level: LEVELS[i % LEVELS.length], goal: `goal number ${i}` };
  });
  fs.writeFileSync(file, lines.map((l) => JSON.stringify(l)).join('\n') + '\n');
}

function runBatch(kind, concurrency, host, home) {
  const input = path.join(home, 'in.jsonl');
  const out = path.join(home, 'out.jsonl');
  writeInput(kind, input);
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, [path.join(root, 'bin/careerforge.js'), 'batch', kind, '--input', input, '--out', out, '--concurrency', String(concurrency), '--no-cache'], {
      env: { ...process.env, CI: '1', CAREERFORGE_HOME: home, OLLAMA_HOST: host, CAREERFORGE_LOG: 'off' },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let err = '';
    child.stderr.on('data', (d) => (err += d));
    child.on('exit', (code) => {
      const ok = fs.readFileSync(out, 'utf8').trim().split('\n').filter((l) => JSON.parse(l).success === true).length;
      if (code !== 0 || ok !== LINES) reject(new Error(`batch ${kind}: exit ${code}, ${ok}/${LINES} lines ok\n${err.slice(-2000)}`));
      else resolve(performance.now() - started);
    });
  });
}

const rows = [];
for (const kind of ['skills', 'roadmap']) {
  for (const concurrency of [8, 32]) {
    const gpu = await startGpu(concurrency);
    await fetch(gpu.control, { method: 'POST' });
    const home = fs.mkdtempSync(path.join(tmp, 'home-'));
    const wall = await runBatch(kind, concurrency, gpu.host, home);
    const counters = await (await fetch(gpu.control)).json();
    gpu.child.kill('SIGTERM');
    const tokensPerS = counters.generated / (wall / 1000);
    rows.push({ kind, concurrency, wall, linesPerS: LINES / (wall / 1000), tokensPerS, capacity: aggregate(concurrency), ...counters });
    process.stderr.write(`batch ${kind} @ ${concurrency}: ${(wall / 1000).toFixed(2)} s\n`);
  }
}

const pad = (s, n) => String(s).padEnd(n);
const num = (s, n) => String(s).padStart(n);
console.log(`bench:batch: ${LINES} lines a case; one sequence ${GEN_RATE} tok/s, prompt ${PROMPT_RATE} tok/s; load average ${os.loadavg().map((l) => l.toFixed(2)).join(' ')} on ${os.cpus().length} CPUs`);
console.log(`${pad('case', 16)}${num('in flight', 10)}${num('wall s', 9)}${num('lines/s', 9)}${num('calls', 7)}${num('gen tok/s', 11)}${num('capacity', 10)}${num('used', 7)}${num('peak busy', 11)}`);
for (const r of rows) {
  console.log(
    `${pad(`batch ${r.kind}`, 16)}${num(r.concurrency, 10)}${num((r.wall / 1000).toFixed(2), 9)}${num(r.linesPerS.toFixed(1), 9)}${num(r.calls, 7)}${num(Math.round(r.tokensPerS), 11)}${num(Math.round(r.capacity), 10)}${num(`${Math.round((100 * r.tokensPerS) / r.capacity)}%`, 7)}${num(r.peakActive, 11)}`,
  );
}
if (!process.env.KEEP) fs.rmSync(tmp, { recursive: true, force: true });
