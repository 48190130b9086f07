import type { InitOptions, JourneyKit, JourneyKitHandle } from './types.js'
import { createJourneykit } from '../engine/create.js'
import { createPublicApi } from './public-api.js'
import { reportError } from '../lib/log.js'
import { loadChunk } from '../lib/load-chunk.js'
import { publishRuntime } from '../stores/feed.js'

/** The page's one runtime, and the options it started with (as JSON: a copy, and cheap to compare). */
let instance: JourneyKitHandle | undefined
let started: string | undefined

/**
 * Starts journeykit on this page and returns its handle at once: calls made before it is
 * ready wait, with their moment, and run in order once it is. Awaiting the handle waits for
 * ready. From then on `$stage`, `$segments`, `$journeys` and `$consent` follow the visitor
 * (src/stores/stores.ts).
 *
 * One runtime a page: a second call (React's StrictMode runs effects twice) returns the same
 * handle and starts nothing. Options that differ from the first call's are ignored, with a
 * `console.warn` naming them (the init-again chunk compares them, loaded only then).
 *
 * @example
 * const jk = init({ config: '/journeykit.json' })
 * jk.track('signup', { plan: 'pro' })
 */
export function init(options: InitOptions): JourneyKitHandle {
  // No document: a server (or a worker). `window` alone is not enough: Deno has one.
  if (typeof document === 'undefined') {
    reportError('init', 'needs a browser; on the server call init() from client-side code only')
    return handle(inert())
  }
  const given = JSON.stringify(options)
  if (instance) {
    if (given !== started) void loadChunk('init-again', () => import('../chunks/init-again.js')).then((chunk) => chunk?.warnIgnored(started, given))
    return instance
  }
  started = given
  // ?journeykit_debug=1 turns the decision log on, as it does for the script tag.
  const debug = options?.debug || /[?&]journeykit_debug=1/.test(location.search)
  return (instance = handle(createJourneykit({ ...options, debug, observe: publishRuntime })))
}

/**
 * The runtime's methods, and `then`: awaiting the handle waits for ready and gives the runtime
 * itself, which has no `then` (a thenable resolving to itself would be awaited forever). `ready`
 * never rejects: no `onrejected` to pass on.
 */
const handle = (api: JourneyKit): JourneyKitHandle => ({ ...api, then: (done) => api.ready.then(() => api).then(done) })

/**
 * What `init` returns where there is no browser: the public object over a runtime that does
 * nothing (misuse is still reported, as in a browser).
 */
const inert = (): JourneyKit => {
  const nothing = () => undefined
  const ready = Promise.resolve()
  return createPublicApi({
    run: nothing,
    now: nothing as () => never,
    grant: nothing,
    deny: nothing,
    hideAll: nothing,
    on: () => nothing,
    flush: () => ready,
    ready,
  })
}
