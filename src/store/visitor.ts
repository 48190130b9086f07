import { cell } from '../lib/cell.js'
import type { Stage } from '../config/types.js'
import { uuid } from '../lib/uuid.js'
import { keys, type Storage } from './storage.js'
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

/**
 * The visitor of one runtime: two cells (who they are; what they did), loaded once from
 * storage. Changes apply in memory at once and are merged into what storage holds under a
 * cross-tab lock, so tabs share one visitor, one visit and one set of counts.
 */
export function createVisitorState(storage: Storage) {
  let timeoutMs = visitTimeoutMs
  const $visitor = cell<Visitor>(newVisitor())
  const $counts = cell<Counts>(emptyCounts(Date.now()))
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
    $visitor,
    $counts,
    /** The config's `visitTimeout`. */
    setVisitTimeout(ms: number): void {
      timeoutMs = ms
    },
    async load(): Promise<void> {
      const visitor = await storage.update<Visitor>(keys.visitor, (stored) =>
        stored && typeof stored.anonymousId === 'string' ? { ...newVisitor(), ...stored } : $visitor.get(),
      )
      $visitor.set(visitor)
      const counts = await storage.read<Counts>(keys.counts)
      if (counts && typeof counts.pageviews === 'number') $counts.set(counts)
    },
    update(change: Partial<Visitor>): void {
      $visitor.set({ ...$visitor.get(), ...change })
      queue(() => storage.update<Visitor>(keys.visitor, (stored) => ({ ...(stored ?? $visitor.get()), ...change })))
    },
    /** Counts a page view across tabs; says whether it started a new visit. */
    async countPageView(view: { path: string; utm: Utm; referrer: string }, now: number, stored = true): Promise<boolean> {
      if (!stored) unstoredViews.push([view, now])
      let newVisit = false
      const counts = await storage.update<Counts>(keys.counts, (stored) => {
        const result = countPageView(stored ?? $counts.get(), view, now, timeoutMs)
        newVisit = result.newVisit
        return result.counts
      })
      $counts.set(counts)
      return newVisit
    },
    /**
     * Records that a rule acts now, unless its frequency cap or the visit's item limit says
     * no. Check and record are one locked step: of two tabs, only one gets a `once`.
     */
    async claim(rule: Rule, now: number, perVisit: number): Promise<boolean> {
      let granted = false
      const counts = await storage.update<Counts>(keys.counts, (stored) => {
        const current = stored ?? $counts.get()
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
      $counts.set(counts)
      return granted
    },
    /** Counts what a visitor did with an item: `item.<id>.shown|dismissed|converted`. */
    async countItem(item: string, what: keyof ItemCounts): Promise<void> {
      const counts = await storage.update<Counts>(keys.counts, (stored) => {
        const current = stored ?? $counts.get()
        const before = current.items?.[item] ?? { shown: 0, dismissed: 0, converted: 0 }
        return { ...current, items: { ...current.items, [item]: { ...before, [what]: before[what] + 1 } } }
      })
      $counts.set(counts)
    },
    /** Keeps the visit alive on input; throttled by the caller. */
    touch(now: number): void {
      $counts.set(touchVisit($counts.get(), now, timeoutMs))
      queue(() => storage.update<Counts>(keys.counts, (stored) => touchVisit(stored ?? $counts.get(), now, timeoutMs)))
    },
    /** Page views counted while nothing could be stored, handed over once (consent granted). */
    takeUnstoredViews() {
      const views = unstoredViews
      unstoredViews = []
      return views
    },
    visitTimeout: () => timeoutMs,
    reset(): void {
      $visitor.set(newVisitor())
      $counts.set(emptyCounts(Date.now()))
      queue(() => storage.update(keys.visitor, () => $visitor.get()))
      queue(() => storage.update(keys.counts, () => $counts.get()))
    },
  }
}
