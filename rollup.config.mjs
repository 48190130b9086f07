import { readFileSync } from 'node:fs'
import typescript from '@rollup/plugin-typescript'
import resolve from '@rollup/plugin-node-resolve'
import terser from '@rollup/plugin-terser'
import { minify as terserMinify } from 'terser'
import { siteChunks } from './scripts/site-chunks.mjs'

const pkg = JSON.parse(readFileSync('./package.json', 'utf8'))
/** Left to the app's bundler in the npm build (the script-tag build bundles them). */
const npmDependencies = Object.keys(pkg.dependencies ?? {})

const ts = (tsconfig = './tsconfig.json') =>
  typescript({
    tsconfig,
    noEmit: false,
    declaration: false,
    declarationMap: false,
    include: ['src/**/*', 'sdk-loader/**/*', 'service-worker/**/*'],
    exclude: ['**/*.test.ts', '**/*.test.tsx'],
  })
/** JSON imported by the studio's server (its templates, examples/configs/*.json), as a compact module. */
const json = () => ({
  name: 'json',
  transform: (code, id) => (id.endsWith('.json') ? { code: `export default ${JSON.stringify(JSON.parse(code))}`, map: null } : null),
})
const terserOptions = { ecma: 2020, module: true, compress: { passes: 2 }, format: { comments: false } }
const minify = () => terser(terserOptions)
/**
 * The script-tag chunks' minifier: terser as above, but the start chunk also gets `hoist_funs`
 * (function declarations first), which gzip finds more alike there: about 40 B less. The
 * other chunks keep the plain options (ui.js would grow by about 110 B).
 */
const minifyChunks = () => ({
  name: 'minify-chunks',
  async renderChunk(code, chunk, { sourcemap }) {
    const hoist = chunk.isEntry
    const out = await terserMinify(code, { ...terserOptions, compress: { ...terserOptions.compress, hoist_funs: hoist }, sourceMap: !!sourcemap })
    return { code: out.code, map: out.map }
  },
})

/** The version shipped in every event's context.library is package.json's. */
const version = () => ({
  name: 'version',
  transform: (code, id) => (id.endsWith('envelope.ts') ? code.replace("'0.0.0-dev'", JSON.stringify(pkg.version)) : null),
})

/**
 * Every lazy chunk has an entry file of its own, src/chunks/<name>.ts, and is built to
 * dist/<name>.js (the README's chunk table says which loads when). Modules that only lazy
 * chunks share, in none of them: shared-<first module>.js. No manualChunks for them: Rollup
 * would pull the core's shared helpers in too.
 */
const chunkFileNames = (chunk) => {
  const entry = /\/src\/chunks\/([\w-]+)\.ts$/.exec(chunk.facadeModuleId ?? '')
  if (entry) return `${entry[1]}.js`
  return `shared-${/([\w-]+)\.tsx?$/.exec(chunk.moduleIds[0] ?? '')?.[1] ?? '[hash]'}.js`
}

/**
 * The URL checks (lib/url.ts) are shared by the validator and the UI chunk, both lazy: in a
 * chunk of their own, ui.js would wait for ui.js to run before fetching it, a round more before
 * an item shows. They stay in the start chunk (about 0.15 KB), beside the entry.
 */
const manualChunks = (id) => (/\/src\/(boot|lib\/url)\.ts$/.test(id) ? 'core' : undefined)

const srcRoot = new URL('./src/', import.meta.url).pathname
const npmEntries = { index: 'index.ts', validate: 'validate.ts', explain: 'explain.ts', stores: 'stores.ts' }

/** The modules `from` imports statically, transitively (itself included). */
const staticallyReached = (getModuleInfo, from, found = new Set()) => {
  const info = getModuleInfo(from)
  if (found.has(from) || !info || info.isExternal) return found
  found.add(from)
  info.importedIds.forEach((id) => staticallyReached(getModuleInfo, id, found))
  return found
}

/** What init() imports statically that some lazy chunk of the runtime imports too. */
const startModulesSharedWithLazyChunks = (getModuleInfo) => {
  const start = staticallyReached(getModuleInfo, srcRoot + 'api/init.ts')
  const lazy = new Set()
  const visited = new Set()
  const visit = (id) => {
    const info = getModuleInfo(id)
    if (visited.has(id) || !info || info.isExternal) return
    visited.add(id)
    for (const target of info.dynamicallyImportedIds) staticallyReached(getModuleInfo, target, lazy)
    ;[...info.importedIds, ...info.dynamicallyImportedIds].forEach(visit)
  }
  visit(srcRoot + 'api/init.ts')
  return new Set([...start].filter((id) => lazy.has(id)))
}

/**
 * The npm build keeps one file per module, and an app's bundler makes each import() a chunk:
 * there a src/chunks/ entry would be one module more per lazy chunk (0.14 KB over all of
 * them). So the npm build points each import of a chunk entry at the module it re-exports
 * first, which exports the same names.
 */
const chunkEntriesAsTheirModules = () => ({
  name: 'chunk-entries-as-their-modules',
  resolveId(source, importer) {
    const entry = /(?:^|\/)chunks\/([\w-]+)\.js$/.exec(source)
    if (!entry || !importer?.startsWith(srcRoot)) return null
    const first = /from '([^']+)'/.exec(readFileSync(`${srcRoot}chunks/${entry[1]}.ts`, 'utf8'))?.[1]
    return first ? this.resolve(first, `${srcRoot}chunks/${entry[1]}.ts`) : null
  },
})

let shared
/**
 * The npm build's files: one per source module, at its path under src/, as preserveModules
 * lays them out — but the small modules of init()'s path that lazy chunks use too (the log,
 * listen, names, the IndexedDB helpers, matching, the trigger names…) are one file,
 * dist/npm/shared.js. esbuild gives each set of modules with the same importers a chunk of its
 * own and never merges chunks: as separate files, those helpers were about 14 extra chunks in
 * an app's main chunk, 15 files and 1.1 KB more gzip than together.
 */
const npmChunk = (id, { getModuleInfo }) => {
  if (!id.startsWith(srcRoot) || Object.values(npmEntries).includes(id.slice(srcRoot.length))) return undefined
  shared ??= startModulesSharedWithLazyChunks(getModuleInfo)
  return shared.has(id) ? 'shared' : id.slice(srcRoot.length).replace(/\.tsx?$/, '')
}

/**
 * A built site's modules (src/site/): in its journeykit.js, config/accept.ts checks no seal (the
 * build that validated the config wrote it into the same file), src/site/seal.ts.
 */
const siteModules = () => ({
  name: 'site-modules',
  async resolveId(source, importer) {
    if (importer !== `${srcRoot}config/accept.ts` || source !== './seal.js') return null
    return this.resolve('./site/seal.ts', srcRoot + 'index.ts')
  },
})

/**
 * The site flavour (`journeykit build --site`, scripts/site-chunks.mjs): the start chunk, from
 * src/site/start.ts, is one classic script with the loader's part in it; the lazy chunks have
 * content-hashed names, to be cached for ever. Two sets, each in dist/site/<set>/ with a
 * manifest.json: `lazy`, and `actions`, whose start chunk holds the actions chunk too, for a
 * config with a rule that acts on the page view (`ready` waits for what that rule does). The
 * normal dist/core.js is built apart and gains no byte.
 */
const siteBuild = (set) => ({
  input: { start: 'src/site/start.ts' },
  preserveEntrySignatures: 'allow-extension',
  output: {
    dir: `dist/site/${set}`,
    format: 'es',
    entryFileNames: '[name].js',
    chunkFileNames: (chunk) => chunkFileNames(chunk).replace(/\.js$/, '.[hash:10].js'),
    manualChunks(id, { getModuleInfo }) {
      if (/\/src\/(boot|lib\/url|site\/start)\.ts$/.test(id)) return 'start'
      if (set !== 'actions') return undefined
      actionModules ??= staticallyReached(getModuleInfo, srcRoot + 'chunks/actions.ts')
      return actionModules.has(id) ? 'start' : undefined
    },
    plugins: [minifyChunks(), siteChunks()],
  },
  plugins: [version(), siteModules(), resolve(), ts()],
})
let actionModules

export default [
  {
    // The tools, never loaded by a page: the command line, and the journey map renderer the
    // collector's page draws with (dagre, the layout library, is bundled in here and only here).
    input: { cli: 'src/tools/cli.ts', map: 'src/tools/map/index.ts' },
    output: { dir: 'dist', format: 'es', entryFileNames: '[name].js', chunkFileNames: 'tools-shared.js' },
    // the version: `journeykit build` seals configs for this release's validator
    plugins: [version(), resolve(), ts()],
  },
  {
    // `npx journeykit preview` and `npm start`'s /gallery/: the server (Node), and the gallery page
    // and its frames (browser; they import the built dist/ui.js at run time, not bundled).
    input: { server: 'src/tools/gallery/server.ts' },
    external: (id) => id.startsWith('node:'),
    output: { dir: 'dist/gallery', format: 'es' },
    plugins: [resolve(), ts()],
  },
  {
    // `npx journeykit studio`: its server (Node; jsonc-parser and the validator bundled in, the
    // version too: a studio's seal is `journeykit build`'s).
    input: { server: 'src/tools/studio/server.ts' },
    external: (id) => id.startsWith('node:'),
    output: { dir: 'dist/studio', format: 'es' },
    plugins: [version(), resolve(), json(), ts()],
  },
  {
    input: { page: 'src/tools/gallery/page.ts', frame: 'src/tools/gallery/frame.ts' },
    output: { dir: 'dist/gallery', format: 'es', chunkFileNames: 'shared-[name].js', plugins: [minify()] },
    plugins: [ts()],
  },
  {
    // The studio's Items view: its live preview frame (browser), which draws with the built
    // dist/ui.js imported at run time, not bundled, as the gallery's frames do.
    input: { preview: 'src/tools/studio/preview-frame.ts' },
    output: { dir: 'dist/studio', format: 'es', plugins: [minify()] },
    plugins: [ts()],
  },
  {
    // `npx journeykit studio`'s app (browser): Preact, the validator and the map's layout (dagre)
    // in one minified file, served by the studio's server; no page ever loads it.
    input: 'src/tools/studio/app/app.tsx',
    output: { file: 'dist/studio/app.js', format: 'es', inlineDynamicImports: true, plugins: [minify()] },
    plugins: [resolve({ browser: true }), ts()],
  },
  {
    input: 'sdk-loader/loader.ts',
    output: { file: 'dist/loader.js', format: 'iife', plugins: [minify()] },
    plugins: [ts()],
  },
  {
    input: { core: 'src/boot.ts' },
    // Let the lazy chunks import the core's helpers from core.js instead of a facade chunk.
    preserveEntrySignatures: 'allow-extension',
    output: { dir: 'dist', format: 'es', entryFileNames: '[name].js', chunkFileNames, manualChunks, plugins: [minifyChunks()] },
    plugins: [version(), resolve(), ts()],
  },
  siteBuild('lazy'),
  siteBuild('actions'),
  {
    input: 'service-worker/sw.ts',
    output: { file: 'dist/journeykit-sw.js', format: 'iife', plugins: [minify()] },
    plugins: [version(), resolve(), ts('./tsconfig.sw.json')],
  },
  {
    // The npm build: one file per source module (but shared.js, see npmChunk), the
    // dependencies imported from their packages. An app's bundler then dedupes Preact,
    // idb-keyval and workbox-window with the app's own copies, tree-shakes per module (one big
    // file would put everything any lazy chunk shares into the app's main chunk), and keeps
    // every dynamic import() a lazy chunk of its own. The validator and the rule explainer are
    // entries of their own too (journeykit/validate, journeykit/explain).
    input: Object.fromEntries(Object.entries(npmEntries).map(([name, file]) => [name, `src/${file}`])),
    external: (id) => npmDependencies.some((name) => id === name || id.startsWith(`${name}/`)),
    preserveEntrySignatures: 'strict',
    output: { dir: 'dist/npm', format: 'es', entryFileNames: '[name].js', chunkFileNames: '[name].js', hoistTransitiveImports: false, manualChunks: npmChunk },
    plugins: [version(), chunkEntriesAsTheirModules(), ts()],
  },
]
