/**
 * The journeys chunk (dist/journeys.js), loaded only for a config with `segments` or
 * `journeys` (config/accept.ts). Re-exports only.
 */
export { findJourneyProblems } from './validate.js'
