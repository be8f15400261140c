// `npm run bench:cli`: start-up and memory of the built CLI, side by side in one run, as medians
// over RUNS runs (default 15): plain `node -e 0`, `careerforge --help`, `health --json` and
// `roadmap --json` against an instant fake Ollama, with peak RSS from GNU time. Also checks that
// Ink is never loaded on the --json and piped paths. Targets (2-core machine): --help within
// 1.25x of node -e 0, roadmap --json within 1.6x, peak RSS of the JSON path under 70 MB.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as esbuild from 'esbuild';

const RUNS = Number(process.env.RUNS ?? 15);
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'careerforge-bench-'));
const hasTime = fs.existsSync('/usr/bin/time');

// The fake server is TypeScript in test/support: bundle it to plain JS for this run.
const fakeJs = path.join(tmp, 'fake-ollama.mjs');
await esbuild.build({ entryPoints: [path.join(root, 'test/support/fake-ollama-main.ts')], bundle: true, platform: 'node', format: 'esm', outfile: fakeJs, logLevel: 'error' });

function startFake(replies) {
  const file = path.join(tmp, `replies-${Math.random().toString(36).slice(2)}.json`);
  fs.writeFileSync(file, JSON.stringify(replies));
  const child = spawn(process.execPath, [fakeJs, file], { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve) => child.stdout.once('data', (d) => resolve({ host: String(d).trim(), child })));
}

function month(m) {
  return {
    month: m, title: `Month ${m}`, tools: ['Git'], checkpoint: 'Ship it', projects: [{ name: `P${m}`, difficulty: 'beginner', estimated_hours: 10 }],
    weeks: [1, 2, 3, 4].map((w) => ({ week: w, focus: `Focus ${w}`, hours: 8, tasks: ['Read', 'Build'] })),
  };
}
const roadmap = {
  career_role: 'Backend Developer', overview: 'A plan.', timeline: '3 months', roadmap: [1, 2, 3].map(month),
  final_outcome: 'Job ready.', resources: { official_docs: ['Node docs'], courses: ['CS50'], youtube_channels: ['Fireship'] },
};
const roadmapFake = await startFake([{ content: JSON.stringify(roadmap), chunks: 1 }]);
const healthFake = await startFake([{ content: JSON.stringify({ ok: true, word: 'ready' }), chunks: 1 }]);

const bin = path.join(root, 'bin/careerforge.js');
// A reference floor, not a target: the least an ESM program that asks the server one thing can cost.
const floorJs = path.join(tmp, 'floor.mjs');
fs.writeFileSync(floorJs, "import http from 'node:http';\nhttp.get(`http://${process.env.OLLAMA_HOST}/api/version`, (r) => { r.resume(); r.on('end', () => process.stdout.write('{}\\n')); });\n");
const cases = [
  ['node -e 0', ['-e', '0'], {}],
  ['(floor) ESM + one HTTP GET', [floorJs], { OLLAMA_HOST: roadmapFake.host }],
  ['careerforge --help', [bin, '--help'], {}],
  ['careerforge health --json', [bin, 'health', '--json'], { OLLAMA_HOST: healthFake.host }],
  ['careerforge roadmap --json', [bin, 'roadmap', '--json', '--role', 'Backend Developer', '--months', '3'], { OLLAMA_HOST: roadmapFake.host }],
];

function once(args, env) {
  const home = fs.mkdtempSync(path.join(tmp, 'home-'));
  const argv = hasTime ? ['/usr/bin/time', ['-f', '%M', process.execPath, ...args]] : [process.execPath, args];
  const t0 = process.hrtime.bigint();
  const r = spawnSync(argv[0], argv[1], { env: { ...process.env, ...env, CAREERFORGE_HOME: home, NODE_DEBUG: '' }, encoding: 'utf8' });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  const rssKb = hasTime ? Number(r.stderr.trim().split('\n').pop()) : NaN;
  return { ms, rssMb: rssKb / 1024, status: r.status };
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

const results = {};
for (const [, args, env] of cases) once(args, env); // warm the page cache
for (let i = 0; i < RUNS; i++) {
  // Interleave the cases so that background load hits them all alike.
  for (const [name, args, env] of cases) (results[name] ??= []).push(once(args, env));
}

const base = median(results['node -e 0'].map((r) => r.ms));
console.log(`careerforge bench:cli — median of ${RUNS} runs each (node ${process.version}, ${os.cpus().length} cores)`);
console.log(`${'case'.padEnd(30)} ${'median ms'.padStart(10)} ${'x node'.padStart(8)} ${'peak RSS MB'.padStart(12)}  exit`);
for (const [name] of cases) {
  const rs = results[name];
  const ms = median(rs.map((r) => r.ms));
  const rss = median(rs.map((r) => r.rssMb));
  console.log(`${name.padEnd(30)} ${ms.toFixed(1).padStart(10)} ${(ms / base).toFixed(2).padStart(8)} ${(Number.isNaN(rss) ? 'n/a' : rss.toFixed(1)).padStart(12)}  ${rs[0].status}`);
}

// Ink must not load on the JSON or piped paths: trace module loads through an ESM loader hook.
const hook = path.join(tmp, 'trace-ink.mjs');
fs.writeFileSync(hook, "export async function load(url, ctx, next) { if (/[\\\\/]ink[\\\\/]|ui[\\\\/]|ink-|react/.test(url)) process.stderr.write('LOADED ' + url + '\\n'); return next(url, ctx); }\n");
const register = path.join(tmp, 'register.mjs');
fs.writeFileSync(register, `import { register } from 'node:module'; register(${JSON.stringify('file://' + hook)});\n`);
for (const [label, extra] of [['roadmap --json', ['--json']], ['roadmap | cat', []]]) {
  const r = spawnSync(process.execPath, ['--import', register, bin, 'roadmap', '--role', 'Backend Developer', '--months', '3', ...extra], {
    env: { ...process.env, OLLAMA_HOST: roadmapFake.host, CAREERFORGE_HOME: fs.mkdtempSync(path.join(tmp, 'home-')) }, encoding: 'utf8',
  });
  const inkChunk = fs.readdirSync(path.join(root, 'dist/chunks')).some((f) => f.startsWith('roadmap-view'));
  const loaded = r.stderr.split('\n').filter((l) => l.startsWith('LOADED') && /roadmap-view|ink/.test(l));
  console.log(`Ink loaded on \`${label}\`: ${loaded.length ? 'YES ' + loaded.join(', ') : 'no'} (exit ${r.status}${inkChunk ? ', Ink view lives in its own chunk' : ''})`);
}

roadmapFake.child.kill();
healthFake.child.kill();
fs.rmSync(tmp, { recursive: true, force: true });
