/**
 * The journeys chunk (dist/journeys.js): loaded only for a config with `journeys` or
 * `segments`, before the first call runs.
 */
export { startJourneys, type JourneyRuntime, type EngineHooks } from './runtime.js'
