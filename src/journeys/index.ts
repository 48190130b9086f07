/**
 * The journeys chunk (dist/journeys.js): the journey runtime, loaded only for a config with
 * `journeys` or `segments` (api/create.ts). Their validator is a chunk of its own
 * (dist/journeys-check.js, config/accept.ts), downloaded beside it.
 */
import type { Runtime } from '../api/runtime.js'
import { startJourneys } from './runtime.js'

export { startJourneys, type JourneyRuntime, type EngineHooks } from './runtime.js'

/**
 * Starts journeys and segments for a runtime whose config has them. Their steps act through
 * the actions chunk, which the runtime asked for with the visitor's read: null if it could not load.
 */
export const startFor = async (rt: Runtime) => {
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
