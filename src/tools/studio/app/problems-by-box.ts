/**
 * Where on the canvas a validator problem belongs. The validator names what is wrong by its JSON
 * path (`journeys.cart-rescue.steps[3].goto`); the canvas draws boxes keyed as the map keys them
 * (map/flow.ts: `step:<id>`, `@entry`, `@goal`, `@exits`, `@holdout`). Journey ids may hold dots,
 * so a path is matched against the ids the draft has, the longest first.
 */
import type { Problem } from '../../../config/types.js'
import { valueAt } from './draft.js'

export interface Place {
  journey: string
  /** The flow's key of the box: `step:<id>`, `@entry`, `@goal`, `@exits` or `@holdout`. */
  box: string
  /** The step's index, for a step's problem. */
  index?: number
  /** What follows the step or the journey field in the path: `goto`, `split[0].weight`, `on`… */
  field: string
}

const journeyBoxes: Record<string, string> = { goal: '@goal', exit: '@exits', holdout: '@holdout' }

/** The box a path belongs to, or null for a path outside journeys. */
export function placeOf(path: string, config: unknown): Place | null {
  if (!path.startsWith('journeys.')) return null
  const rest = path.slice('journeys.'.length)
  const journeys = valueAt(config, ['journeys'])
  const ids = typeof journeys === 'object' && journeys !== null ? Object.keys(journeys) : []
  const journey = ids.filter((id) => rest === id || rest.startsWith(`${id}.`) || rest.startsWith(`${id}[`)).sort((a, b) => b.length - a.length)[0]
  if (journey === undefined) return null
  const within = rest.slice(journey.length).replace(/^\./, '')
  const step = /^steps\[(\d+)\]\.?(.*)$/.exec(within)
  if (step) {
    const index = Number(step[1])
    const id = valueAt(config, ['journeys', journey, 'steps', index, 'id'])
    if (typeof id === 'string') return { journey, box: `step:${id}`, index, field: step[2]! }
  }
  const [first = ''] = within.split(/[.[]/)
  return { journey, box: journeyBoxes[first] ?? '@entry', field: within }
}

export interface Placed extends Problem {
  place: Place | null
}

/** The problems of one journey, by box key; `boxes` are the keys drawn (others go to the entry). */
export function problemsByBox(problems: Placed[], journey: string, boxes: ReadonlySet<string>): Map<string, Placed[]> {
  const found = new Map<string, Placed[]>()
  for (const problem of problems) {
    if (problem.place?.journey !== journey) continue
    const box = boxes.has(problem.place.box) ? problem.place.box : '@entry'
    found.set(box, [...(found.get(box) ?? []), problem])
  }
  return found
}

/** Each problem with its place. */
export const placeAll = (problems: Problem[], config: unknown): Placed[] => problems.map((problem) => ({ ...problem, place: placeOf(problem.path, config) }))
