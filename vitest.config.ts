import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['src/**/*.test.{ts,tsx}', 'sdk-loader/**/*.test.ts', 'service-worker/**/*.test.ts', 'scripts/**/*.test.{ts,mjs}', 'examples/collector/**/*.test.ts', 'examples/push/**/*.test.ts'],
    environment: 'node',
    reporters: ['default', ['json', { outputFile: '.reports/unit.json' }]],
    restoreMocks: true,
    unstubGlobals: true,
  },
})
