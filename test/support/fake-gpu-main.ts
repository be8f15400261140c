// Standalone GPU-like fake Ollama for `npm run bench:gen` (bundled with esbuild, run with plain
// node). Usage: fake-gpu-main '<GpuOptions as JSON>'. Answers every generator from its request
// (answer-by-request.ts, wordy: realistic lengths). Prints one line of JSON: the Ollama host and a
// control URL whose GET returns the counters (calls, prompt tokens sent and evaluated, generated,
// the unique prompt tokens) and whose POST resets them.
import http from 'node:http';
import { answerFor } from './answer-by-request.js';
import { attachGpu, type GpuOptions } from './fake-gpu.js';
import { startFakeOllama, standardModels } from './fake-ollama.js';

async function main(): Promise<void> {
  const opts = JSON.parse(process.argv[2] ?? '{}') as GpuOptions;
  const models = standardModels();
  const loaded = models.map((m) => ({ name: m.name, size: m.size ?? 4_372_812_000, size_vram: m.size ?? 4_372_812_000 }));
  const fake = await startFakeOllama({ models, loaded });
  const gpu = attachGpu(fake, opts, (req) => answerFor(req, { wordy: true }));
  const control = http.createServer((req, res) => {
    if (req.method === 'POST') gpu.reset();
    res.setHeader('content-type', 'application/json');
    const { calls, promptSent, promptEvaluated, generated, peakActive, peakInFlight, firstArrival, lastDone, idleBetweenMs } = gpu;
    res.end(JSON.stringify({ calls, promptSent, promptEvaluated, generated, peakActive, peakInFlight, firstArrival, lastDone, idleBetweenMs, uniquePrompt: gpu.uniquePrompt() }));
  });
  await new Promise<void>((resolve) => control.listen(0, '127.0.0.1', resolve));
  const address = control.address() as { port: number };
  process.stdout.write(`${JSON.stringify({ host: fake.host, control: `http://127.0.0.1:${address.port}` })}\n`);
  const stop = (): void => {
    control.close();
    void fake.close().finally(() => process.exit(0));
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

main().catch((err: unknown) => {
  process.stderr.write(`fake-gpu: ${String(err)}\n`);
  process.exit(1);
});
