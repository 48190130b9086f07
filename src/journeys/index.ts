/**
 * The journeys chunk (dist/journeys.js): the journey runtime, loaded only for a config with
 * `journeys` or `segments` (api/create.ts). Their validator is a chunk of its own
 * (dist/journeys-check.js, config/accept.ts), downloaded beside it.
 */
export { startJourneys, type JourneyRuntime, type EngineHooks } from './runtime.js'
