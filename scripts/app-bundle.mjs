/**
 * The npm shape as an app gets it: esbuild bundles `examples/npm/app.js` (a one-line app,
 * `import { init } from 'journeykit'`) with code splitting on, the way an app's bundler would.
 *
 * size-limit.json points an entry's `config` here. Only the app's main chunk is measured: the
 * entry file plus every chunk it imports statically (what the page downloads before `init`
 * runs); the lazy chunks reached by `import()` are left out, as the app loads them only when
 * needed. `journeykit` resolves to this package by its own name (package.json `exports`).
 */
import { resolve } from 'node:path'

const app = resolve(import.meta.dirname, '../examples/npm/app.js')

/** Keeps in `metafile.outputs` only the app's entry chunk and the chunks it imports statically. */
export const mainChunkOnly = {
  name: 'main-chunk-only',
  setup(build) {
    build.onEnd((result) => {
      const outputs = result.metafile?.outputs
      if (!outputs) return
      const entry = Object.keys(outputs).find((file) => resolve(outputs[file].entryPoint ?? '/') === app)
      const keep = new Set()
      const visit = (file) => {
        if (keep.has(file) || !outputs[file]) return
        keep.add(file)
        for (const imported of outputs[file].imports) if (imported.kind === 'import-statement') visit(imported.path)
      }
      // No entry found would measure nothing and pass any budget: fail instead.
      if (!entry) throw new Error(`app-bundle: no output chunk for ${app}`)
      visit(entry)
      for (const file of Object.keys(outputs)) if (!keep.has(file)) delete outputs[file]
    })
  },
}

/** esbuild options for the one-line app; written under .reports/ (size-limit reads the files). */
export const appBundleOptions = {
  entryPoints: { app },
  bundle: true,
  splitting: true,
  format: 'esm',
  minify: true,
  metafile: true,
  write: true,
  outdir: resolve(import.meta.dirname, '../.reports/app-bundle'),
}

export default { ...appBundleOptions, plugins: [mainChunkOnly] }
