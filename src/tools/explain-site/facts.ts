import type { Stage } from '../../config/types.js'
import type { Counts } from '../../storage/visit.js'
import type { Facts } from '../../rules/facts.js'
import type { EventWindows } from '../../engine/facts.js'
import { countWithin } from '../../storage/event-counts.js'
import { normalizePath } from '../../track/path.js'

/** Who the simulated visitor is: what `identify()` and `set` gave, and their stage. */
export interface Person {
  userId: string | null
  traits: Record<string, unknown>
  stage: Stage
}

/**
 * The facts the browser counts for itself (src/engine/facts.ts `buildFacts`), from the simulated
 * visitor's counts: `page.views`, `visit.*`, `visitor.*`, `user.*`, `utm.*`, `journey.stage`,
 * `item.*`, `variant.*`, `event.*` and `events.*`. Not the page's own facts (`page.path`, …),
 * the device, push permission or local time: the timeline gives those, or the zone does.
 * `buildFacts` itself reads `navigator`, which Node has not; src/tools/explain-site/facts.test.ts
 * holds the two together.
 */
export function countedFacts(
  time: number,
  path: string,
  person: Person,
  counts: Counts,
  event: Record<string, unknown>,
  variants: Record<string, string>,
  windows: EventWindows,
): Facts {
  const visit = counts.visit
  const tallies = counts.events ?? {}
  const events: Record<string, number> = {}
  for (const name in tallies) events[name] = countWithin(tallies[name], null, time)
  for (const [key, [name, ms]] of windows) events[key] = countWithin(tallies[name], ms, time)
  return {
    page: { views: counts.pages[normalizePath(path)] ?? 0 },
    visit: {
      count: visit?.count ?? 0,
      pageviews: visit?.pageviews ?? 0,
      seconds: visit ? Math.max(0, Math.round((time - visit.startedAt) / 1000)) : 0,
    },
    visitor: { pageviews: counts.pageviews, firstSeen: counts.firstSeen },
    user: { id: person.userId, traits: person.traits },
    utm: visit?.utm ?? {},
    journey: { stage: person.stage },
    item: counts.items ?? {},
    variant: variants,
    event,
    events,
  }
}
