// The demo store and the local collector it sends to, as `npm start` runs them
// (examples/start.mjs). The store is published as the README asks a site to be: its config is
// built with `journeykit build journeykit.json --site DIR` into a folder served at
// /examples/store/journeykit/, and each page has the one tag that names DIR/journeykit.js.
// The store's journeykit.json and pages name the collector at 127.0.0.1:8787; here they are
// built and served naming the collector actually started, so that COLLECTOR_PORT (or port 0 in
// a test) keeps the store sending to it. The config also gets the collector's VAPID public key,
// so visitors subscribe with the key the collector sends with.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { startStaticServer } from '../static-server.mjs'
import { startCollector } from '../collector/server.mjs'

const written = '127.0.0.1:8787' // the collector's address as the store's files write it
const pages = ['index.html', 'product.html', 'cart.html']
/** Where the built folder is served: the pages' one tag names `${siteUrl}journeykit.js`. */
export const siteUrl = '/examples/store/journeykit/'

/**
 * `journeykit build journeykit.json --site <dir>` for the config `text`, through the command line
 * of dist/cli.js (what `npx journeykit` runs). Resolves to `{ ok, output, files }` (the names
 * written); on a refused config `ok` is false and the folder is left as it was.
 */
export async function buildStoreSite({ root, text, dir }) {
  const { runCli } = await import(pathToFileURL(resolve(root, 'dist/cli.js')).href)
  mkdirSync(dir, { recursive: true })
  const { code, output } = runCli(
    ['build', 'journeykit.json', '--site', dir],
    (path) => (path === 'journeykit.json' ? text : readFileSync(path, 'utf8')),
    (path, contents) => {
      mkdirSync(dirname(path), { recursive: true })
      writeFileSync(path, contents)
    },
    undefined,
    resolve(root, 'dist'),
  )
  return { ok: code === 0, output, files: readdirSync(dir).filter((name) => name.endsWith('.js')) }
}

/**
 * Answers `${siteUrl}<name>.js` from the built folder `dir`, cached as the README says to publish
 * it: journeykit.js and journeykit-sw.js with `no-cache`, the hashed chunks for a year. Before
 * each journeykit.js, `refresh()` may rebuild it (an edited config shows on reload).
 */
function siteHandler(dir, refresh) {
  return async (req, res) => {
    const { pathname } = new URL(req.url, 'http://store')
    const name = pathname.startsWith(siteUrl) ? /^[\w.-]+\.js$/.exec(pathname.slice(siteUrl.length))?.[0] : undefined
    if (!name) return false
    if (name === 'journeykit.js') await refresh()
    let body
    try {
      body = readFileSync(join(dir, name))
    } catch {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' }).end('not found\n')
      return true
    }
    const cache = name === 'journeykit.js' || name === 'journeykit-sw.js' ? 'no-cache' : 'public, max-age=31536000, immutable'
    res.writeHead(200, { 'Content-Type': 'text/javascript; charset=utf-8', 'Cache-Control': cache })
    res.end(req.method === 'HEAD' ? undefined : body)
    return true
  }
}

/**
 * Starts the collector, builds the store's site into `site` (default: a new temporary folder),
 * then starts the static server for the repo root; resolves once both listen.
 */
export async function startStore({ root, port = 8080, collectorPort = 8787, file, log = false, site: siteDir }) {
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
  // The built site: made now, and again when journeykit.json has changed since (checked as a
  // page asks for journeykit.js). A refused config keeps the last build and says why, in the
  // terminal and in the page's console.
  const dir = resolve(siteDir ?? mkdtempSync(join(tmpdir(), 'journeykit-store-site-')))
  // A temporary folder goes with the servers; a folder the caller named stays.
  const removeDir = () => (siteDir === undefined ? rmSync(dir, { recursive: true, force: true }) : undefined)
  const configText = () => configFor(readFileSync(resolve(store, 'journeykit.json'), 'utf8'), collector.batchUrl, collector.vapidPublicKey)
  let lastBuild = null
  let building = null
  const refresh = () =>
    (building ??= (async () => {
      const text = configText()
      if (lastBuild?.text === text) return
      const result = await buildStoreSite({ root, text, dir })
      lastBuild = { text, ...result }
      if (!result.ok) writeFileSync(join(dir, 'journeykit.js'), `console.error(${JSON.stringify(`journeykit build --site:\n${result.output}`)})\n`)
      if (log)
        console.log(
          result.ok ? `site:      built ${dir}/ (journeykit build --site)` : `site:      journeykit build --site refused the config:\n${result.output}`,
        )
    })().finally(() => (building = null)))
  if (existsSync(resolve(root, 'dist/cli.js'))) await refresh()
  const serveSite = siteHandler(dir, () => refresh().catch(() => undefined))
  const handle = (req, res) => {
    if (gallery?.handle(req, res)) return true
    const { pathname } = new URL(req.url, 'http://store')
    if (!pathname.startsWith(siteUrl)) return false
    serveSite(req, res).then((answered) => {
      if (!answered) res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('not found\n')
    })
    return true
  }
  const site = await startStaticServer({ root, port, handle }).catch(async (error) => {
    gallery?.close()
    removeDir()
    await collector.close()
    throw error
  })
  // Getters: read at each request, so an edited config or page shows on reload.
  // The config as built, for the collector page's maps, the studio and a look by hand.
  site.setPage('/examples/store/journeykit.json', {
    type: 'application/json; charset=utf-8',
    get body() {
      return configText()
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
    return Promise.all([site.close(), collector.close()]).finally(removeDir)
  }
  return { site, collector, gallery: gallery ? `${site.url}/gallery/` : null, siteDir: dir, built: () => lastBuild, close }
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
