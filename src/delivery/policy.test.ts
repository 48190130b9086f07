import { describe, expect, it } from 'vitest'
import { backoffMs, retryAfterMs, verdictOf } from './policy.js'

describe('verdictOf (contract §7)', () => {
  it.each([
    [200, 'sent'],
    [204, 'sent'],
    [400, 'split'],
    [413, 'split'],
    [401, 'slow'],
    [403, 'slow'],
    [404, 'slow'],
    [408, 'retry'],
    [429, 'retry'],
    [500, 'retry'],
    [503, 'retry'],
    [0, 'retry'],
  ])('%i → %s', (status, verdict) => expect(verdictOf(status)).toBe(verdict))
})

describe('backoffMs', () => {
  it('doubles from 1 s to 5 min, jittered within the upper half', () => {
    const top = [1, 2, 3, 4, 9, 10, 20].map((failures) => backoffMs(failures, 'retry', null, 1))
    expect(top).toEqual([1000, 2000, 4000, 8000, 256_000, 300_000, 300_000])
    expect(backoffMs(3, 'retry', null, 0)).toBe(2000)
  })
  it('retries slowly (5 min) after 401/403/404', () => expect(backoffMs(1, 'slow', null, 1)).toBe(300_000))
  it('honours a longer Retry-After', () => {
    expect(backoffMs(1, 'retry', '30', 1)).toBe(30_000)
    expect(backoffMs(5, 'retry', '1', 1)).toBe(16_000)
  })
})

describe('retryAfterMs', () => {
  const now = Date.parse('2026-11-24T10:00:00Z')
  it.each([
    ['120', 120_000],
    ['Tue, 24 Nov 2026 10:00:30 GMT', 30_000],
    ['Tue, 24 Nov 2026 09:00:00 GMT', 0],
    ['999999999', 86_400_000],
    ['soon', null],
    [null, null],
  ])('%s → %s', (header, ms) => expect(retryAfterMs(header, now)).toBe(ms))
})
