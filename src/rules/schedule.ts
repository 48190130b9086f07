import type { Schedule, WeeklyWindow } from '../config/types.js'

const dayNames = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat']
const formatters = new Map<string, Intl.DateTimeFormat>()

/** Wall-clock parts of an instant in an IANA zone (undefined: the visitor's own). */
export function zonedParts(time: number, timeZone?: string) {
  const key = timeZone ?? ''
  let format = formatters.get(key)
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      weekday: 'short',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    })
    formatters.set(key, format)
  }
  const parts: Record<string, string> = {}
  for (const { type, value } of format.formatToParts(time)) parts[type] = value
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    second: Number(parts.second),
    weekday: parts.weekday!.slice(0, 3).toLowerCase(),
  }
}

/** The instant at which a wall-clock time happens in a zone; right across DST changes. */
export function zonedTime(year: number, month: number, day: number, hour: number, minute: number, timeZone?: string): number {
  const wall = Date.UTC(year, month - 1, day, hour, minute)
  let guess = wall
  // Two passes settle the zone's offset, also on the days it changes.
  for (let i = 0; i < 2; i++) {
    const p = zonedParts(guess, timeZone)
    const shown = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second)
    guess += wall - shown
  }
  return guess
}

const boundaries = new Map<string, number>()

/** `start`/`end`: a date alone is the start (or the end) of that day in the schedule's zone. */
function boundary(value: string, timeZone: string | undefined, end: boolean): number {
  const key = `${value}|${timeZone}|${end}`
  let time = boundaries.get(key)
  if (time === undefined) {
    if (boundaries.size > 500) boundaries.clear()
    boundaries.set(key, (time = computeBoundary(value, timeZone, end)))
  }
  return time
}

function computeBoundary(value: string, timeZone: string | undefined, end: boolean): number {
  if (/(Z|[+-]\d{2}:\d{2})$/.test(value)) return Date.parse(value)
  const [date = '', time] = value.split('T')
  const [y, m, d] = date.split('-').map(Number) as [number, number, number]
  if (!time) return end ? zonedTime(y, m, d + 1, 0, 0, timeZone) : zonedTime(y, m, d, 0, 0, timeZone)
  const [h, min] = time.split(':').map(Number) as [number, number]
  return zonedTime(y, m, d, h, min, timeZone)
}

const minuteCache = new Map<string, ReturnType<typeof zonedParts>>()

/** The wall clock of a zone, computed once per zone per minute (formatToParts is slow). */
function localMinute(time: number, zone: string | undefined) {
  const key = `${zone}|${Math.floor(time / 60_000)}`
  let parts = minuteCache.get(key)
  if (!parts) {
    if (minuteCache.size > 200) minuteCache.clear()
    minuteCache.set(key, (parts = zonedParts(time, zone)))
  }
  return parts
}

const minutesOf = (clock: string) => {
  const [h, m] = clock.split(':').map(Number) as [number, number]
  return h * 60 + m
}

/**
 * Whether `now` falls inside the schedule (contract §4): between `start` and `end`, and in
 * one of the `weekly` windows, read on the wall clock of `timezone` (default: the visitor's).
 * A window whose `to` is before its `from` runs past midnight into the next day.
 */
export function isScheduled(schedule: Schedule | undefined, now: number): boolean {
  if (!schedule) return true
  const zone = schedule.timezone
  if (schedule.start && now < boundary(schedule.start, zone, false)) return false
  if (schedule.end && now >= boundary(schedule.end, zone, true)) return false
  if (!schedule.weekly) return true
  const local = localMinute(now, zone)
  const minute = local.hour * 60 + local.minute
  const today = local.weekday
  const yesterday = dayNames[(dayNames.indexOf(today) + 6) % 7]!
  return schedule.weekly.some((window) => {
    const from = minutesOf(window.from ?? '00:00')
    const to = minutesOf(window.to ?? '24:00')
    const days = window.days as string[]
    if (from < to) return days.includes(today) && minute >= from && minute < to
    // overnight: the part after midnight belongs to the day the window started
    return (days.includes(today) && minute >= from) || (days.includes(yesterday) && minute < to)
  })
}

/**
 * The first instant at or after `time` inside one of the weekly windows, on the wall clock of
 * `timezone` (a journey's `wait` for "Thursday 08:00–20:00"): `time` itself when a window is
 * open now. Looks a week and a day ahead, which every window repeats within.
 */
export function nextOpening(weekly: WeeklyWindow[], timezone: string | undefined, time: number): number {
  return isScheduled({ weekly, timezone }, time) ? time : openingAfter(weekly, timezone, time)
}

/**
 * The start of the opening `time` is in: the latest window (one of `weekly` on one day) that
 * began at or before `time` and has not closed yet; null when every window is closed. A loop
 * through a weekly `wait` acts once per opening (contract §8), and this names the opening.
 * A window is `from` to `to` on its day, or past midnight when `to` is not after `from`.
 */
export function openingAt(weekly: WeeklyWindow[], timezone: string | undefined, time: number): number | null {
  let latest: number | null = null
  // A window that opened yesterday may run past midnight into today.
  for (const { start, end } of openings(weekly, timezone, time, -1, 0)) if (start <= time && time < end && (latest === null || start > latest)) latest = start
  return latest
}

/** The first opening of a window strictly after `time` (Infinity when no window has a day). */
export function openingAfter(weekly: WeeklyWindow[], timezone: string | undefined, time: number): number {
  let best = Infinity
  for (const { start } of openings(weekly, timezone, time, 0, 8)) if (start > time && start < best) best = start
  return best
}

/** Each window's opening and closing on the local days `first` to `last` around `time`'s day. */
function openings(weekly: WeeklyWindow[], timezone: string | undefined, time: number, first: number, last: number) {
  const local = zonedParts(time, timezone)
  const found: Array<{ start: number; end: number }> = []
  for (let offset = first; offset <= last; offset++) {
    // Date.UTC normalises the day past a month's end; only its calendar parts are read.
    const day = new Date(Date.UTC(local.year, local.month - 1, local.day + offset))
    const [year, month, date] = [day.getUTCFullYear(), day.getUTCMonth() + 1, day.getUTCDate()]
    const weekday = dayNames[day.getUTCDay()]!
    for (const window of weekly) {
      if (!(window.days as string[]).includes(weekday)) continue
      const from = minutesOf(window.from ?? '00:00')
      const to = minutesOf(window.to ?? '24:00')
      const start = zonedTime(year, month, date, 0, from, timezone)
      // `to` not after `from`: the window closes on the next day (as isScheduled reads it).
      const end = zonedTime(year, month, date + (to <= from ? 1 : 0), 0, to, timezone)
      found.push({ start, end })
    }
  }
  return found
}
