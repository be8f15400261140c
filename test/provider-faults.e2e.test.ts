// The same fault matrix on both providers: every generator, health and bench through the built CLI
// against the Ollama fake (--provider ollama) and the OpenAI-compatible fake as vLLM and as
// llama-server (--provider openai). Each case pins the exit code, the error code and the one-line
// message, and that CAREERFORGE_API_KEY goes to the OpenAI-compatible server as a bearer token only,
// never to Ollama, never to stdout or stderr, never into a file under CAREERFORGE_HOME.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseEnvelope, runCli, tempHome, type CliResult } from './support/cli.js';
import { closedPort, expectFailure } from './support/spine.js';
import { FAULT_MESSAGE, startRig, type Fault, type Rig, type RigKind } from './support/provider-rig.js';

const KEY = 'sk-test-4f1c9a77e2';
const KINDS: RigKind[] = ['ollama', 'vllm', 'llamacpp'];
const GENERATORS: Record<string, string[]> = {
  roadmap: ['roadmap', '--role', 'Backend Developer', '--months', '2'],
  skills: ['skills', '--role', 'Backend Developer', '--skills', 'TypeScript:advanced,SQL:beginner'],
  interview: ['interview', '--role', 'SRE', '--count', '2'],
  quiz: ['quiz', '--topic', 'SQL', '--count', '3'],
};

/** Every file under a directory, read as text. */
function filesUnder(dir: string): Array<[string, string]> {
  return fs.readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.join(e.parentPath, e.name))
    .map((file) => [file, fs.readFileSync(file, 'latin1')]);
}

function expectKeyKept(r: CliResult): void {
  expect(r.stdout).not.toContain(KEY);
  expect(r.stderr).not.toContain(KEY);
  for (const [file, text] of filesUnder(r.home)) expect(text, file).not.toContain(KEY);
}

/** What each provider says for each fault: the code and the exact message (N stands for the token cap). */
function expected(rig: Rig, fault: Fault): { code: string; message: RegExp } {
  const ollama = rig.provider === 'ollama';
  const url = rig.url.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  switch (fault) {
    case 'status-500':
      return { code: 'OLLAMA_ERROR', message: new RegExp(`^${ollama ? 'Ollama' : 'The server'} at ${url} answered 500: ${FAULT_MESSAGE}$`) };
    case 'status-503':
      return { code: 'OLLAMA_BUSY', message: new RegExp(`^${ollama ? 'Ollama' : 'The server'} at ${url} is busy \\(503: .+\\): wait and retry, or .+$`) };
    case 'midstream-error':
      return {
        code: 'STREAM_ERROR',
        message: new RegExp(`^${ollama ? 'Ollama' : 'The server'} reported an error mid-stream: ${FAULT_MESSAGE} \\(in all 2 attempts\\): check the ${ollama ? 'Ollama ' : ''}server log$`),
      };
    case 'cut':
      return {
        code: 'STREAM_INCOMPLETE',
        message: ollama
          ? /^Ollama's stream ended without done:true in all 2 attempts: the server may have stopped a looping model; retry or check its log$/
          : /^The server's stream ended without \[DONE\] in all 2 attempts: the connection dropped or the server stopped the model; retry or check its log$/,
      };
    case 'length':
      return {
        code: 'OUTPUT_TRUNCATED',
        message: ollama
          ? /^The model's answer was cut off at num_predict=\d+ tokens \(done_reason "length"\) in all 2 attempts: raise --num-predict \(and --num-ctx, now 8192\)$/
          : /^The model's answer was cut off at max_tokens=\d+ \(finish_reason "length"\) in all 2 attempts: raise --num-predict \(and the server's context length\)$/,
      };
  }
}

type Runner = (args: string[], env?: Record<string, string | undefined>, home?: string) => Promise<CliResult>;

const FAULTS: Fault[] = ['status-500', 'status-503', 'midstream-error', 'cut', 'length'];

// Each case starts its own fake, so cases run concurrently: most of their time is the CLI's backoff.
describe.concurrent.each(KINDS)('--provider %s', (kind) => {
  const withRig = (test: (rig: Rig, run: Runner) => Promise<void>) => async () => {
    const rig = await startRig(kind, { apiKey: KEY });
    const run: Runner = (args, env = { CAREERFORGE_API_KEY: KEY }, home = tempHome()) => runCli([...args, ...rig.args, '--json'], { env, home });
    try {
      await test(rig, run);
    } finally {
      await rig.close();
    }
  };

  describe.each(Object.keys(GENERATORS))('%s', (name) => {
    const args = GENERATORS[name]!;

    it('answers, sending the API key only to an OpenAI-compatible server and keeping it out of output and files', withRig(async (rig, run) => {
      rig.answerAll();
      const r = await run(args);
      expect(r.exitCode, r.stderr).toBe(0);
      expect(parseEnvelope(r.stdout).success).toBe(true);
      expect(rig.chats().length).toBeGreaterThan(0);
      for (const req of rig.requests) {
        expect(req.headers.authorization).toBe(rig.provider === 'openai' ? `Bearer ${KEY}` : undefined);
      }
      expectKeyKept(r);
    }));

    // A 503 takes the same retry path in every generator: once, on roadmap, is enough.
    it.each(FAULTS.filter((f) => f !== 'status-503' || name === 'roadmap'))('fails cleanly on %s', (fault) => withRig(async (rig, run) => {
      rig.always(fault);
      const r = await run([...args, '--retries', '1']);
      const { code, message } = expected(rig, fault);
      const failure = expectFailure(r, 1, code);
      expect(failure.message).toMatch(message);
      // Stream faults cost one request per attempt; HTTP errors are retried with backoff, boundedly.
      expect(rig.chats().length).toBeGreaterThan(fault === 'length' || fault.startsWith('status') ? 1 : 0);
      expect(rig.chats().length).toBeLessThanOrEqual(fault.startsWith('status') ? 8 : 2);
      expectKeyKept(r);
    })());
  });

  it('names the host and the fix when nothing listens (OLLAMA_UNREACHABLE)', withRig(async (rig) => {
    const port = await closedPort();
    const host = rig.provider === 'ollama' ? `http://127.0.0.1:${port}` : `http://127.0.0.1:${port}/v1`;
    const r = await runCli([...GENERATORS.roadmap!, '--provider', rig.provider, '--host', host, '--json'], { env: { CAREERFORGE_API_KEY: KEY } });
    const { message } = expectFailure(r, 1, 'OLLAMA_UNREACHABLE');
    expect(message).toBe(
      rig.provider === 'ollama'
        ? `Cannot reach Ollama at ${host}: start it with \`ollama serve\` or set OLLAMA_HOST`
        : `Cannot reach the OpenAI-compatible server at ${host}: start it (vllm serve, llama-server, LM Studio's server) or fix --host`,
    );
  }));

  it('health passes every check, then fails on a server that is down (exit 1)', withRig(async (rig, run) => {
    rig.answerAll();
    const ok = await run(['health']);
    const data = parseEnvelope(ok.stdout).data;
    if (rig.provider === 'ollama') {
      // The fake has nothing loaded: every check but `loaded` passes.
      expect(data.checks.map((c: { status: string }) => c.status)).toEqual(['pass', 'pass', 'pass', 'fail']);
    } else {
      expect(ok.exitCode, ok.stderr).toBe(0);
      expect(data.checks.map((c: { name: string; status: string }) => `${c.name}:${c.status}`)).toEqual(['server:pass', 'model:pass', 'round_trip:pass']);
      expect(data.checks[0].detail).toBe(`${kind === 'vllm' ? 'vLLM' : 'llama.cpp server'} at ${rig.url}, 1 model`);
      expect(data.checks[1].detail).toMatch(/served \(context 32768\)$/);
      // llama-server's own timings (20 ms a token in the fake) give the rate; vLLM's comes from the client clock.
      if (kind === 'llamacpp') expect(data.round_trip.tokens_per_sec).toBe(50);
      expect(rig.requests.map((q) => `${q.method} ${q.path}`)).toEqual(['GET /v1/models', 'POST /v1/chat/completions']);
    }
    expectKeyKept(ok);
    await rig.close();
    const down = await run(['health']);
    expect(down.exitCode).toBe(1);
    expect(parseEnvelope(down.stdout).data.checks[0]).toMatchObject({ name: 'server', status: 'fail' });
  }));

  it('bench measures pp and tg from the server', withRig(async (rig, run) => {
    rig.answerAll();
    const r = await run(['bench', '-r', '2', '--no-load', '--n-prompt', '64', '--n-gen', '16']);
    expect(r.exitCode, r.stderr).toBe(0);
    const [pp, tg] = parseEnvelope(r.stdout).data.run.models[0].tests;
    expect(pp).toMatchObject({ test: 'pp64', kind: 'pp', repetitions: 2 });
    expect(tg).toMatchObject({ test: 'tg16', kind: 'tg', gen_tokens: 16 });
    expect(tg.tps).toBeGreaterThan(0);
    // The fakes report 20 ms a generated token: Ollama in eval_duration, llama-server in timings.
    if (kind !== 'vllm') expect(tg.tps).toBeCloseTo(50, 6);
    if (rig.provider === 'openai') {
      const chat = rig.chats().at(-1)!.body;
      expect(chat).toMatchObject({ max_tokens: 16, stream: true, stream_options: { include_usage: true } });
      expect(chat.response_format).toBeUndefined();
    }
    expectKeyKept(r);
  }));
});
