import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: [
      'src/**/*.test.{ts,tsx}',
      'sdk-loader/**/*.test.ts',
      'service-worker/**/*.test.ts',
      'scripts/**/*.test.{ts,mjs}',
      'bin/**/*.test.ts',
      'examples/collector/**/*.test.ts',
      'examples/push/**/*.test.ts',
      'examples/store/**/*.test.ts',
    ],
    environment: 'node',
    setupFiles: ['vitest.setup.ts'],
    // A stray `.only` would silently skip the rest of the suite: refuse it everywhere, not only when CI is set.
    allowOnly: false,
    reporters: ['default', ['json', { outputFile: '.reports/unit.json' }]],
    restoreMocks: true,
    unstubGlobals: true,
  },
})
