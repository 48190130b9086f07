/** pacing.js: schedules and variants; loaded for configs whose rules or journeys have them. */
export * from '../rules/pacing.js'
