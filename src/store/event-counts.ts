/**
 * How often a visitor did each event (contract §8, `events.<name>` facts), kept as buckets
 * rather than an event log so that reading a count on every call stays cheap and the record
 * stays small: one tally per name, one bucket per hour for the last 48 hours and one per day
 * for the last 90 days. Pure: the time is always an argument.
 *
 * Granularity: a window counts every bucket any part of which lies inside it. Windows up to
 * 48 hours read hour buckets, so `1h` counts the events of this hour and the one before;
 * longer windows read day buckets (UTC days), so `7d` may count up to a day more than seven.
 */
export interface EventTally {
  /** Over the visitor's life (until the name goes unseen for 90 days). */
  total: number
  /** When it was last counted. */
  last: number
  /** Hour number since the epoch → events in that hour. */
  hours: Buckets
  /** Day number since the epoch (UTC) → events in that day. */
  days: Buckets
}

export type EventTallies = Record<string, EventTally>
/** Keys are bucket numbers; IndexedDB and JSON keep them as strings. */
type Buckets = Record<string, number>

const hourMs = 3_600_000
const dayMs = 24 * hourMs
const keepHours = 48
const keepDays = 90
const maxNames = 200

/**
 * Counts one `name` event at `time`: prunes buckets past what a window can read, forgets
 * names unseen for 90 days, and keeps at most 200 names (the least recently seen go first).
 */
export function countEvent(tallies: EventTallies | undefined, name: string, time: number): EventTallies {
  const next: EventTallies = {}
  // Assigning `__proto__` would set the record's prototype, not a count: never counted.
  if (name === '__proto__') return tallies ?? next
  for (const key in tallies) if (tallies[key]!.last > time - keepDays * dayMs) next[key] = tallies[key]!
  const before = next[name]
  next[name] = {
    total: (before?.total ?? 0) + 1,
    last: time,
    hours: bump(before?.hours, Math.floor(time / hourMs), keepHours),
    days: bump(before?.days, Math.floor(time / dayMs), keepDays),
  }
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

/** Adds one to bucket `index`, keeping only the `keep` buckets before it. */
function bump(buckets: Buckets = {}, index: number, keep: number): Buckets {
  const next: Buckets = {}
  for (const key in buckets) if (+key >= index - keep) next[key] = buckets[key]!
  next[index] = (next[index] ?? 0) + 1
  return next
}

/**
 * How many times an event happened within the last `windowMs` before `now` (null: over the
 * visitor's life). Windows over 90 days read as 90 days (the validator refuses them).
 */
export function countWithin(tally: EventTally | undefined, windowMs: number | null, now: number): number {
  if (!tally) return 0
  if (windowMs === null) return tally.total
  const [buckets, size] = windowMs <= keepHours * hourMs ? [tally.hours, hourMs] : [tally.days, dayMs]
  const first = Math.floor((now - Math.min(windowMs, keepDays * dayMs)) / size)
  let sum = 0
  for (const key in buckets) if (+key >= first) sum += buckets[key]!
  return sum
}
