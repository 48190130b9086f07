import { describe, expect, it } from 'vitest'
import { countEvent, countWithin, type EventTallies } from './event-counts.js'

const hour = 3_600_000
const day = 24 * hour
// A day boundary (UTC midnight), so hour and day buckets start here.
const t0 = Date.parse('2026-11-24T00:00:00Z')

/** Counts `name` once at each time, in order. */
const countAt = (times: number[], name = 'add_to_cart', tallies: EventTallies = {}) => times.reduce((all, time) => countEvent(all, name, time), tallies)

describe('countWithin', () => {
  const minute = 60_000
  // [what, times of the events (ms after t0), window (null: lifetime), now (ms after t0), expected]
  const rows: Array<[string, number[], number | null, number, number]> = [
    ['nothing counted', [], null, 0, 0],
    ['lifetime counts every event', [0, hour, 3 * day, 40 * day], null, 40 * day, 4],
    ['1h: this hour', [10 * minute, 20 * minute], hour, 30 * minute, 2],
    ['1h: an event exactly an hour back still counts', [0], hour, hour, 1],
    ['1h: an event 66 minutes back no longer counts (an hour bucket counted it)', [0], hour, hour + 6 * minute, 0],
    ['1h: an event 90 minutes back does not count (an hour bucket counted it)', [0], hour, hour + 30 * minute, 0],
    ['1h: … nor once later events merged its minute into a bigger bucket', [0, 90 * minute], hour, 90 * minute, 1],
    ['1h: an event 1h06m back never counts, whatever merged', [0, 30 * minute, 50 * minute, 66 * minute], hour, 66 * minute, 3],
    ['24h: the events of the last 24 hours', [0, hour - 1, 2 * hour], 24 * hour, 24 * hour + 30 * minute, 2],
    ['24h: an event 25 hours back does not count', [0, 2 * hour], 24 * hour, 25 * hour, 1],
    ['48h: an event 49 hours back does not count', [0, 2 * hour], 48 * hour, 49 * hour, 1],
    ['7d: the events of the last 7 days', [0, day, 8 * day - 1], 7 * day, 8 * day, 2],
    ['7d: an event 7d 18h back does not count (a day bucket counted it)', [0], 7 * day, 7 * day + 18 * hour, 0],
    ['7d: … nor after later events merged it', [0, 3 * day, 7 * day + 18 * hour], 7 * day, 7 * day + 18 * hour, 2],
    ['7d: an event 7d 17h back, with merges, never counts', [0, day, 2 * day, 7 * day + 17 * hour], 7 * day, 7 * day + 17 * hour, 3],
    ['30d', [0, 10 * day, 29 * day], 30 * day, 40 * day, 2],
    ['90d: every event of the last 90 days', [0, 45 * day, 89 * day], 90 * day, 90 * day, 3],
    ['90d: an event 99 days back does not count', [0, 45 * day, 99 * day], 90 * day, 99 * day, 2],
    ['over 90 days reads as 90 days', [0, 45 * day], 365 * day, 91 * day, 1],
    ['under an hour, to five minutes', [0, 59 * minute], 5 * minute, 59 * minute + 30_000, 1],
  ]
  it.each(rows)('%s', (_what, times, windowMs, now, expected) => {
    const tallies = countAt(times.map((t) => t0 + t))
    expect(countWithin(tallies.add_to_cart, windowMs, t0 + now)).toBe(expected)
  })

  // An event every `every` for twice the window before `now`: the count holds every event of
  // the window and none more than a tenth of it older, whatever the windows and phases.
  const windows: Array<[string, number, number]> = [
    ['1h', hour, minute],
    ['90m', 90 * minute, 2 * minute],
    ['24h', 24 * hour, 17 * minute],
    ['48h', 48 * hour, 31 * minute],
    ['7d', 7 * day, 97 * minute],
    ['30d', 30 * day, 7 * hour],
    ['45d', 45 * day, 11 * hour],
    ['90d', 90 * day, 13 * hour],
  ]
  it.each(windows)('%s counts within 10%% of the true window', (_name, windowMs, every) => {
    for (const phase of [0, 0.37, 0.81]) {
      const now = t0 + 200 * day + Math.round(phase * day)
      const times: number[] = []
      for (let time = now - Math.min(2 * windowMs, 95 * day); time <= now; time += every) times.push(time)
      const count = countWithin(countAt(times).add_to_cart, windowMs, now)
      const since = (ms: number) => times.filter((time) => time >= now - ms).length
      expect(count).toBeGreaterThanOrEqual(since(windowMs))
      expect(count).toBeLessThanOrEqual(since(1.1 * windowMs))
    }
  })
})

describe('countEvent', () => {
  it('counts each name on its own and leaves the tallies it was given alone', () => {
    const before = countAt([t0])
    const after = countEvent(before, 'page_view', t0 + 1)
    expect(before).toEqual({ add_to_cart: expect.objectContaining({ total: 1 }) })
    expect(after.add_to_cart!.total).toBe(1)
    expect(after.page_view).toMatchObject({ total: 1, last: t0 + 1 })
  })

  it('keeps at most 577 + 241 + 91 buckets per name, and none past 90 days', () => {
    // Every 45 minutes for 99 days, then every minute (every row as full as it gets).
    let tallies: EventTallies = {}
    let time = t0
    for (; time < t0 + 99 * day; time += 45 * 60_000) tallies = countEvent(tallies, 'page_view', time)
    for (; time < t0 + 100 * day; time += 60_000) tallies = countEvent(tallies, 'page_view', time)
    const { fives = {}, hours, days } = tallies.page_view!
    const kept = [Object.keys(fives).length, Object.keys(hours).length, Object.keys(days).length]
    expect(kept.map((count, row) => count <= [577, 241, 91][row]!)).toEqual([true, true, true])
    expect(kept[1]).toBe(241) // an event every 45 minutes fills the hour row
    expect(Math.min(...Object.keys(days).map(Number))).toBeGreaterThanOrEqual(Math.floor((time - 60_000) / day) - 90)
  }, 30_000)

  it('keeps the lifetime total when buckets are pruned', () => {
    const tally = countAt([t0, t0 + 50 * day, t0 + 100 * day])['add_to_cart']!
    expect(Object.values(tally.days).reduce((sum, count) => sum + count)).toBe(2)
    expect(countWithin(tally, null, t0 + 100 * day)).toBe(3)
    expect(countWithin(tally, 90 * day, t0 + 100 * day)).toBe(2)
  })

  it('forgets a name not seen for 90 days', () => {
    const tallies = countEvent(countAt([t0], 'old', countAt([t0 + 10 * day])), 'new', t0 + 90 * day)
    expect(Object.keys(tallies).sort()).toEqual(['add_to_cart', 'new'])
  })

  it('keeps at most 200 names, dropping the least recently seen', () => {
    let tallies: EventTallies = {}
    // name_0 is seen last of all, so name_1 is the least recent when the 201st name comes.
    for (let i = 1; i < 200; i++) tallies = countEvent(tallies, `name_${i}`, t0 + i)
    tallies = countEvent(tallies, 'name_0', t0 + 500)
    expect(Object.keys(tallies)).toHaveLength(200)
    tallies = countEvent(tallies, 'name_200', t0 + 600)
    expect(Object.keys(tallies)).toHaveLength(200)
    expect(tallies.name_1).toBeUndefined()
    expect(tallies.name_0!.total).toBe(1)
    expect(tallies.name_200!.total).toBe(1)
  })

  it('never drops the name it just counted, even at an older time than the rest', () => {
    let tallies: EventTallies = {}
    for (let i = 0; i < 200; i++) tallies = countEvent(tallies, `name_${i}`, t0 + 1000 + i)
    tallies = countEvent(tallies, 'late_clock', t0)
    expect(tallies.late_clock!.total).toBe(1)
    expect(tallies.name_0).toBeUndefined()
  })

  it('reads bucket numbers stored as strings (IndexedDB, JSON)', () => {
    const stored = JSON.parse(JSON.stringify(countAt([t0, t0 + hour]))) as EventTallies
    expect(countWithin(countEvent(stored, 'add_to_cart', t0 + 2 * hour).add_to_cart, 3 * hour, t0 + 2 * hour)).toBe(3)
  })

  it('never counts __proto__, which a plain record cannot hold', () => {
    const tallies = countEvent(countAt([t0]), '__proto__', t0)
    expect(Object.getPrototypeOf(tallies)).toBe(Object.prototype)
    expect(Object.keys(tallies)).toEqual(['add_to_cart'])
  })
})

describe('tallies stored by 0.2 (hours and days, no five-minute buckets)', () => {
  // Events at t0 − 3d, t0 − 2h and t0 − 30m, last counted at t0 − 30m.
  const hourOf = (time: number) => Math.floor(time / hour)
  const dayOf = (time: number) => Math.floor(time / day)
  const old = (): EventTallies => ({
    add_to_cart: {
      total: 3,
      last: t0 - 30 * 60_000,
      hours: { [hourOf(t0 - 2 * hour)]: 1, [hourOf(t0 - 30 * 60_000)]: 1 },
      days: { [dayOf(t0 - 3 * day)]: 1, [dayOf(t0 - hour)]: 2 },
    },
  })

  it.each([
    [hour, 1],
    [3 * hour, 2],
    [3 * day, 2], // the hour row, which 0.2 kept for 48 hours only
    [11 * day, 3],
    [null, 3],
  ])('read their hours as before until they have five-minute buckets: window %s', (windowMs, expected) => {
    expect(countWithin(old().add_to_cart, windowMs, t0)).toBe(expected)
  })

  it('keep their rows at the next count, which starts the five-minute row', () => {
    const counted = countEvent(old(), 'add_to_cart', t0)
    expect(countWithin(counted.add_to_cart, 10 * 60_000, t0)).toBe(1)
    expect(countWithin(counted.add_to_cart, 11 * day, t0)).toBe(4)
    expect(countWithin(counted.add_to_cart, null, t0)).toBe(4)
  })
})
