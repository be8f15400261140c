// A saved benchmark run (src/core/bench/types.ts BenchRun). Only what history and --compare read is
// checked strictly; the rest passes through, so a newer CLI's extra fields never invalidate a store.
import * as z from '../zod.js';

const savedTestSchema = z.looseObject({
  test: z.string(),
  tps: z.number(),
  tps_std: z.number(),
});

const savedModelSchema = z.looseObject({
  model: z.string(),
  tests: z.array(savedTestSchema),
});

export const savedBenchSchema = z.looseObject({
  id: z.string(),
  created_at: z.string(),
  complete: z.boolean(),
  models: z.array(savedModelSchema),
});

export type SavedBench = z.infer<typeof savedBenchSchema>;
