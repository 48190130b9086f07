import type { Journey, Query, Segment } from '../config/types.js'
import type { Facts } from '../rules/facts.js'
import type { JourneysState } from './state.js'

export interface Membership {
  /** The segments the visitor is in now, in config order. */
  members: string[]
  entered: string[]
  exited: string[]
}

/**
 * Which segments the visitor is in now (contract §8), a pure function of the facts. Segments
 * are read in config order; one may ask about another (`segment.returning`) and sees it as
 * just decided when it comes earlier, else as it was after the last call.
 */
export function evaluateSegments(
  segments: Record<string, Segment>,
  facts: Facts,
  previous: string[],
  matches: (query: Query, facts: Facts) => boolean,
): Membership {
  const known: Record<string, boolean> = {}
  for (const id of Object.keys(segments)) known[id] = previous.includes(id)
  const withSegments = { ...facts, segment: known }
  const members: string[] = []
  for (const [id, segment] of Object.entries(segments)) {
    known[id] = matches(segment.if, withSegments)
    if (known[id]) members.push(id)
  }
  return {
    members,
    entered: members.filter((id) => !previous.includes(id)),
    exited: previous.filter((id) => !members.includes(id)),
  }
}

/** The `segment.<id>` and `journeys.<id>.step|runs|goal` facts (contract §8). */
export function journeyFacts(segments: Record<string, Segment>, journeys: Record<string, Journey>, state: JourneysState): Facts {
  const segment: Record<string, boolean> = {}
  for (const id of Object.keys(segments)) segment[id] = state.segments.includes(id)
  const runs: Record<string, { step: string | null; runs: number; goal: boolean }> = {}
  for (const id of Object.keys(journeys)) {
    const record = state.journeys[id]
    runs[id] = { step: record?.run?.step ?? null, runs: record?.runs ?? 0, goal: record?.goal ?? false }
  }
  return { segment, journeys: runs }
}
