// Every way the server or the network can fail a roadmap run, each its own test: the exit code,
// the error code in the envelope, the one-line message on stderr, and how many requests were made.
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import { BIN, parseEnvelope, readStore, ROOT, runCli, tempHome } from './support/cli.js';
import { jsonReply, makeRoadmap } from './support/fixtures.js';
import { closedPort, DEFAULT_MODEL, expectFailure, useFake, waitFor } from './support/spine.js';

const fake = useFake();
const ARGS = ['roadmap', '--role', 'Backend Developer', '--months', '2', '--json'];
const good = () => jsonReply(makeRoadmap(2));

describe('server faults', () => {
  it('names the host and the fix when nothing listens (OLLAMA_UNREACHABLE)', async () => {
    const port = await closedPort();
    const r = await runCli(ARGS, { host: `127.0.0.1:${port}` });
    const { message } = expectFailure(r, 1, 'OLLAMA_UNREACHABLE');
    expect(message).toBe(`Cannot reach Ollama at http://127.0.0.1:${port}: start it with \`ollama serve\` or set OLLAMA_HOST`);
    expect(readStore(r.home)?.roadmaps ?? {}).toEqual({});
  });

  it('says which model to pull when it is missing (404)', async () => {
    fake().setModels([]);
    const r = await runCli(ARGS, { host: fake().host });
    const { message } = expectFailure(r, 1, 'MODEL_NOT_FOUND');
    expect(message).toContain(`\`ollama pull ${DEFAULT_MODEL}\``);
    expect(fake().chatRequests()).toHaveLength(1);
  });

  it('waits out a busy server (503 twice, then an answer)', async () => {
    fake().reply({ fault: 'status', status: 503, error: 'server busy' }, { fault: 'status', status: 503, error: 'server busy' }, good());
    const r = await runCli(ARGS, { host: fake().host });
    expect(r.exitCode, r.stderr).toBe(0);
    expect(parseEnvelope(r.stdout).success).toBe(true);
    expect(fake().chatRequests()).toHaveLength(3);
  });

  it('gives up on a server that stays busy (OLLAMA_BUSY) after a bounded number of requests', async () => {
    fake().onChat(() => ({ fault: 'status', status: 503, error: 'server busy, please try again.  maximum pending requests exceeded' }));
    const r = await runCli(ARGS, { host: fake().host });
    const { message } = expectFailure(r, 1, 'OLLAMA_BUSY');
    expect(message).toContain('busy (503: server busy, please try again.  maximum pending requests exceeded)');
    expect(fake().chatRequests().length).toBeGreaterThan(1);
    expect(fake().chatRequests().length).toBeLessThanOrEqual(4);
  });

  it('reports a server that keeps failing (500: OLLAMA_ERROR) with its message', async () => {
    fake().onChat(() => ({ fault: 'status', status: 500, error: 'llama runner process has terminated' }));
    const r = await runCli(ARGS, { host: fake().host });
    const { message } = expectFailure(r, 1, 'OLLAMA_ERROR');
    expect(message).toBe(`Ollama at ${fake().url} answered 500: llama runner process has terminated`);
    expect(fake().chatRequests().length).toBeLessThanOrEqual(4);
  });

  it('retries an error reported mid-stream after HTTP 200', async () => {
    fake().reply({ fault: 'midstream-error', content: '{"career_role":', error: 'CUDA error: out of memory' }, good());
    const r = await runCli(ARGS, { host: fake().host });
    expect(r.exitCode, r.stderr).toBe(0);
    expect(parseEnvelope(r.stdout).meta.attempts).toBe(2);
    expect(r.stderr).toMatch(/^warning: roadmap: attempt 1 failed \(Ollama reported an error mid-stream: CUDA error: out of memory\); retrying\n$/);
    // A stream fault says nothing about the answer: the same request is sent again.
    const [a, b] = fake().chatRequests();
    expect(b!.body.messages).toEqual(a!.body.messages);
  });

  it('fails with STREAM_ERROR and the server message when every stream errors', async () => {
    fake().onChat(() => ({ fault: 'midstream-error', error: 'CUDA error: out of memory' }));
    const r = await runCli(ARGS, { host: fake().host });
    const { message } = expectFailure(r, 1, 'STREAM_ERROR');
    expect(message).toContain('CUDA error: out of memory');
    expect(fake().chatRequests()).toHaveLength(3);
  });

  it('fails with STREAM_INCOMPLETE when the stream ends without done:true', async () => {
    fake().onChat(() => ({ fault: 'cut', content: '{"career_role": "Back' }));
    const r = await runCli([...ARGS, '--retries', '0'], { host: fake().host });
    const { message } = expectFailure(r, 1, 'STREAM_INCOMPLETE');
    expect(message).toContain('without done:true');
    expect(fake().chatRequests()).toHaveLength(1);
  });

  it('fails with OUTPUT_TRUNCATED naming --num-predict when done_reason is "length"', async () => {
    fake().onChat(() => ({ content: '{"career_role": "Backend', doneReason: 'length' }));
    const r = await runCli(ARGS, { host: fake().host });
    const { message } = expectFailure(r, 1, 'OUTPUT_TRUNCATED');
    expect(message).toMatch(/cut off at num_predict=\d+ tokens \(done_reason "length"\) in all 3 attempts: raise --num-predict/);
    // The retry asks for a more concise answer rather than repeating the same request.
    const reqs = fake().chatRequests();
    expect(reqs[1]!.body.messages[1].content.length).toBeGreaterThan(reqs[0]!.body.messages[1].content.length);
  });

  it('warns, naming --num-ctx, when the prompt filled the context window', async () => {
    fake().reply(jsonReply(makeRoadmap(2), { stats: { prompt_eval_count: 8192 } }));
    const r = await runCli(ARGS, { host: fake().host });
    expect(r.exitCode, r.stderr).toBe(0);
    expect(parseEnvelope(r.stdout).success).toBe(true);
    expect(r.stderr).toBe('warning: The prompt used 8192 of num_ctx=8192 tokens and was probably truncated by Ollama: raise --num-ctx\n');
  });
});

describe('time and interruption', () => {
  it('gives up on a stalled stream after --timeout seconds (TIMEOUT)', async () => {
    fake().onChat(() => ({ fault: 'stall', content: '{"career' }));
    const started = Date.now();
    const r = await runCli([...ARGS, '--timeout', '1'], { host: fake().host });
    const took = Date.now() - started;
    const { message } = expectFailure(r, 1, 'TIMEOUT');
    // Tokens had arrived: the model was loaded, so "may still be loading" would mislead.
    expect(message).toBe(`No reply from Ollama at ${fake().url} for 1s after 1 token of the answer had arrived: the model stalled; raise --timeout or check the server log`);
    expect(took).toBeLessThan(6_000);
    expect(fake().chatRequests()).toHaveLength(1);
  });

  it('says the model may still be loading only when no token arrived before --timeout', async () => {
    fake().onChat(() => ({ fault: 'stall' }));
    const r = await runCli([...ARGS, '--timeout', '1'], { host: fake().host });
    const { message } = expectFailure(r, 1, 'TIMEOUT');
    expect(message).toBe(`No reply from Ollama at ${fake().url} for 1s: the model may still be loading; raise --timeout or check \`ollama ps\``);
  });

  it('stops on Ctrl-C with exit 130, INTERRUPTED, and saves nothing', async () => {
    fake().onChat(() => ({ fault: 'stall' }));
    const home = tempHome();
    const child = execa('node', [BIN, ...ARGS], {
      reject: false,
      cwd: ROOT,
      input: '',
      timeout: 20_000,
      env: { CAREERFORGE_HOME: home, OLLAMA_HOST: fake().host, CI: '1', CAREERFORGE_MODEL: undefined, CAREERFORGE_TIMEOUT: undefined },
    });
    await waitFor(() => fake().chatRequests().length > 0);
    child.kill('SIGINT');
    const r = await child;
    expect(r.exitCode, String(r.stderr)).toBe(130);
    const env = parseEnvelope(String(r.stdout));
    expect(env.success).toBe(false);
    expect(env.error!.code).toBe('INTERRUPTED');
    expect(String(r.stderr).trimEnd().split('\n')).toEqual([`careerforge: ${env.error!.message}`]);
    expect(readStore(home)?.roadmaps ?? {}).toEqual({});
    expect(fake().chatRequests()).toHaveLength(1);
  });
});
