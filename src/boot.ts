import type { JourneyKit, Moment, RuntimeOptions } from './api/types.js'
import type { Config } from './config/types.js'
import { createJourneykit, type QueuedCall } from './engine/create.js'
import { pageAt } from './track/page.js'

/** What the loader hands over: its tag's options and the calls queued so far. */
export interface LoaderHandoff {
  /** The config's URL (the loader), or the config itself (a built site's journeykit.js, src/site/start.ts). */
  config?: string | Config
  configRequest?: Promise<Response>
  collector?: string
  consent?: string
  debug?: boolean
  nonce?: string
  /** Queued calls as [call, url, title, time], in order. */
  queue: Array<[unknown, string, string, number]>
  /** When the loader ran: the time of this load's page view. */
  startedAt: number
}

/**
 * The script-tag entry: the loader imports this chunk and calls `start`. Creates the
 * runtime, replays the queue in order, then takes over `window.journeykit`.
 */
export function start(handoff: LoaderHandoff): JourneyKit {
  const queued: QueuedCall[] = handoff.queue.map(([call, url, title, time]) => ({
    call,
    moment: { page: pageAt(url, title, document.referrer), time } satisfies Moment,
  }))
  // The tag's options as they are (consent is checked by initialConsent); the config fetch in flight.
  const options = { ...handoff, config: handoff.configRequest ?? handoff.config } as RuntimeOptions
  const api = createJourneykit(options, queued, handoff.startedAt)
  ;(window as unknown as { journeykit: JourneyKit }).journeykit = api
  return api
}
