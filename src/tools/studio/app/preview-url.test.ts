import { describe, expect, it } from 'vitest'
import { previewTarget } from '../../../preview/target.js'
import { previewUrl } from './preview-url.js'

describe('previewUrl', () => {
  it.each([
    ['http://localhost:8080', 'cart-rescue', 'http://localhost:8080/?journeykit_preview=journey%3Acart-rescue'],
    ['https://shop.example/cart?lang=en#top', 'welcome-series', 'https://shop.example/cart?lang=en&journeykit_preview=journey%3Awelcome-series#top'],
    ['https://shop.example/?journeykit_preview=old', 'a b', 'https://shop.example/?journeykit_preview=journey%3Aa+b'],
  ])('%s, %s → %s', (site, id, expected) => {
    expect(previewUrl(site, id)).toBe(expected)
  })
  it('is read back by the preview as the journey', () => {
    const config = {
      version: 1 as const,
      items: { x: { kind: 'focus' as const, title: 'X' } },
      journeys: { 'cart-rescue': { steps: [{ id: 's', show: 'x' }] } },
    }
    expect(previewTarget(new URL(previewUrl('https://shop.example/', 'cart-rescue')).search, config as never)).toEqual({
      journey: 'cart-rescue',
      stops: [{ item: 'x', step: 's' }],
    })
  })
})
