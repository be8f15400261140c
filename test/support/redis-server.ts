// A real redis-server (the Debian package; .ci/run installs it) on a random free port, one per test
// file. Where none can start, `startRedis` returns the reason so the caller can skip and say why.
import { execa, type ResultPromise } from 'execa';
import { closedPort } from './spine.js';

export interface RedisServer {
  url: string;
  port: number;
  stop(): Promise<void>;
}

export async function startRedis(): Promise<RedisServer | { unavailable: string }> {
  let lastError = 'redis-server did not start';
  for (let tries = 0; tries < 3; tries++) {
    const port = await closedPort();
    let child: ResultPromise;
    try {
      child = execa('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], {
        reject: false,
        buffer: false,
      });
    } catch (error) {
      return { unavailable: `redis-server cannot run here (${String(error)}); .ci/run installs it` };
    }
    const ready = await new Promise<string | true>((resolve) => {
      let out = '';
      const timer = setTimeout(() => resolve(`no "Ready" line within 5s: ${out.slice(-200)}`), 5000);
      child.stdout?.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        if (/Ready to accept connections/.test(out)) {
          clearTimeout(timer);
          resolve(true);
        }
      });
      child.on('error', (error) => {
        clearTimeout(timer);
        resolve(`redis-server cannot run here (${error.message}); .ci/run installs it`);
      });
      child.on('exit', () => {
        clearTimeout(timer);
        resolve(`redis-server exited: ${out.slice(-300)}`);
      });
    });
    if (ready === true) {
      return {
        url: `redis://127.0.0.1:${port}/0`,
        port,
        stop: async () => {
          child.kill('SIGTERM');
          await child;
        },
      };
    }
    lastError = ready;
    child.kill('SIGKILL');
    if (/cannot run here/.test(ready)) break;
  }
  return { unavailable: lastError };
}
