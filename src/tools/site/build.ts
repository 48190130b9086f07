import type { Config } from '../../config/types.js'

/**
 * `journeykit build journeykit.json --site DIR` (contract §2, §9): the folder a site publishes.
 * `npm run build` leaves two sets of the site flavour in dist/site/<set>/ (rollup.config.mjs),
 * each a start chunk (start.js: a classic script, the loader's part and the start chunk) and lazy
 * chunks with content-hashed names, listed by its manifest.json. This picks the set the config
 * needs and writes:
 *
 * - `journeykit.js`: the set's start.js with the config (validated and sealed) in it: the one
 *   request before `ready`. Its URL stays: serve it with short caching (`Cache-Control: no-cache`).
 * - the set's lazy chunks, as named: a new build that changes one gives it a new name, so they
 *   can be cached for ever (`immutable`), and a page never mixes two builds.
 * - `journeykit-sw.js`, the push worker, under its stable name (a worker's URL must not change).
 */

/** The config's place in start.js: a free name that the minifier leaves as it is. */
export const configSlot = 'JOURNEYKIT_SITE_CONFIG'

/** dist/site/<set>/manifest.json. */
export interface SiteManifest {
  start: string
  chunks: string[]
}

export interface SiteFile {
  /** Its name in the folder. */
  name: string
  text: string
}

export type SiteSet = 'lazy' | 'actions'

/**
 * Which set the config needs: `actions` (the actions chunk inside journeykit.js) when something
 * acts before `ready` — a rule on the page view or the visit's start (`ready` waits for the calls
 * queued at load, the page view first, and what their rules do), or journeys and segments (whose
 * runtime asks for the actions chunk as the config arrives); else `lazy`.
 *
 * @example siteSet({ version: 1, rules: [{ id: 'a', on: 'page_view', track: 'seen' }] }) // 'actions'
 */
export function siteSet(config: Config): SiteSet {
  const early = (config.rules ?? []).some((rule) => rule.on === 'page_view' || rule.on === 'visit_start')
  return early || config.journeys || config.segments ? 'actions' : 'lazy'
}

/**
 * The files of the folder for a config already validated and sealed; `read` reads a file of
 * dist/ by its path there (`site/lazy/manifest.json`). Throws when dist/ has no site build.
 */
export function siteFiles(config: Config, read: (path: string) => string): { set: SiteSet; files: SiteFile[] } {
  const set = siteSet(config)
  const manifest = JSON.parse(read(`site/${set}/manifest.json`)) as SiteManifest
  const start = read(`site/${set}/${manifest.start}`)
  const [before, after, ...more] = start.split(configSlot)
  if (after === undefined || more.length) throw new Error(`site/${set}/${manifest.start}: expected ${configSlot} once`)
  // Written as a JS object literal (JSON is one since ES2019); split and joined, so no `$&` in the
  // config's text means anything to a replace().
  const journeykit = `${before}(${JSON.stringify(config)})${after}`
  return {
    set,
    files: [
      { name: 'journeykit.js', text: journeykit },
      ...manifest.chunks.map((name) => ({ name, text: read(`site/${set}/${name}`) })),
      { name: 'journeykit-sw.js', text: read('journeykit-sw.js') },
    ],
  }
}
