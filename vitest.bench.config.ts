import { defineConfig } from 'vitest/config';

// `npm run bench`: speed targets are measured here, never asserted with timers in tests.
export default defineConfig({
  test: {
    environment: 'node',
    benchmark: { include: ['tests/bench/**/*.bench.ts'] },
  },
});
