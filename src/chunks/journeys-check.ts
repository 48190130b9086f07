/** journeys-check.js: the validator of journeys and segments, loaded beside config-check.js. */
export { findJourneyProblems } from '../validate/journeys.js'
