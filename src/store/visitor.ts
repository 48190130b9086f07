import type { Stage } from '../config/types.js'
import { uuid } from '../lib/uuid.js'
import type { Storage } from './storage.js'
import { keys } from './names.js'
import { countPageView, emptyCounts, touchVisit, visitTimeoutMs, type Counts, type ItemCounts } from './visit.js'
import type { Rule } from '../config/types.js'
import { historyLength, isCapped } from '../rules/frequency.js'
import type { Utm } from '../track/utm.js'

export interface Visitor {
  anonymousId: string
  userId: string | null
  traits: Record<string, unknown>
  stage: Stage
}

export const newVisitor = (): Visitor => ({ anonymousId: uuid(), userId: null, traits: {}, stage: 'awareness' })

export type VisitorState = ReturnType<typeof createVisitorState>

/**
 * The visitor of one runtime: who they are and what they did, loaded once from storage.
 * Changes apply in memory at once and are merged into what storage holds under a cross-tab
 * lock, so tabs share one visitor, one visit and one set of counts. Plain values, read when
 * a call runs: nothing subscribes to them.
 */
export function createVisitorState(storage: Storage) {
  let timeoutMs = visitTimeoutMs
  let visitor = newVisitor()
  let counts = emptyCounts(Date.now())
  // Page views counted while nothing may be stored (consent pending), to re-count on grant.
  let unstoredViews: Array<[{ path: string; utm: Utm; referrer: string }, number]> = []
  let persisted = Promise.resolve()
  const queue = (work: () => Promise<unknown>) => {
    persisted = persisted.then(work).then(
      () => undefined,
      () => undefined,
    )
  }

  return {
    /** Who the visitor is now. */
    current: (): Visitor => visitor,
    /** What they did: visits, page views, items, caps. */
    counts: (): Counts => counts,
    /** Replaces both at once (consent granted: the stored visitor wins). */
    adopt(nextVisitor: Visitor, nextCounts: Counts): void {
      visitor = nextVisitor
      counts = nextCounts
    },
    /** The config's `visitTimeout`. */
    setVisitTimeout(ms: number): void {
      timeoutMs = ms
    },
    /**
     * Reads who the visitor is and what they did, in one transaction. Only a first visit
     * writes, under the lock: two tabs opened at once by a new visitor agree on one id.
     */
    async load(): Promise<void> {
      const isVisitor = (value: unknown): value is Visitor => typeof (value as Visitor | undefined)?.anonymousId === 'string'
      const [storedVisitor, storedCounts] = (await storage.readMany([keys.visitor, keys.counts])) as [unknown, Counts | undefined]
      const current = visitor
      visitor = isVisitor(storedVisitor)
        ? { ...newVisitor(), ...storedVisitor }
        : await storage.update<Visitor>(keys.visitor, (stored) => (isVisitor(stored) ? { ...newVisitor(), ...stored } : current))
      if (storedCounts && typeof storedCounts.pageviews === 'number') counts = storedCounts
    },
    update(change: Partial<Visitor>): void {
      visitor = { ...visitor, ...change }
      queue(() => storage.update<Visitor>(keys.visitor, (stored) => ({ ...(stored ?? visitor), ...change })))
    },
    /** Counts a page view across tabs; says whether it started a new visit. */
    async countPageView(view: { path: string; utm: Utm; referrer: string }, now: number, stored = true): Promise<boolean> {
      if (!stored) unstoredViews.push([view, now])
      let newVisit = false
      counts = await storage.update<Counts>(keys.counts, (stored) => {
        const result = countPageView(stored ?? counts, view, now, timeoutMs)
        newVisit = result.newVisit
        return result.counts
      })
      return newVisit
    },
    /**
     * Records that a rule acts now, unless its frequency cap or the visit's item limit says
     * no. Check and record are one locked step: of two tabs, only one gets a `once`.
     */
    async claim(rule: Rule, now: number, perVisit: number): Promise<boolean> {
      let granted = false
      counts = await storage.update<Counts>(keys.counts, (stored) => {
        const current = stored ?? counts
        const history = current.rules?.[rule.id] ?? []
        const visit = current.visit
        const shows = (rule.show || rule.variants) && visit ? (visit.shows ?? 0) : 0
        granted = !isCapped(rule.frequency, history, now, visit?.startedAt ?? now) && shows < perVisit
        if (!granted) return current
        const next = { ...current }
        if (rule.frequency) next.rules = { ...current.rules, [rule.id]: [...history, now].slice(-historyLength(rule.frequency)) }
        if ((rule.show || rule.variants) && visit) next.visit = { ...visit, shows: shows + 1 }
        return next
      })
      return granted
    },
    /** Counts what a visitor did with an item: `item.<id>.shown|dismissed|converted`. */
    async countItem(item: string, what: keyof ItemCounts): Promise<void> {
      counts = await storage.update<Counts>(keys.counts, (stored) => {
        const current = stored ?? counts
        const before = current.items?.[item] ?? { shown: 0, dismissed: 0, converted: 0 }
        return { ...current, items: { ...current.items, [item]: { ...before, [what]: before[what] + 1 } } }
      })
    },
    /** Keeps the visit alive on input; throttled by the caller. */
    touch(now: number): void {
      counts = touchVisit(counts, now, timeoutMs)
      queue(() => storage.update<Counts>(keys.counts, (stored) => touchVisit(stored ?? counts, now, timeoutMs)))
    },
    /** Page views counted while nothing could be stored, handed over once (consent granted). */
    takeUnstoredViews() {
      const views = unstoredViews
      unstoredViews = []
      return views
    },
    visitTimeout: () => timeoutMs,
    reset(): void {
      visitor = newVisitor()
      counts = emptyCounts(Date.now())
      const [fresh, empty] = [visitor, counts]
      queue(() => storage.update(keys.visitor, () => fresh))
      queue(() => storage.update(keys.counts, () => empty))
    },
  }
}
