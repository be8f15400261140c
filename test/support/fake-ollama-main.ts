// Standalone fake Ollama for benchmarks: bundled with esbuild and run with plain node, so it avoids
// top-level await (the bundle format is the benchmark's choice). Usage: fake-ollama-main [replies.json]
// where replies.json is a JSON array of ChatReply cycled through in order. Prints the host, one line.
import { readFileSync } from 'node:fs';
import { startFakeOllama, standardModels, type ChatReply } from './fake-ollama.js';

function loadReplies(path: string | undefined): ChatReply[] {
  if (!path) return [];
  const parsed: unknown = JSON.parse(readFileSync(path, 'utf8'));
  if (!Array.isArray(parsed)) throw new Error(`${path}: expected a JSON array of replies`);
  return parsed as ChatReply[];
}

async function main(): Promise<void> {
  const replies = loadReplies(process.argv[2]);
  const models = standardModels();
  // Loaded fully on the "GPU", as a warm real server would report after a first request, so that
  // `careerforge health` passes against this standalone server.
  const loaded = models.map((m) => ({ name: m.name, size: m.size ?? 4_372_812_000, size_vram: m.size ?? 4_372_812_000 }));
  const fake = await startFakeOllama({ models, loaded });
  if (replies.length > 0) fake.onChat((_req, index) => replies[index % replies.length] as ChatReply);
  process.stdout.write(`${fake.host}\n`);
  const stop = (): void => {
    void fake.close().finally(() => process.exit(0));
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

main().catch((err: unknown) => {
  process.stderr.write(`fake-ollama: ${String(err)}\n`);
  process.exit(1);
});
