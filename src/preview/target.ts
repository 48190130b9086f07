import type { Config } from '../config/types.js'

/** One item a preview shows, and the journey step it comes from (a journey preview). */
export interface PreviewStop {
  item: string
  step?: string
}

/** What `?journeykit_preview=` asks for: the items to step through, or why it cannot. */
export type PreviewTarget = { journey?: string; stops: PreviewStop[] } | { error: string }

const has = (object: object | undefined, key: string) => !!object && Object.prototype.hasOwnProperty.call(object, key)

/**
 * Reads `?journeykit_preview=<item id>` or `?journeykit_preview=journey:<id>` against the config.
 * A journey is stepped through in the order its steps are listed, each `show` step once (the
 * path a visitor takes depends on what they do; the owner wants to see every item it can show).
 * Pure: the search string and the config in, the stops out.
 *
 * @example
 * previewTarget('?journeykit_preview=journey:cart-rescue', config)
 * // { journey: 'cart-rescue', stops: [{ item: 'cart-reminder', step: 'nudge' }, …] }
 */
export function previewTarget(search: string, config: Config): PreviewTarget | null {
  const asked = new URLSearchParams(search).get('journeykit_preview')
  if (asked === null) return null
  const said = `?journeykit_preview=${asked}`
  if (!asked.startsWith('journey:')) {
    return has(config.items, asked) ? { stops: [{ item: asked }] } : { error: `${said}: no item "${asked}" in the config` }
  }
  const id = asked.slice('journey:'.length)
  const journey = has(config.journeys, id) ? config.journeys![id] : undefined
  if (!journey) return { error: `${said}: no journey "${id}" in the config` }
  const stops = journeyStops(journey.steps, config)
  return stops.length ? { journey: id, stops } : { error: `${said}: journey "${id}" shows no item` }
}

/** The `show` steps of a journey, in list order, whose item the config has. */
export function journeyStops(steps: Array<{ id: string; show?: string }>, config: Config): PreviewStop[] {
  return steps.filter((step) => step.show !== undefined && has(config.items, step.show)).map((step) => ({ item: step.show!, step: step.id }))
}
