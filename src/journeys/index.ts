/**
 * The journeys chunk (dist/journeys.js): the journey runtime, loaded only for a config with
 * `journeys` or `segments` (engine/create.ts). Their validator is a chunk of its own
 * (dist/journeys-check.js, config/accept.ts), downloaded beside it.
 */
import type { Consent } from '../engine/consent.js'
import type { Loaded } from '../engine/loaded.js'
import type { Storage } from '../storage/storage.js'
import { startJourneys, type EngineHooks, type JourneyDeps } from './runtime.js'

export { startJourneys, type JourneyRuntime, type EngineHooks } from './runtime.js'

/** What the journeys chunk needs of the runtime (the runtime's own object is handed over). */
export interface JourneyStartDeps {
  loaded: Pick<Loaded, 'config' | 'regex'>
  storage: Storage
  consent: Pick<Consent, 'state'>
  /** The actions chunk, whose hooks the steps act through (null: it could not load). */
  actions(): Promise<{ hooks: EngineHooks } | null>
  /** Makes a call now, in line with the others: `call('tick')`. */
  call(method: string, ...args: unknown[]): void
  debug: JourneyDeps['debug']
}

/**
 * Starts journeys and segments for a runtime whose config has them. Their steps act through
 * the actions chunk, which the runtime asked for with the visitor's read: null if it could not load.
 */
export const startFor = async (rt: JourneyStartDeps) => {
  const kit = await rt.actions()
  return kit
    ? startJourneys({
        config: rt.loaded.config!,
        storage: rt.storage,
        regex: () => rt.loaded.regex?.testRegex,
        hooks: kit.hooks,
        tick: () => rt.call('tick'),
        pending: () => rt.consent.state() === 'pending',
        debug: rt.debug,
      })
    : null
}
