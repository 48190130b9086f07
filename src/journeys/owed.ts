import type { Moment } from '../api/types.js'
import type { Effect } from './stepper.js'
import type { JourneysState } from './state.js'
import { withLock } from '../lib/lock.js'
import { uuid } from '../lib/uuid.js'

/**
 * What a step decided and the page has not done yet (contract §8 "Exactly once"), kept in the
 * same write as the run's new state — a transactional outbox. A page that goes while it acts
 * leaves these behind, and the next page does them.
 */
export interface Owed {
  /** The messageId of the event it sends: sent again, a collector drops the duplicate. */
  id: string
  effect: Effect
  moment: Pick<Moment, 'page' | 'time'>
  /** The tab doing it; '' once it is any tab's (an item that could not be shown yet). */
  tab: string
}

export type StoredJourneys = JourneysState & { owed?: Owed[] }

export const owe = (effects: Effect[], moment: Moment, tab: string): Owed[] =>
  effects.map((effect) => ({ id: uuid(), effect, moment: { page: moment.page, time: moment.time }, tab }))

/** The state with `owed` as its list of what is still to do (no key when nothing is). */
export function withOwed<T extends StoredJourneys>(state: T, owed: Owed[]): T {
  const { owed: _, ...rest } = state
  return (owed.length ? { ...rest, owed } : rest) as T
}

/**
 * After a tab did some of what it owed: the done ones go, the rest (an item not shown yet)
 * stays owed to any tab.
 */
export function settled(owed: Owed[] = [], attempted: Owed[], done: Set<string>): Owed[] {
  const tried = new Set(attempted.map(({ id }) => id))
  return owed.filter(({ id }) => !done.has(id)).map((entry) => (tried.has(entry.id) ? { ...entry, tab: '' } : entry))
}

/**
 * An item a step could not show stays due until a later run of its journey began, or for 30
 * days: past that it is not shown.
 */
export const stillDue = (state: StoredJourneys, { effect, moment }: Owed, time: number): boolean =>
  effect.type !== 'show' || ((state.journeys[effect.journey]?.runs ?? 0) === effect.run && time - moment.time < dueFor)

/** What this tab may take over: left by a tab that is not acting any more (it went, or could not show an item). */
export function orphans(state: StoredJourneys, tab: string, acting: Set<string> | null, time: number): Owed[] {
  return (state.owed ?? []).filter((entry) => {
    if (entry.tab === tab || (entry.tab && (acting ? acting.has(entry.tab) : time - entry.moment.time < unknownAfter))) return false
    return stillDue(state, entry, time)
  })
}

const dueFor = 30 * 24 * 3_600_000

/** Without Web Locks to ask, an entry this old is taken to be left behind. */
const unknownAfter = 30_000

const lockPrefix = 'journeykit-acting-'

/**
 * A tab holds its Web Lock while it acts on what it owes, and only then (a lock held for the
 * page's life would keep it out of the back/forward cache): another tab that finds the lock
 * free knows the entries are left behind. Nested acts share one hold.
 */
export function actingLock(tab: string) {
  let holders = 0
  let release: (() => void) | null = null
  return {
    async hold(): Promise<void> {
      if (holders++) return
      await new Promise<void>((taken) => void withLock(lockPrefix + tab, () => new Promise<void>((done) => ((release = done), taken()))))
    },
    drop(): void {
      if (--holders) return
      release?.()
      release = null
    },
  }
}

/** The tabs acting now (their locks are held), or null where Web Locks cannot be asked. */
export async function actingTabs(): Promise<Set<string> | null> {
  try {
    const { held = [] } = await navigator.locks.query()
    return new Set(held.flatMap(({ name }) => (name?.startsWith(lockPrefix) ? [name.slice(lockPrefix.length)] : [])))
  } catch {
    return null
  }
}
