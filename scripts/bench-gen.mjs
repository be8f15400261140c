// `npm run bench:gen`: generation wall time of the built CLI against a GPU-like fake Ollama
// (test/support/fake-gpu.ts: N slots, a prompt rate, a per-sequence generation rate whose
// aggregate grows sub-linearly with busy slots, a per-slot KV prefix cache, a queue). For a 12- and
// a 24-month roadmap, interview 20 and quiz 30, at 1 slot (--concurrency 1) and 4 slots
// (--concurrency 4), it prints the medians of RUNS runs (default 3): wall time, calls, prompt tokens
// sent and evaluated, generated tokens, and wall / floor, where
//   floor = generated tokens / aggregate rate + unique prompt tokens / prompt rate
// (what the GPU alone needs: every generated token, and every distinct prompt token once).
// Targets: <= 1.03x at 1 slot for every case; <= 1.3x at 4 slots. Rates: GEN_RATE tokens/s of one
// sequence (default 400) and PROMPT_RATE (default 8000), scaled-down but in a 7B GPU's proportion.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { aggregateRate, bundleFakeGpu, startGpu as startFakeGpu } from './fake-gpu-process.mjs';
import { performance } from 'node:perf_hooks';

// Node's own fetch, for the fake's control URL (the CLI under test never uses it).
const { fetch } = globalThis;

const RUNS = Number(process.env.RUNS ?? 3);
const GEN_RATE = Number(process.env.GEN_RATE ?? 400);
const PROMPT_RATE = Number(process.env.PROMPT_RATE ?? 8000);
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'careerforge-bench-gen-'));
const fakeJs = await bundleFakeGpu(root, tmp);

const aggregate = (n) => aggregateRate(GEN_RATE, n);
const startGpu = (slots) => startFakeGpu(fakeJs, { slots, promptRate: PROMPT_RATE, genRate: GEN_RATE });

function runCli(args, host, home) {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const startedAt = Date.now();
    const child = spawn(process.execPath, [path.join(root, 'bin/careerforge.js'), ...args, '--json'], {
      env: { ...process.env, CI: '1', CAREERFORGE_HOME: home, OLLAMA_HOST: host, CAREERFORGE_LOG: 'off' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    child.on('exit', (code) => (code === 0 ? resolve({ wall: performance.now() - started, startedAt, endedAt: Date.now() }) : reject(new Error(`${args.join(' ')}: exit ${code}\n${err}${out}`))));
  });
}

const cases = [
  ['roadmap 12 months', ['roadmap', '--role', 'Backend Developer', '--months', '12']],
  ['roadmap 24 months', ['roadmap', '--role', 'Backend Developer', '--months', '24']],
  ['interview 20', ['interview', '--role', 'Backend Developer', '--count', '20']],
  ['quiz 30', ['quiz', '--topic', 'PostgreSQL', '--count', '30']],
];
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const rows = [];
for (const slots of [1, 4]) {
  for (const [name, args] of cases) {
    const gpu = await startGpu(slots);
    const walls = [];
    // Client-side time, per run: start-up to the first request, the GPU idle between requests
    // (our work between calls), and from the last answer to the exit (validate, save, print).
    const starts = [];
    const gaps = [];
    const ends = [];
    let counters;
    for (let i = 0; i < RUNS; i++) {
      await fetch(gpu.control, { method: 'POST' });
      const home = fs.mkdtempSync(path.join(tmp, 'home-'));
      const run = await runCli([...args, '--concurrency', String(slots)], gpu.host, home);
      walls.push(run.wall);
      counters = await (await fetch(gpu.control)).json();
      starts.push(counters.firstArrival - run.startedAt);
      gaps.push(counters.idleBetweenMs);
      ends.push(run.endedAt - counters.lastDone);
    }
    gpu.child.kill('SIGTERM');
    const floor = (counters.generated / aggregate(slots) + counters.uniquePrompt / PROMPT_RATE) * 1000;
    const wall = median(walls);
    rows.push({ slots, name, wall, floor, ratio: wall / floor, ...counters, start: median(starts), gaps: median(gaps), end: median(ends) });
    process.stderr.write(`${name} @ ${slots} slot(s): ${(wall / 1000).toFixed(2)} s, ${(wall / floor).toFixed(3)}x floor\n`);
  }
}

const pad = (s, n) => String(s).padEnd(n);
const num = (s, n) => String(s).padStart(n);
console.log(`bench:gen: medians of ${RUNS} runs; one sequence ${GEN_RATE} tok/s, prompt ${PROMPT_RATE} tok/s, KV prefix cache per slot`);
console.log(`${pad('case', 20)}${num('slots', 6)}${num('wall s', 9)}${num('floor s', 9)}${num('x floor', 9)}${num('calls', 7)}${num('prompt sent', 13)}${num('evaluated', 11)}${num('unique', 9)}${num('generated', 11)}${num('start s', 9)}${num('gaps s', 8)}${num('end s', 7)}`);
for (const r of rows) {
  console.log(
    `${pad(r.name, 20)}${num(r.slots, 6)}${num((r.wall / 1000).toFixed(2), 9)}${num((r.floor / 1000).toFixed(2), 9)}${num(r.ratio.toFixed(3), 9)}${num(r.calls, 7)}${num(r.promptSent, 13)}${num(r.promptEvaluated, 11)}${num(r.uniquePrompt, 9)}${num(r.generated, 11)}${num((r.start / 1000).toFixed(2), 9)}${num((r.gaps / 1000).toFixed(2), 8)}${num((r.end / 1000).toFixed(2), 7)}`,
  );
}
const worst = (slots) => Math.max(...rows.filter((r) => r.slots === slots).map((r) => r.ratio));
console.log(`load average at the end: ${os.loadavg().map((l) => l.toFixed(2)).join(', ')} on ${os.cpus().length} CPUs (start s: spawn to the first request; gaps s: nothing in flight between requests; end s: last answer to exit)`);
console.log(`worst at 1 slot: ${worst(1).toFixed(3)}x (target <= 1.03x); worst at 4 slots: ${worst(4).toFixed(3)}x (target <= 1.3x)`);
fs.rmSync(tmp, { recursive: true, force: true });
