/**
 * How often a visitor did each event (contract §8, `events.<name>` facts), kept as buckets
 * rather than an event log so that reading a count on every call stays cheap and the record
 * stays small: one tally per name, and three rows of buckets — five minutes for the last 48
 * hours, an hour for the last 10 days, a day for the last 90. Pure: the time is always an
 * argument.
 *
 * Granularity: a window reads the finest row that reaches back far enough, and counts every
 * bucket any part of which lies inside it — at most one bucket more than the window: 5
 * minutes for windows up to 48 hours (`1h` counts the last 60 to 65 minutes), an hour up to
 * 10 days, a day beyond (`30d`: 30 to 31 days). From an hour up that is within 10 % of the
 * window; shorter windows count up to 5 minutes more.
 */
export interface EventTally {
  /** Over the visitor's life (until the name goes unseen for 90 days). */
  total: number
  /** When it was last counted. */
  last: number
  /** Five-minute number since the epoch → events in it (absent in tallies of 0.2 and before). */
  fives?: Buckets
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
/** Each row: its key, its bucket size, and how many buckets before the newest it keeps. */
const rows = [
  ['fives', hourMs / 12, 576],
  ['hours', hourMs, 240],
  ['days', dayMs, 90],
] as const
const keepMs = 90 * dayMs
const maxNames = 200

/**
 * Counts one `name` event at `time`: prunes buckets past what a window can read, forgets
 * names unseen for 90 days, and keeps at most 200 names (the least recently seen go first).
 */
export function countEvent(tallies: EventTallies | undefined, name: string, time: number): EventTallies {
  const next: EventTallies = {}
  // Assigning `__proto__` would set the record's prototype, not a count: never counted.
  if (name === '__proto__') return tallies ?? next
  for (const key in tallies) if (tallies[key]!.last > time - keepMs) next[key] = tallies[key]!
  const before = next[name]
  const tally = { total: (before?.total ?? 0) + 1, last: time } as EventTally
  for (const [key, size, keep] of rows) tally[key] = bump(before?.[key], Math.floor(time / size), keep)
  next[name] = tally
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
  // A tally kept before five-minute buckets reads its hours (as it did then) until it has them.
  const [key, size] = rows.find(([key, size, keep]) => windowMs <= size * keep && tally[key]) ?? rows[2]
  const buckets = tally[key]
  const first = Math.floor((now - Math.min(windowMs, keepMs)) / size)
  let sum = 0
  for (const key in buckets) if (+key >= first) sum += buckets[key]!
  return sum
}
