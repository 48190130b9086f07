import type { Facts } from '../../rules/facts.js'
import { parseDuration } from '../../rules/duration.js'
import { triggerKey } from '../../rules/trigger-key.js'

/**
 * One call of a simulated visitor (`journeykit explain --journey … --timeline timeline.json`):
 *
 * ```json
 * { "at": "2026-12-01T10:00:00Z", "event": "add_to_cart", "facts": { "page": { "path": "/cart" } } }
 * { "at": "+2h", "event": null }
 * ```
 */
export interface TimelineEntry {
  /** An ISO time, or `+2h`: that long after the call before (the first: after the start). */
  at: string
  /** The call's trigger (`page_view`, `add_to_cart`, `scroll` with `percent`), or null: time passes with the visitor on the page. */
  event: string | null
  percent?: number
  seconds?: number
  selector?: string
  /** Facts that change from this call on: merged into the facts so far. */
  facts?: Facts
  /** The event's properties: the `event.<prop>` facts of this call only. */
  properties?: Record<string, unknown>
  /** The journey is entered from code at this call: `journeykit.enter(id)`; its id, on a site-wide timeline. */
  enter?: boolean | string
}

/** A timeline entry read: an absolute time and the stepper's trigger key. */
export interface TimelineCall {
  time: number
  trigger: string | null
  facts: Facts
  properties: Record<string, unknown>
  enter: boolean
  /** The journey `enter` names, when it names one. */
  journey?: string
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value)

/**
 * Reads a timeline: each time absolute or after the one before, never going back. Throws an
 * error naming the entry (`timeline[2].at: …`) for anything it cannot read.
 */
export function readTimeline(value: unknown, start?: number): TimelineCall[] {
  if (!Array.isArray(value)) throw new Error('timeline: needs a list of calls: [{ "at": "…", "event": "…" }, …]')
  let time = start
  return value.map((entry: unknown, index) => {
    const where = `timeline[${index}]`
    if (!isRecord(entry)) throw new Error(`${where}: needs an object with "at" and "event"`)
    const at = entry.at
    if (typeof at !== 'string') throw new Error(`${where}.at: needs an ISO time or "+<duration>" ("+2h")`)
    let next: number
    if (at.startsWith('+')) {
      const after = parseDuration(at.slice(1))
      if (after === null) throw new Error(`${where}.at: "${at}" is not a duration after the call before ("+30m", "+2h", "+3d")`)
      if (time === undefined) throw new Error(`${where}.at: "${at}" needs a time before it (an ISO time, or --at)`)
      next = time + after
    } else {
      next = Date.parse(at)
      if (Number.isNaN(next)) throw new Error(`${where}.at: "${at}" is not an ISO time`)
    }
    if (time !== undefined && next < time) throw new Error(`${where}.at: ${at} is before the call before it`)
    time = next
    const event = entry.event ?? null
    if (event !== null && typeof event !== 'string') throw new Error(`${where}.event: needs an event name, or null for time passing`)
    for (const key of ['facts', 'properties'] as const) {
      if (entry[key] !== undefined && !isRecord(entry[key])) throw new Error(`${where}.${key}: needs an object`)
    }
    const parameters = entry as Partial<TimelineEntry>
    const parameterised = parameters.percent !== undefined || parameters.seconds !== undefined || parameters.selector !== undefined
    return {
      time,
      trigger: event !== null && parameterised ? triggerKey({ on: event, ...parameters }) : event,
      facts: mergeFacts({}, (entry.facts ?? {}) as Facts, `${where}.facts`),
      properties: mergeFacts({}, (entry.properties ?? {}) as Facts, `${where}.properties`),
      enter: entry.enter === true || typeof entry.enter === 'string',
      ...(typeof entry.enter === 'string' && { journey: entry.enter }),
    }
  })
}

const refused = ['__proto__', 'constructor', 'prototype']

/** Facts merged into a copy of `base`, objects key by key; prototype keys refused. */
export function mergeFacts(base: Facts, more: Facts, where = 'facts'): Facts {
  const merged: Facts = { ...base }
  for (const [key, value] of Object.entries(more)) {
    if (refused.includes(key)) throw new Error(`${where}: "${key}" is not allowed`)
    const before = merged[key]
    merged[key] = isRecord(value) ? mergeFacts(isRecord(before) ? before : {}, value, `${where}.${key}`) : value
  }
  return merged
}

/** `{ page: { path: '/cart' } }` → `page.path="/cart"`: what a call changed, on one line. */
export function flattenFacts(facts: Facts, prefix = ''): string[] {
  return Object.entries(facts).flatMap(([key, value]) =>
    isRecord(value) && Object.keys(value).length ? flattenFacts(value, `${prefix}${key}.`) : [`${prefix}${key}=${JSON.stringify(value)}`],
  )
}
