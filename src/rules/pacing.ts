/**
 * Schedules and variants: a chunk of its own, loaded before the first rule runs, and only
 * when some rule has a `schedule` or `variants` (Intl time-zone maths costs bytes).
 */
export { isScheduled, nextOpening, openingAt, openingAfter } from './schedule.js'
export { variantOf, variantNames, hashToUnit } from './variants.js'
