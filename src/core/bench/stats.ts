// Summary statistics for benchmark samples, the way llama-bench reports them: the mean and the
// sample standard deviation (n - 1 in the denominator, 0 for a single sample).

export interface Summary {
  mean: number;
  std: number;
  n: number;
}

export function summarize(samples: readonly number[]): Summary {
  const n = samples.length;
  if (n === 0) return { mean: 0, std: 0, n: 0 };
  const mean = samples.reduce((a, b) => a + b, 0) / n;
  if (n === 1) return { mean, std: 0, n };
  const variance = samples.reduce((a, b) => a + (b - mean) ** 2, 0) / (n - 1);
  return { mean, std: Math.sqrt(variance), n };
}

/** Tokens per second from a server count and its duration in nanoseconds; 0 when there is no duration. */
export function rate(count: number, durationNs: number): number {
  return durationNs > 0 ? count / (durationNs / 1e9) : 0;
}

/** Round for output only: samples keep full precision until they are summarised. */
export function round(n: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}
