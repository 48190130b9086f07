import { describe, expect, it } from 'vitest'
// @ts-expect-error a plain .mjs example
import { latestSubscriptions } from './send.mjs'

describe('latestSubscriptions', () => {
  it('keeps the latest subscription of each visitor and skips torn lines', () => {
    const line = (who: string, endpoint: string, userId: string | null = null) =>
      JSON.stringify({ type: 'track', event: 'push_subscribed', anonymousId: who, userId, properties: { subscription: { endpoint, keys: {} } } })
    const file = [line('a', 'https://push/1'), line('b', 'https://push/2'), '{"torn', line('a', 'https://push/3'), JSON.stringify({ event: 'page' })].join('\n')
    expect(latestSubscriptions(file).map((s: { endpoint: string }) => s.endpoint)).toEqual(['https://push/3', 'https://push/2'])
  })
})
