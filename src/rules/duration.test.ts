import { describe, expect, it } from 'vitest'
import { parseDuration } from './duration.js'

describe('parseDuration', () => {
  it.each([
    ['3s', 3000],
    ['250ms', 250],
    ['1.5m', 90_000],
    ['1h', 3_600_000],
    ['7d', 604_800_000],
    ['2w', 1_209_600_000],
  ])('%s is %i ms', (text, ms) => expect(parseDuration(text)).toBe(ms))

  it.each(['', '7', 'd', '-1s', '1 day', '1y', 7])('%s is not a duration', (value) => expect(parseDuration(value)).toBeNull())
})
