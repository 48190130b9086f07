/**
 * A built site's journeykit.js (contract §2, §9: `npx journeykit build journeykit.json --site DIR`):
 * one classic script with the loader's part, the start chunk and the config, sealed inside. The
 * site's build (rollup.config.mjs, scripts/site-chunks.mjs) makes the chunk a classic script whose
 * lazy chunks load from beside it; `journeykit build --site` (src/tools/site/build.ts) writes the
 * config where `siteConfig` stands. The tag's other attributes work as the loader's do.
 */
import type { Config } from '../config/types.js'
import { start } from '../boot.js'
import { takeQueue, type Queue } from './queue.js'

/** Replaced by the config's JSON when `journeykit build --site` writes journeykit.js. */
declare const JOURNEYKIT_SITE_CONFIG: Config

;(function (w: Window & { journeykit?: Queue }, d: Document) {
  try {
    const script = d.currentScript as HTMLScriptElement | null
    const startedAt = Date.now()
    const queue = takeQueue(w, d, script)
    if (!script || !queue) return
    const data = script.dataset
    start({
      config: JOURNEYKIT_SITE_CONFIG,
      collector: data.collector,
      consent: data.consent,
      debug: data.debug != null || /[?&]journeykit_debug=1/.test(location.search),
      nonce: script.nonce,
      queue,
      startedAt,
    })
  } catch (err) {
    console.error('journeykit: could not start;', err)
  }
})(window, document)
