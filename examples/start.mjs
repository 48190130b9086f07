// `npm start` (after `npm run build`): builds the demo store's config with `journeykit build
// --site` into a folder it serves (the store's pages have the one tag), serves the repo root for
// the store and runs the local collector the store sends to, which also sends the store's web pushes (PORT and
// COLLECTOR_PORT change their ports; VAPID_* or VAPID_KEYS_FILE its keys, see
// examples/collector/README.md).
import { existsSync } from 'node:fs'
import { dirname, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { siteUrl, startStore } from './store/serve.mjs'

const here = dirname(fileURLToPath(import.meta.url))
const root = resolve(here, '..')
const port = Number(process.env.PORT) || 8080
const collectorPort = Number(process.env.COLLECTOR_PORT) || 8787

if (!existsSync(resolve(root, 'dist/site/actions/manifest.json'))) {
  console.warn('dist/site/ is missing: run `npm run build` first, or the store will load no journeykit.')
}

const { site, collector, gallery, siteDir, close } = await startStore({ root, port, collectorPort, file: resolve(here, 'collector/events.ndjson'), log: true })

console.log(`store:     ${site.url}/examples/store/  (one tag: ${siteUrl}journeykit.js, from ${siteDir}/, rebuilt when journeykit.json changes)`)
if (gallery) console.log(`gallery:   ${gallery}  (every item of examples/store/journeykit.json; try ?journeykit_preview=welcome on a store page)`)
console.log(`collector: ${collector.url}/  (events → ${relative(process.cwd(), collector.file) || collector.file})`)
if (collector.vapidPublicKey) console.log(`push:      the collector sends the store's pushes; its VAPID public key is served in the store's config`)

let stopping = false
async function stop() {
  if (stopping) return
  stopping = true
  await close()
  process.exit(0)
}
process.on('SIGINT', stop)
process.on('SIGTERM', stop)
