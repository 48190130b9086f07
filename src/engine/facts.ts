import type { Counts } from '../storage/visit.js'
import type { Visitor } from '../storage/visitor.js'
import type { Facts } from '../rules/facts.js'
import type { Moment } from '../api/types.js'
import { deviceFacts } from '../track/device.js'
import { normalizePath } from '../track/path.js'
import { pageFacts } from '../track/page.js'
import { pushPermission } from '../push/support.js'
import { parseDuration } from '../rules/duration.js'
import { countWithin } from '../storage/event-counts.js'

const weekdays = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat']

/**
 * The event counts a config asks about, by key after `events.`: `'viewed.7d'` →
 * `['viewed', 604800000]`, `'viewed'` → `['viewed', null]` (lifetime).
 */
export type EventWindows = Map<string, [name: string, ms: number | null]>

/**
 * Everything a rule's `if` can ask about (contract §4, §8), at one moment. `events` holds every
 * counted event's lifetime count and, of the windowed ones, only those in `windows`; an event
 * the config asks about but the visitor never did counts 0.
 */
export function buildFacts(
  moment: Moment,
  visitor: Visitor,
  counts: Counts,
  event: Record<string, unknown>,
  variants: Record<string, string> = {},
  windows: EventWindows = new Map(),
): Facts {
  const visit = counts.visit
  const time = new Date(moment.time)
  const tallies = counts.events ?? {}
  const events: Record<string, number> = {}
  for (const name in tallies) events[name] = countWithin(tallies[name], null, moment.time)
  for (const [key, [name, ms]] of windows) events[key] = countWithin(tallies[name], ms, moment.time)
  return {
    page: { ...pageFacts(moment.page), views: counts.pages[normalizePath(moment.page.path)] ?? 0 },
    visit: {
      count: visit?.count ?? 0,
      pageviews: visit?.pageviews ?? 0,
      seconds: visit ? Math.max(0, Math.round((moment.time - visit.startedAt) / 1000)) : 0,
    },
    visitor: { pageviews: counts.pageviews, firstSeen: counts.firstSeen },
    user: { id: visitor.userId, traits: visitor.traits },
    utm: visit?.utm ?? {},
    device: deviceFacts(),
    time: { hour: time.getHours(), weekday: weekdays[time.getDay()] },
    journey: { stage: visitor.stage },
    item: counts.items ?? {},
    push: { permission: pushPermission() },
    variant: variants,
    event,
    events,
  }
}

/**
 * Finds once per config every `events.…` key (`events.product_viewed.7d`): the name is what
 * lies between `events.` and the last dot-part when that part is a duration (else all of it),
 * so names may hold dots (`events.checkout.step:2.24h`). It reads every key of the config
 * rather than each place a query sits (rules, segments, journeys' entry, exit, goal, steps,
 * branches, inside `$and`/`$or`/`$not`): shorter, and safe on shapes not validated yet. A key
 * found outside a query costs one more fact per call, nothing else.
 */
export function eventFactKeys(config: unknown): EventWindows {
  const windows: EventWindows = new Map()
  const find = (key: string, value: unknown) => {
    if (key.startsWith('events.')) {
      const rest = key.slice(7)
      const dot = rest.lastIndexOf('.')
      const ms = dot > 0 ? parseDuration(rest.slice(dot + 1)) : null
      windows.set(rest, ms === null ? [rest, null] : [rest.slice(0, dot), ms])
    }
    return value
  }
  try {
    JSON.stringify(config, find) // visits every key, as usesRegex reads the whole config
  } catch {
    // a cycle: the keys found so far are all there is
  }
  return windows
}
