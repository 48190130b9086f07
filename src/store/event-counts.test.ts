import { describe, expect, it } from 'vitest'
import { countEvent, countWithin, type EventTallies } from './event-counts.js'

const hour = 3_600_000
const day = 24 * hour
// A day boundary (UTC midnight), so hour and day buckets start here.
const t0 = Date.parse('2026-11-24T00:00:00Z')

/** Counts `name` once at each time, in order. */
const countAt = (times: number[], name = 'add_to_cart', tallies: EventTallies = {}) => times.reduce((all, time) => countEvent(all, name, time), tallies)

describe('countWithin', () => {
  // [what, times of the events (ms after t0), window (null: lifetime), now (ms after t0), expected]
  const rows: Array<[string, number[], number | null, number, number]> = [
    ['nothing counted', [], null, 0, 0],
    ['lifetime counts every event', [0, hour, 3 * day, 40 * day], null, 40 * day, 4],
    ['1h: this hour', [10 * 60_000, 20 * 60_000], hour, 30 * 60_000, 2],
    ['1h: an event in the hour before still counts (its bucket overlaps the window)', [0], hour, hour + 30 * 60_000, 1],
    ['1h: an event two hour-buckets back does not', [0], hour, 2 * hour, 0],
    ['1h: at the exact edge the window starts where the bucket starts', [0], hour, hour, 1],
    ['24h: the bucket 24 hours back counts', [0, hour - 1, 2 * hour], 24 * hour, 24 * hour + 30 * 60_000, 3],
    ['24h: the bucket before it does not', [0, hour - 1, 2 * hour], 24 * hour, 25 * hour + 1, 1],
    ['48h: read from hour buckets, to the bucket 48 hours back', [0, 2 * hour], 48 * hour, 49 * hour, 1],
    ['7d: read from day buckets, the day 7 days back included', [0, day, 8 * day - 1], 7 * day, 8 * day, 2],
    ['7d: on the same day an event counts whatever its hour', [23 * hour], 7 * day, 7 * day + 12 * hour, 1],
    ['7d: a day more than the window back does not count', [0], 7 * day, 8 * day, 0],
    ['30d', [0, 10 * day, 29 * day], 30 * day, 40 * day, 2],
    ['90d: every kept day', [0, 45 * day, 89 * day], 90 * day, 90 * day, 3],
    ['over 90 days reads as 90 days', [0, 45 * day], 365 * day, 91 * day, 1],
    ['a window under an hour reads whole hour buckets', [0, 59 * 60_000], 5 * 60_000, 59 * 60_000, 2],
  ]
  it.each(rows)('%s', (_what, times, windowMs, now, expected) => {
    const tallies = countAt(times.map((t) => t0 + t))
    expect(countWithin(tallies.add_to_cart, windowMs, t0 + now)).toBe(expected)
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

  it('keeps hour buckets for 48 hours and day buckets for 90 days', () => {
    const times = Array.from({ length: 100 }, (_, i) => t0 + i * day)
    const { hours, days } = countAt([...times, t0 + 99 * day + hour])['add_to_cart']!
    const hourNow = Math.floor((t0 + 99 * day + hour) / hour)
    const dayNow = Math.floor((t0 + 99 * day) / day)
    // Of the daily events, those 25 and 1 hours back are within 48 hours; 49 hours back is not.
    expect(Object.keys(hours).map(Number)).toEqual([hourNow - 25, hourNow - 1, hourNow])
    expect(Math.min(...Object.keys(days).map(Number))).toBe(dayNow - 90)
    expect(Object.keys(days)).toHaveLength(91)
  })

  it('keeps the lifetime total when buckets are pruned', () => {
    const tally = countAt([t0, t0 + 50 * day, t0 + 100 * day])['add_to_cart']!
    expect(Object.keys(tally.days)).toHaveLength(2)
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
