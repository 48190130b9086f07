import { describe, expect, it } from 'vitest'
import { pickVariant } from './variants.js'
import { uuid } from '../lib/uuid.js'

const variants = [
  { weight: 50, show: 'a' },
  { weight: 30, show: 'b' },
  { weight: 20, show: 'c' },
]

describe('pickVariant', () => {
  it('is sticky: the same visitor and rule always get the same variant', () => {
    const visitor = uuid()
    const first = pickVariant(variants, visitor, 'rule-1').index
    for (let i = 0; i < 20; i++) expect(pickVariant(variants, visitor, 'rule-1').index).toBe(first)
  })

  it('follows the weights within ±2% over 10,000 simulated visitors', () => {
    const counts = [0, 0, 0]
    for (let i = 0; i < 10_000; i++) counts[pickVariant(variants, uuid(), 'exit-offer').index]!++
    expect(Math.abs(counts[0]! / 10_000 - 0.5)).toBeLessThan(0.02)
    expect(Math.abs(counts[1]! / 10_000 - 0.3)).toBeLessThan(0.02)
    expect(Math.abs(counts[2]! / 10_000 - 0.2)).toBeLessThan(0.02)
  })

  it('assigns independently per rule', () => {
    let differs = 0
    for (let i = 0; i < 200; i++) {
      const visitor = uuid()
      if (pickVariant(variants, visitor, 'r1').index !== pickVariant(variants, visitor, 'r2').index) differs++
    }
    expect(differs).toBeGreaterThan(50)
  })
})
