import type { Config } from '../../config/types.js'
import { describeJourney } from '../explain/describe.js'
import { journeyFlow } from './flow.js'
import { layOut, type JourneyMap } from './layout.js'
import { drawMaps } from './svg.js'

export interface MapOptions {
  /** Only this journey (default: every journey of the config, stacked). */
  journey?: string
  /** Keep room for counts, in `<tspan data-count='[journey, box, field]'>` places the collector page fills. */
  live?: boolean
  /** Prefix of the ids inside the SVG; give each SVG of one HTML page its own (default `jk-map`). */
  idPrefix?: string
}

/** The journeys to draw: one by id, or all; an unknown id throws, naming the ones there are. */
function pick(config: Config, id: string | undefined): Array<[string, NonNullable<Config['journeys']>[string]]> {
  const journeys = Object.entries(config.journeys ?? {})
  if (id === undefined) return journeys
  const found = journeys.find(([name]) => name === id)
  if (!found) throw new Error(`no journey "${id}" in this config (${journeys.map(([name]) => name).join(', ') || 'it has none'})`)
  return [found]
}

/** Each journey of a valid config laid out: boxes, arrows and where they go (for tests and tools). */
export function mapJourneys(config: Config, options: Pick<MapOptions, 'journey' | 'live'> = {}): JourneyMap[] {
  return pick(config, options.journey).map(([id, journey]) => layOut(journeyFlow(id, journey), options.live))
}

/**
 * The journeys of a valid config drawn as an SVG (a pure function: config in, text out). Each
 * journey is a flow: its entry, steps as boxes saying what they do, arrows for the next step,
 * `goto`, split paths with their weights, branch cases and `else`, the holdout beside, the ends.
 *
 * @example
 * renderMap(config, { journey: 'cart-rescue' }) // '<svg xmlns=… role="img" …>…</svg>\n'
 */
export function renderMap(config: Config, options: MapOptions = {}): string {
  const chosen = pick(config, options.journey)
  const maps = mapJourneys(config, options)
  const names = chosen.map(([id]) => id)
  return drawMaps(maps, {
    idPrefix: options.idPrefix ?? 'jk-map',
    title: names.length === 1 ? `Journey map: ${names[0]}` : names.length ? `Journey maps: ${names.join(', ')}` : 'Journey map: no journeys',
    description: chosen.flatMap(([id, journey]) => describeJourney(id, journey)),
  })
}
