// The demo store and the local collector it sends to, as `npm start` runs them
// (examples/start.mjs). The store's journeykit.json and pages name the collector at
// 127.0.0.1:8787; here they are served naming the collector actually started, so that
// COLLECTOR_PORT (or port 0 in a test) keeps the store sending to it. The config also gets
// the collector's VAPID public key, so visitors subscribe with the key the collector sends with.
import { existsSync, readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { startStaticServer } from '../static-server.mjs'
import { startCollector } from '../collector/server.mjs'

const written = '127.0.0.1:8787' // the collector's address as the store's files write it
const pages = ['index.html', 'product.html', 'cart.html']

/** Starts the collector, then the static server for the repo root; resolves once both listen. */
export async function startStore({ root, port = 8080, collectorPort = 8787, file, log = false }) {
  // The collector draws the store's journeys as maps on its page: it reads the same config. Its
  // key is not compared with the file's placeholder: the config is served with the collector's key.
  const config = resolve(root, 'examples/store/journeykit.json')
  const collector = await startCollector({ port: collectorPort, file, log, config, push: { checkConfigKey: false } })
  const store = resolve(root, 'examples/store')
  // The gallery of the store's items at /gallery/ (npx journeykit preview), once built.
  const built = resolve(root, 'dist/gallery/server.js')
  const gallery = existsSync(built)
    ? (await import(pathToFileURL(built).href)).createGallery({ file: resolve(store, 'journeykit.json'), dist: resolve(root, 'dist') })
    : null
  const site = await startStaticServer({ root, port, handle: gallery?.handle }).catch(async (error) => {
    gallery?.close()
    await collector.close()
    throw error
  })
  // Getters: read at each request, so an edited config or page shows on reload.
  site.setPage('/examples/store/journeykit.json', {
    type: 'application/json; charset=utf-8',
    get body() {
      return configFor(readFileSync(resolve(store, 'journeykit.json'), 'utf8'), collector.batchUrl, collector.vapidPublicKey)
    },
  })
  for (const name of pages) {
    const page = {
      get body() {
        return readFileSync(resolve(store, name), 'utf8').replaceAll(written, new URL(collector.url).host)
      },
    }
    site.setPage(`/examples/store/${name}`, page)
    if (name === 'index.html') site.setPage('/examples/store/', page)
  }
  const close = () => {
    gallery?.close()
    return Promise.all([site.close(), collector.close()])
  }
  return { site, collector, gallery: gallery ? `${site.url}/gallery/` : null, close }
}

/**
 * The store's config text, sending to `batchUrl` and, when it has `push`, subscribing with
 * `vapidPublicKey` (null: push is off in the collector, the key is left as written). Text that
 * is not JSON is left for the runtime to report.
 */
export function configFor(text, batchUrl, vapidPublicKey = null) {
  try {
    const config = JSON.parse(text)
    if (config?.collector && typeof config.collector === 'object') config.collector.url = batchUrl
    if (vapidPublicKey && config?.push && typeof config.push === 'object') config.push.vapidPublicKey = vapidPublicKey
    return JSON.stringify(config, null, 2)
  } catch {
    return text
  }
}
