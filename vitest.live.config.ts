// `npm run test:live`: the same flows against a real Ollama at OLLAMA_HOST (skipped, with a
// message, when none answers).
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/live/**/*.test.ts'],
    testTimeout: 600_000,
    hookTimeout: 120_000,
    maxWorkers: 1,
  },
});
