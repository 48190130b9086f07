import { describe, expect, it } from 'vitest'
import { isCapped } from './frequency.js'

const day = 86_400_000
const now = Date.parse('2026-11-24T12:00:00Z')

describe('isCapped', () => {
  it('once: never again after the first time', () => {
    expect(isCapped('once', [], now, now)).toBe(false)
    expect(isCapped('once', [now - 400 * day], now, now)).toBe(true)
  })
  it('session: once per visit', () => {
    const visitStart = now - 60_000
    expect(isCapped('session', [visitStart - 1], now, visitStart)).toBe(false)
    expect(isCapped('session', [visitStart + 1], now, visitStart)).toBe(true)
  })
  it('{ limit, per }: at most limit times in any window of per', () => {
    const weekly = { limit: 1, per: '7d' }
    expect(isCapped(weekly, [now - 7 * day], now, now)).toBe(false)
    expect(isCapped(weekly, [now - 7 * day + 1], now, now)).toBe(true)
    const twiceADay = { limit: 2, per: '1d' }
    expect(isCapped(twiceADay, [now - 2 * day, now - 3600_000], now, now)).toBe(false)
    expect(isCapped(twiceADay, [now - 7200_000, now - 3600_000], now, now)).toBe(true)
  })
  it('no frequency: never capped', () => expect(isCapped(undefined, [now, now, now], now, now)).toBe(false))
})
