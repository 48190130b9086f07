#!/usr/bin/env node
// The store owner's command line: init, validate, build (seal), explain, map, preview and studio journeykit.json (see README).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const cli = await import('../dist/cli.js').catch((err) => {
  if (err?.code !== 'ERR_MODULE_NOT_FOUND' || !String(err.message).includes('dist')) throw err
  // A clone whose install skipped `prepare` (npm install --ignore-scripts) has no dist/ yet.
  console.error('journeykit: the command line is not built yet (no dist/cli.js). Run `npm run build` in the journeykit folder, then try again.')
  process.exit(1)
})
const { previewArguments, runCli, studioArguments } = cli

const preview = previewArguments(process.argv.slice(2))
const studio = studioArguments(process.argv.slice(2))
if (studio) {
  // The studio's server on 127.0.0.1, until Ctrl+C: the address it prints carries its token.
  const { startStudio } = await import('../dist/studio/server.js')
  try {
    const running = await startStudio({ file: resolve(studio.file), port: studio.port, site: studio.site, collector: studio.collector })
    console.log(`journeykit studio of ${studio.file}: ${running.url}`)
    const stop = () => running.close().then(() => process.exit(0))
    process.on('SIGINT', stop)
    process.on('SIGTERM', stop)
  } catch (err) {
    console.error(`${studio.file}: ${err instanceof Error ? err.message : String(err)}`)
    process.exit(1)
  }
} else if (preview) {
  // A server that runs until Ctrl+C: the gallery of the config's items, redrawn as the file changes.
  const { startGallery } = await import('../dist/gallery/server.js')
  try {
    const gallery = await startGallery({ file: resolve(preview.file), port: preview.port })
    console.log(`journeykit gallery of ${preview.file}: ${gallery.url}`)
    const stop = () => gallery.close().then(() => process.exit(0))
    process.on('SIGINT', stop)
    process.on('SIGTERM', stop)
  } catch (err) {
    console.error(`${preview.file}: ${err instanceof Error ? err.message : String(err)}`)
    process.exit(1)
  }
} else {
  const { code, output } = runCli(
    process.argv.slice(2),
    (path) => readFileSync(path, 'utf8'),
    // build --site writes into a folder it may have to make.
    (path, text) => {
      mkdirSync(dirname(path), { recursive: true })
      writeFileSync(path, text)
    },
    // init: create the file, failing (EEXIST) if one is there, with no gap between check and write.
    (path, text) => writeFileSync(path, text, { flag: 'wx' }),
    // The built runtime that build --site copies from.
    fileURLToPath(new URL('../dist/', import.meta.url)),
  )
  ;(code === 0 ? console.log : console.error)(output)
  process.exit(code)
}
