import { describe, expect, it } from 'vitest'
import type { WeeklyWindow } from '../config/types.js'
import { isScheduled, nextOpening, openingAfter, openingAt, zonedTime } from './schedule.js'

const at = (iso: string) => Date.parse(iso)
const thursdays = { weekly: [{ days: ['thu' as const], from: '08:00', to: '20:00' }], timezone: 'Europe/Belgrade' }

describe('isScheduled', () => {
  it('has no schedule: always', () => expect(isScheduled(undefined, Date.now())).toBe(true))

  it('reads weekly windows on the wall clock of the given zone, whatever the machine zone', () => {
    // Thursday 2026-11-26: Belgrade is UTC+1 in winter
    expect(isScheduled(thursdays, at('2026-11-26T06:59:59Z'))).toBe(false) // 07:59:59 local
    expect(isScheduled(thursdays, at('2026-11-26T07:00:00Z'))).toBe(true) // 08:00 local
    expect(isScheduled(thursdays, at('2026-11-26T18:59:59Z'))).toBe(true) // 19:59:59 local
    expect(isScheduled(thursdays, at('2026-11-26T19:00:00Z'))).toBe(false) // 20:00 local: `to` is exclusive
    expect(isScheduled(thursdays, at('2026-11-27T10:00:00Z'))).toBe(false) // Friday
  })

  it('is right on DST change days (Belgrade springs forward on 2026-03-29, falls back on 2026-10-25)', () => {
    const sundays = { weekly: [{ days: ['sun' as const], from: '08:00', to: '09:00' }], timezone: 'Europe/Belgrade' }
    // after spring-forward, local = UTC+2
    expect(isScheduled(sundays, at('2026-03-29T06:00:00Z'))).toBe(true) // 08:00 CEST
    expect(isScheduled(sundays, at('2026-03-29T07:00:00Z'))).toBe(false) // 09:00 CEST
    // after fall-back, local = UTC+1
    expect(isScheduled(sundays, at('2026-10-25T06:59:00Z'))).toBe(false) // 07:59 CET
    expect(isScheduled(sundays, at('2026-10-25T07:00:00Z'))).toBe(true) // 08:00 CET
  })

  it('runs an overnight window into the next day', () => {
    const fridayNights = { weekly: [{ days: ['fri' as const], from: '22:00', to: '02:00' }], timezone: 'America/New_York' }
    expect(isScheduled(fridayNights, at('2026-11-28T03:30:00Z'))).toBe(true) // Fri 22:30 EST
    expect(isScheduled(fridayNights, at('2026-11-28T06:30:00Z'))).toBe(true) // Sat 01:30 EST
    expect(isScheduled(fridayNights, at('2026-11-28T07:30:00Z'))).toBe(false) // Sat 02:30 EST
    expect(isScheduled(fridayNights, at('2026-11-27T06:30:00Z'))).toBe(false) // Fri 01:30: Thursday had no window
  })

  it('honours start and end: a date alone covers the whole day in the schedule zone', () => {
    const december = { start: '2026-12-01', end: '2026-12-24', timezone: 'Asia/Tokyo' }
    expect(isScheduled(december, at('2026-11-30T14:59:59Z'))).toBe(false) // Nov 30 23:59:59 JST
    expect(isScheduled(december, at('2026-11-30T15:00:00Z'))).toBe(true) // Dec 1 00:00 JST
    expect(isScheduled(december, at('2026-12-24T14:59:59Z'))).toBe(true) // Dec 24 23:59:59 JST
    expect(isScheduled(december, at('2026-12-24T15:00:00Z'))).toBe(false)
    expect(isScheduled({ start: '2026-12-01T08:00:00Z' }, at('2026-12-01T07:59:59Z'))).toBe(false)
  })
})

describe('zonedTime', () => {
  it('finds the instant of a wall-clock time across a DST change', () => {
    expect(new Date(zonedTime(2026, 3, 29, 12, 0, 'Europe/Belgrade')).toISOString()).toBe('2026-03-29T10:00:00.000Z')
    expect(new Date(zonedTime(2026, 3, 28, 12, 0, 'Europe/Belgrade')).toISOString()).toBe('2026-03-28T11:00:00.000Z')
    expect(new Date(zonedTime(2026, 7, 4, 9, 30, 'America/Los_Angeles')).toISOString()).toBe('2026-07-04T16:30:00.000Z')
  })
})

describe('openings of weekly windows', () => {
  const iso = (time: number | null) => (time === null ? null : Number.isFinite(time) ? new Date(time).toISOString() : String(time))
  const { weekly, timezone } = thursdays
  const fridayNights = [{ days: ['fri' as const], from: '22:00', to: '02:00' }]
  const split = [
    { days: ['thu' as const], from: '08:00', to: '12:00' },
    { days: ['thu' as const], from: '12:00', to: '20:00' },
  ]
  // [what, windows, zone, time, openingAt, openingAfter, nextOpening]
  const rows: Array<[string, WeeklyWindow[], string, string, string | null, string, string]> = [
    // Thursday 2026-11-26, Belgrade UTC+1: the window is 07:00–19:00 UTC.
    [
      'inside: the opening began at 08:00',
      weekly,
      timezone,
      '2026-11-26T12:00:00Z',
      '2026-11-26T07:00:00.000Z',
      '2026-12-03T07:00:00.000Z',
      '2026-11-26T12:00:00.000Z',
    ],
    ['at the opening itself', weekly, timezone, '2026-11-26T07:00:00Z', '2026-11-26T07:00:00.000Z', '2026-12-03T07:00:00.000Z', '2026-11-26T07:00:00.000Z'],
    ['at the close: closed (to is exclusive)', weekly, timezone, '2026-11-26T19:00:00Z', null, '2026-12-03T07:00:00.000Z', '2026-12-03T07:00:00.000Z'],
    ['before it on the day', weekly, timezone, '2026-11-26T06:00:00Z', null, '2026-11-26T07:00:00.000Z', '2026-11-26T07:00:00.000Z'],
    // New York, EST (UTC−5): Friday 22:00 is Saturday 03:00 UTC; the window closes Saturday 02:00 local.
    [
      'overnight, after midnight: opened the day before',
      fridayNights,
      'America/New_York',
      '2026-11-28T06:30:00Z',
      '2026-11-28T03:00:00.000Z',
      '2026-12-05T03:00:00.000Z',
      '2026-11-28T06:30:00.000Z',
    ],
    ['overnight, at its close', fridayNights, 'America/New_York', '2026-11-28T07:00:00Z', null, '2026-12-05T03:00:00.000Z', '2026-12-05T03:00:00.000Z'],
    [
      'two windows back to back are two openings',
      split,
      timezone,
      '2026-11-26T12:00:00Z',
      '2026-11-26T11:00:00.000Z',
      '2026-12-03T07:00:00.000Z',
      '2026-11-26T12:00:00.000Z',
    ],
    ['… the first of them', split, timezone, '2026-11-26T10:00:00Z', '2026-11-26T07:00:00.000Z', '2026-11-26T11:00:00.000Z', '2026-11-26T10:00:00.000Z'],
    // Belgrade springs forward on Sunday 2026-03-29: 08:00 CEST is 06:00 UTC.
    [
      'across DST',
      [{ days: ['sun'], from: '08:00', to: '09:00' }],
      timezone,
      '2026-03-29T06:30:00Z',
      '2026-03-29T06:00:00.000Z',
      '2026-04-05T06:00:00.000Z',
      '2026-03-29T06:30:00.000Z',
    ],
    ['no day at all: never', [{ days: [], from: '08:00', to: '09:00' }], timezone, '2026-11-26T12:00:00Z', null, 'Infinity', 'Infinity'],
  ]
  it.each(rows)('%s', (_what, windows, zone, time, at, after, next) => {
    expect(iso(openingAt(windows, zone, Date.parse(time)))).toBe(at)
    expect(iso(openingAfter(windows, zone, Date.parse(time)))).toBe(after)
    expect(iso(nextOpening(windows, zone, Date.parse(time)))).toBe(next)
  })

  it('the opening after an opening is the next one, not the same', () => {
    const opened = openingAt(weekly, timezone, at('2026-11-26T12:00:00Z'))!
    expect(iso(openingAfter(weekly, timezone, opened))).toBe('2026-12-03T07:00:00.000Z')
  })
})
