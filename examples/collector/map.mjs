// The journey maps of the collector's page: the site's config, read from where startCollector
// was told (a path, read again at each use so that an edited file shows; a function; the config
// itself), drawn by the journey map renderer that `npm run build` bundles into dist/map.js
// (src/tools/map/, with its layout library). The renderer is loaded on first use: the
// collector runs without it, and says so on its page.
import { readFileSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

const renderer = resolve(dirname(fileURLToPath(import.meta.url)), '../../dist/map.js')
let loading = null

/** `{ config, problem }`: the config (null when there is none or it cannot be read) and why not. */
export function readSiteConfig(source) {
  if (source === null || source === undefined)
    return { config: null, problem: 'no site config: start the collector with CONFIG=path/to/journeykit.json (npm start gives it the demo store’s)' }
  try {
    const config = typeof source === 'string' ? JSON.parse(readFileSync(source, 'utf8')) : typeof source === 'function' ? source() : source
    if (!config || typeof config !== 'object') return { config: null, problem: 'the site config is not a JSON object' }
    return { config, problem: null }
  } catch (error) {
    return { config: null, problem: `the site config cannot be read: ${error?.message ?? error}` }
  }
}

async function loadRenderer() {
  loading ??= import(pathToFileURL(renderer).href).catch((error) => {
    loading = null // built later: try again on the next request
    throw new Error(`the map renderer is missing: run npm run build (${error?.message ?? error})`, { cause: error })
  })
  return loading
}

/**
 * `{ journeys: [{ journey, svg }], svg, problem }`: each journey's map on its own (`live`: with
 * places for counts, and ids of its own so that they can share a page), and all of them in one
 * SVG (`svg`, without counts); null and a `problem` when they cannot be drawn.
 */
export async function renderJourneyMaps(source, { live = true } = {}) {
  const { config, problem } = readSiteConfig(source)
  if (!config) return { journeys: [], svg: null, problem }
  let renderMap
  try {
    ;({ renderMap } = await loadRenderer())
  } catch (error) {
    return { journeys: [], svg: null, problem: error.message }
  }
  try {
    const ids = Object.keys(config.journeys ?? {})
    const journeys = live ? ids.map((journey, i) => ({ journey, svg: renderMap(config, { journey, live: true, idPrefix: `jk-map-${i}` }) })) : []
    return { journeys, svg: live ? null : renderMap(config), problem: null }
  } catch (error) {
    // the renderer trusts a valid config; a broken one is the validator's to explain
    return { journeys: [], svg: null, problem: `the journeys cannot be drawn (npx journeykit validate says why): ${error?.message ?? error}` }
  }
}
