import type { Counts } from '../store/visit.js'
import type { Visitor } from '../store/visitor.js'
import type { Facts } from '../rules/facts.js'
import type { Moment } from './types.js'
import { deviceFacts } from '../track/device.js'
import { normalizePath } from '../track/path.js'
import { pageFacts } from '../track/page.js'
import { pushPermission } from '../push/support.js'

const weekdays = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat']

/** Everything a rule's `if` can ask about (contract §4), at one moment. */
export function buildFacts(moment: Moment, visitor: Visitor, counts: Counts, event: Record<string, unknown>, variants: Record<string, string> = {}): Facts {
  const visit = counts.visit
  const time = new Date(moment.time)
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
  }
}
