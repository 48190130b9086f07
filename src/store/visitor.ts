import { atom } from 'nanostores'
import type { Stage } from '../config/types.js'
import { uuid } from '../lib/uuid.js'
import { keys, type Storage } from './storage.js'
import { countPageView, emptyCounts, touchVisit, visitTimeoutMs, type Counts } from './visit.js'
import type { Utm } from '../track/utm.js'

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
export function createVisitorState(storage: Storage, timeoutMs = visitTimeoutMs) {
  const $visitor = atom<Visitor>(newVisitor())
  const $counts = atom<Counts>(emptyCounts(Date.now()))
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
    async countPageView(view: { path: string; utm: Utm; referrer: string }, now: number): Promise<boolean> {
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
    reset(): void {
      $visitor.set(newVisitor())
      $counts.set(emptyCounts(Date.now()))
      queue(() => storage.update(keys.visitor, () => $visitor.get()))
      queue(() => storage.update(keys.counts, () => $counts.get()))
    },
  }
}
