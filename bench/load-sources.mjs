import { build } from 'esbuild'

/**
 * The TypeScript sources a Node benchmark measures, bundled in memory by esbuild from a virtual
 * entry (`export { … } from './src/…'`) and imported from a data: URL: no build, no dist/.
 */
export async function loadSources(entry, root, name) {
  const bundled = await build({
    stdin: { contents: entry, resolveDir: root, sourcefile: `${name}-bench-entry.ts`, loader: 'ts' },
    bundle: true,
    format: 'esm',
    platform: 'neutral',
    target: 'es2020',
    write: false,
    logLevel: 'silent',
  })
  return import(`data:text/javascript;base64,${Buffer.from(bundled.outputFiles[0].text).toString('base64')}`)
}
