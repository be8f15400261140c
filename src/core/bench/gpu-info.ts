// GPU facts from nvidia-smi when it is installed. A machine without it (CPU-only, AMD, macOS) is a
// normal case: we say so and the benchmark goes on.
import { execa } from 'execa';

export interface Gpu {
  name: string;
  memory_mib: number;
  driver: string;
}

export type GpuInfo = { available: true; gpus: Gpu[] } | { available: false; reason: string };

export async function gpuInfo(env: NodeJS.ProcessEnv, signal?: AbortSignal): Promise<GpuInfo> {
  try {
    const result = await execa('nvidia-smi', ['--query-gpu=name,memory.total,driver_version', '--format=csv,noheader,nounits'], {
      env,
      reject: false,
      timeout: 10_000,
      cancelSignal: signal,
    });
    if (result.failed || result.exitCode !== 0) {
      const code = (result as { code?: string }).code;
      if (code === 'ENOENT') return { available: false, reason: 'nvidia-smi not found (no NVIDIA GPU or driver)' };
      const why = String(result.stderr || result.stdout).trim().split('\n')[0] || result.shortMessage;
      return { available: false, reason: `nvidia-smi failed: ${why}` };
    }
    const gpus = String(result.stdout)
      .split('\n')
      .map((line) => line.split(',').map((s) => s.trim()))
      .filter((cols) => cols.length >= 3 && cols[0])
      .map(([name, memory, driver]) => ({ name: name ?? '', memory_mib: Number(memory) || 0, driver: driver ?? '' }));
    return gpus.length > 0 ? { available: true, gpus } : { available: false, reason: 'nvidia-smi listed no GPUs' };
  } catch (error) {
    return { available: false, reason: `nvidia-smi could not run: ${(error as Error).message}` };
  }
}
