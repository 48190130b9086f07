/**
 * How often a visitor did each event (contract §8, `events.<name>` facts), kept as buckets
 * rather than an event log so that reading a count on every call stays cheap and the record
 * stays small: one tally per name, and buckets that grow with their age. Pure: the time is
 * always an argument.
 *
 * A bucket is a span of 2^level minutes aligned to its size. A new event goes to its minute;
 * as buckets age they merge into the next size up, once the merged bucket ended at least ten
 * times its size ago. A window counts every bucket any part of which lies inside it, so it
 * counts up to one bucket more than the window — and the bucket at a window's far edge ended
 * at least ten times its size before now, which is less than the window: a window of W counts
 * what happened in the last W and at most W/10 more (to the minute below ten minutes). Buckets
 * stop growing at 2^13 minutes (5.7 days, under a tenth of 90 days) and go at 90 days: about
 * a dozen per size, at most ~180 per name however often it happens.
 */
export interface EventTally {
  /** Over the visitor's life (until the name goes unseen for 90 days). */
  total: number
  /** When it was last counted. */
  last: number
  /** `<level>:<index>` → events in minutes [index·2^level, (index+1)·2^level) since the epoch. */
  buckets?: Buckets
  /** Before buckets (read and moved into them): hour number since the epoch → events. */
  hours?: Buckets
  /** Before buckets: UTC day number since the epoch → events (the same events as `hours`, and older). */
  days?: Buckets
}

export type EventTallies = Record<string, EventTally>
/** Keys are bucket names; IndexedDB and JSON keep them as strings. */
type Buckets = Record<string, number>

const minuteMs = 60_000
const hourMs = 60 * minuteMs
const dayMs = 24 * hourMs
const keepMs = 90 * dayMs
const maxNames = 200
/** The largest bucket: 2^13 minutes, a tenth of 90 days at most. */
const topLevel = 13
/** A bucket merges up once the merged one ended this many of its sizes ago. */
const ageRatio = 10

const sizeOf = (level: number) => minuteMs * 2 ** level

/**
 * Counts one `name` event at `time`: merges and prunes buckets, forgets names unseen for 90
 * days, and keeps at most 200 names (the least recently seen go first).
 */
export function countEvent(tallies: EventTallies | undefined, name: string, time: number): EventTallies {
  const next: EventTallies = {}
  // Assigning `__proto__` would set the record's prototype, not a count: never counted.
  if (name === '__proto__') return tallies ?? next
  for (const key in tallies) if (tallies[key]!.last > time - keepMs) next[key] = tallies[key]!
  const before = next[name]
  const buckets = { ...bucketsOf(before) }
  const key = `0:${Math.floor(time / minuteMs)}`
  buckets[key] = (buckets[key] ?? 0) + 1
  next[name] = { total: (before?.total ?? 0) + 1, last: Math.max(time, before?.last ?? time), buckets: settle(buckets, time) }
  // The name just counted is never the one dropped, even when counted at an older time.
  keepTop(next, maxNames, (key) => (key === name ? Infinity : next[key]!.last))
  return next
}

/** Deletes the keys of `record` that score lowest, until at most `max` are left. */
export function keepTop(record: Record<string, unknown>, max: number, score: (key: string) => number): void {
  const keys = Object.keys(record)
  if (keys.length > max)
    keys
      .sort((a, b) => score(a) - score(b))
      .slice(0, keys.length - max)
      .forEach((key) => delete record[key])
}

/** Each bucket at the size its age allows (merging those that meet), without those past 90 days. */
function settle(buckets: Buckets, now: number): Buckets {
  const next: Buckets = {}
  for (const key in buckets) {
    const [level, index] = key.split(':').map(Number) as [number, number]
    const start = index * sizeOf(level)
    let settled = level
    for (; settled < topLevel; settled++) {
      const size = sizeOf(settled + 1)
      if (now - (Math.floor(start / size) + 1) * size < ageRatio * size) break
    }
    const at = Math.floor(start / sizeOf(settled))
    if ((at + 1) * sizeOf(settled) <= now - keepMs) continue
    next[`${settled}:${at}`] = (next[`${settled}:${at}`] ?? 0) + buckets[key]!
  }
  return next
}

/**
 * The tally's buckets, with those of the hour-and-day format before them moved in: each hour's
 * events at its last minute, and each day's events that no kept hour holds at the last minute
 * the hours no longer cover — never later than they happened could push one out of a window
 * that holds it. They read no finer than they were kept, and age out with the rest.
 */
function bucketsOf(tally: EventTally | undefined): Buckets {
  if (!tally?.hours && !tally?.days) return tally?.buckets ?? {}
  const buckets: Buckets = { ...tally.buckets }
  const add = (time: number, count: number) => {
    const key = `0:${Math.floor(time / minuteMs)}`
    if (count > 0) buckets[key] = (buckets[key] ?? 0) + count
  }
  const hours = tally.hours ?? {}
  // The old format kept hour buckets for the 48 hours before its last count.
  const firstHour = (Math.floor(tally.last / hourMs) - 48) * hourMs
  for (const hour in hours) add((+hour + 1) * hourMs - minuteMs, hours[hour]!)
  for (const day in tally.days) {
    const start = +day * dayMs
    let held = 0
    for (const hour in hours) if (+hour * hourMs >= start && +hour * hourMs < start + dayMs) held += hours[hour]!
    const end = Math.max(Math.min(start + dayMs, firstHour), start + minuteMs)
    add(end - minuteMs, tally.days[day]! - held)
  }
  return settle(buckets, tally.last)
}

/**
 * How many times an event happened within the last `windowMs` before `now` (null: over the
 * visitor's life): at least those of the window, and none older than 1.1 times it (see above).
 * Windows over 90 days read as 90 days (the validator refuses them).
 */
export function countWithin(tally: EventTally | undefined, windowMs: number | null, now: number): number {
  if (!tally) return 0
  if (windowMs === null) return tally.total
  const from = now - Math.min(windowMs, keepMs)
  const buckets = bucketsOf(tally)
  let sum = 0
  for (const key in buckets) {
    const [level, index] = key.split(':').map(Number) as [number, number]
    if ((index + 1) * sizeOf(level) > from) sum += buckets[key]!
  }
  return sum
}
