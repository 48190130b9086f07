import type { InitOptions, JourneyKit } from './types.js'
import { createJourneykit } from '../engine/create.js'
import { reportError } from '../lib/log.js'
import { publishSnapshot, snapshotOf } from '../stores/feed.js'

/**
 * Starts journeykit on this page and resolves once it is ready. From then on `$stage`,
 * `$segments`, `$journeys` and `$consent` follow the visitor (src/stores/stores.ts).
 *
 * @example
 * const jk = await init({ config: '/journeykit.json' })
 * jk.track('signup', { plan: 'pro' })
 */
export async function init(options: InitOptions): Promise<JourneyKit> {
  if (typeof window === 'undefined' || typeof document === 'undefined') {
    reportError('init', 'needs a browser; on the server call init() from client-side code only')
    return inert()
  }
  // ?journeykit_debug=1 turns the decision log on, as it does for the script tag.
  const debug = options.debug || /[?&]journeykit_debug=1/.test(location.search)
  const api = createJourneykit({ ...options, debug, observe: (runtime) => publishSnapshot(snapshotOf(runtime)) })
  await api.ready
  return api
}

/** What `init` returns where there is no browser: every method does nothing. */
function inert(): JourneyKit {
  const nothing = () => undefined
  return {
    track: nothing,
    page: nothing,
    identify: nothing,
    consent: nothing,
    show: nothing,
    hide: nothing,
    on: () => nothing,
    flush: () => Promise.resolve(),
    reset: nothing,
    enter: nothing,
    push: nothing,
    ready: Promise.resolve(),
  }
}
