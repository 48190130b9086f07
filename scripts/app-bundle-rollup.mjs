/**
 * The npm shape as a Vite app gets it: Rollup (Vite's production bundler) bundles
 * `examples/npm/app.js` (`import { init } from 'journeykit'`) with code splitting, minified.
 * Writes `.reports/app-bundle-rollup/`; size-limit.json budgets its entry chunk, `app.js`.
 * `scripts/size.mjs` runs this first. The entry must import no other chunk statically (else
 * the budget would leave part of the main chunk out): this fails loudly if it does.
 */
import { rollup } from 'rollup'
import resolve from '@rollup/plugin-node-resolve'
import terser from '@rollup/plugin-terser'
import { rmSync } from 'node:fs'

export const outDir = '.reports/app-bundle-rollup'

export async function buildAppWithRollup() {
  rmSync(outDir, { recursive: true, force: true })
  const bundle = await rollup({ input: { app: 'examples/npm/app.js' }, plugins: [resolve({ browser: true })], onwarn: () => undefined })
  const { output } = await bundle.write({
    dir: outDir,
    format: 'es',
    entryFileNames: '[name].js',
    chunkFileNames: '[name]-[hash].js',
    plugins: [terser({ ecma: 2020, module: true })],
  })
  await bundle.close()
  const entry = output.find((file) => file.type === 'chunk' && file.isEntry)
  if (!entry) throw new Error('app-bundle-rollup: no entry chunk')
  if (entry.imports.length) throw new Error(`app-bundle-rollup: the entry imports ${entry.imports.join(', ')} statically: budget those too`)
  return entry.fileName
}
