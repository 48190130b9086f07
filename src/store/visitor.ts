import { atom } from 'nanostores'
import type { Stage } from '../config/types.js'
import { uuid } from '../lib/uuid.js'
import { keys, type Storage } from './storage.js'
import { countPageView, emptyCounts, touchVisit, visitTimeoutMs, type Counts } from './visit.js'
import type { Utm } from '../track/utm.js'
import { isLaterStage } from '../rules/stages.js'

export interface Visitor {
  anonymousId: string
  userId: string | null
  traits: Record<string, unknown>
  stage: Stage
}

export const newVisitor = (): Visitor => ({ anonymousId: uuid(), userId: null, traits: {}, stage: 'awareness' })

/**
 * The visitor of one runtime: two atoms (who they are; what they did), loaded once from
 * storage. Changes apply in memory at once and are merged into what storage holds under a
 * cross-tab lock, so tabs share one visitor, one visit and one set of counts.
 */
export function createVisitorState(storage: Storage) {
  let timeoutMs = visitTimeoutMs
  const $visitor = atom<Visitor>(newVisitor())
  const $counts = atom<Counts>(emptyCounts(Date.now()))
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
    /** Keeps the visit alive on input; throttled by the caller. */
    touch(now: number): void {
      $counts.set(touchVisit($counts.get(), now, timeoutMs))
      queue(() => storage.update<Counts>(keys.counts, (stored) => touchVisit(stored ?? $counts.get(), now, timeoutMs)))
    },
    /**
     * Consent granted: the visitor may already be known from an earlier grant. Their stored
     * identity wins; what happened meanwhile (identify, stage, page views) is merged into it.
     * Returns the anonymous id the visitor had in memory, to re-label the events held so far,
     * and the numbers of the visits those page views start once counted on the stored counts.
     */
    async adoptStored(): Promise<{ heldId: string; newVisits: number[] }> {
      const memoryVisitor = $visitor.get()
      const visitor = await storage.update<Visitor>(keys.visitor, (stored) => {
        if (!stored || typeof stored.anonymousId !== 'string') return memoryVisitor
        return {
          ...stored,
          userId: memoryVisitor.userId ?? stored.userId,
          traits: { ...stored.traits, ...memoryVisitor.traits },
          stage: isLaterStage(memoryVisitor.stage, stored.stage) ? memoryVisitor.stage : stored.stage,
        }
      })
      const views = unstoredViews
      unstoredViews = []
      let newVisits: number[] = []
      const counts = await storage.update<Counts>(keys.counts, (stored) => {
        newVisits = []
        if (!stored) return $counts.get()
        return views.reduce((counts, [view, at]) => {
          const result = countPageView(counts, view, at, timeoutMs)
          if (result.newVisit) newVisits.push(result.counts.visit!.count)
          return result.counts
        }, stored)
      })
      if (newVisits.length === 0 && counts === $counts.get()) newVisits = views.length ? [counts.visit!.count] : []
      $visitor.set(visitor)
      $counts.set(counts)
      return { heldId: memoryVisitor.anonymousId, newVisits }
    },
    reset(): void {
      $visitor.set(newVisitor())
      $counts.set(emptyCounts(Date.now()))
      queue(() => storage.update(keys.visitor, () => $visitor.get()))
      queue(() => storage.update(keys.counts, () => $counts.get()))
    },
  }
}
