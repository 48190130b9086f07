import type { Stage } from '../config/types.js'
import { uuid } from '../lib/uuid.js'
import type { Storage } from './storage.js'
import { keys } from './names.js'
import { countPageView, emptyCounts, startedVisit, touchVisit, visitTimeoutMs, type Counts, type ItemCounts } from './visit.js'
import { countEvent } from './event-counts.js'
import type { Utm } from '../track/utm.js'

export interface Visitor {
  anonymousId: string
  userId: string | null
  traits: Record<string, unknown>
  stage: Stage
}

export const newVisitor = (): Visitor => ({ anonymousId: uuid(), userId: null, traits: {}, stage: 'awareness' })

export type VisitorState = ReturnType<typeof createVisitorState>

/** A stored visitor, with what earlier versions did not store filled in; undefined if none is stored. */
const asVisitor = (value: unknown): Visitor | undefined =>
  typeof (value as Visitor | undefined)?.anonymousId === 'string' ? { ...newVisitor(), ...(value as Visitor) } : undefined

/**
 * The visitor of one runtime: who they are and what they did, loaded once from storage.
 * Changes apply in memory at once and are merged into what storage holds in one read-write
 * transaction each (src/storage/storage.ts), so tabs share one visitor, one visit and one set of
 * counts. Plain values, read when
 * a call runs: nothing subscribes to them.
 */
export function createVisitorState(storage: Storage) {
  let timeoutMs = visitTimeoutMs
  let visitor = newVisitor()
  let counts = emptyCounts(Date.now())
  // What was counted while nothing may be stored (consent pending), in order, to re-count on grant.
  let unstored: Array<(counts: Counts) => Counts> = []
  /** One read-modify-write of the counts, atomic across tabs; resolves with the counts as stored. */
  const write = async (apply: (counts: Counts) => Counts) => (counts = await storage.update<Counts>(keys.counts, (current) => apply(current ?? counts)))
  /** A write remembered for a grant when not stored. */
  const change = (apply: (counts: Counts) => Counts, stored: boolean) => {
    if (!stored) unstored.push(apply)
    return write(apply)
  }
  let persisted: Promise<unknown> = Promise.resolve()
  let justLoaded = false
  // Bumped by reset: a read started before a reset (a denial) must not bring the old visitor back.
  let resets = 0
  /** This tab's writes of the visitor, one after another (a refresh waits for them); a failed one is dropped. */
  const queue = (work: () => Promise<unknown>) => void (persisted = persisted.then(work).catch(() => undefined))

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
     * Reads who the visitor is, what they did and their journeys' runs (for the journeys chunk,
     * if the config has any), in one read-write transaction, which writes a first visit's new
     * id: two tabs opened at once by a new visitor agree on one id.
     */
    async load(): Promise<void> {
      const before = resets
      const current = visitor
      // A first visit writes its new id in the same transaction (read-write, so two tabs agree).
      const fill = (stored: unknown) => (asVisitor(stored) ? undefined : current)
      const [storedVisitor, storedCounts] = (await storage.readMany([keys.visitor, keys.counts, keys.journeys], fill)) as [unknown, Counts | undefined]
      if (resets !== before) return
      visitor = asVisitor(storedVisitor) ?? current
      if (typeof storedCounts?.pageviews === 'number') counts = storedCounts
      justLoaded = true
    },
    /**
     * Another tab may have identified the visitor (or moved their stage) since this tab read
     * them: read them again, after this tab's own writes. Each page view does, but for the
     * first, which `load` has just read.
     */
    async refresh(): Promise<void> {
      if (justLoaded) return void (justLoaded = false)
      await persisted
      visitor = asVisitor(await storage.fresh(keys.visitor)) ?? visitor
    },
    update(change: Partial<Visitor>): void {
      visitor = { ...visitor, ...change }
      queue(() => storage.update<Visitor>(keys.visitor, (stored) => ({ ...(stored ?? visitor), ...change })))
    },
    /** Counts a page view across tabs; says whether it started a new visit. */
    async countPageView(view: { path: string; utm: Utm; referrer: string }, now: number, stored: boolean): Promise<boolean> {
      return startedVisit(await change((current) => countPageView(current, view, now, timeoutMs), stored))
    },
    /** One read-modify-write of the counts as storage holds them, atomic across tabs (a claim under caps). */
    writeCounts: write,
    /**
     * Counts an event the page sent (`events.<name>`) and, for an item's event, what the visitor
     * did with it (`item.<id>.shown|dismissed|converted`): one write, resolving with the counts as stored.
     */
    countEvent(name: string, time: number, item: [string, keyof ItemCounts] | null, stored: boolean): Promise<Counts> {
      return change((current) => {
        const next = { ...current, events: countEvent(current.events, name, time) }
        if (item) {
          const [id, what] = item
          const before = current.items?.[id] ?? { shown: 0, dismissed: 0, converted: 0 }
          next.items = { ...current.items, [id]: { ...before, [what]: before[what] + 1 } }
        }
        return next
      }, stored)
    },
    /** Keeps the visit alive on input; throttled by the caller. */
    touch(now: number): void {
      void write((current) => touchVisit(current, now, timeoutMs))
    },
    /** What was counted while nothing could be stored, in order, handed over once (consent granted). */
    takeUnstored() {
      const changes = unstored
      unstored = []
      return changes
    },
    reset(): void {
      resets++
      visitor = newVisitor()
      counts = emptyCounts(Date.now())
      unstored = []
      const [fresh, empty] = [visitor, counts]
      queue(() => storage.update(keys.visitor, () => fresh))
      queue(() => storage.update(keys.counts, () => empty))
    },
  }
}
