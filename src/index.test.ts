import { describe, expect, expectTypeOf, it } from 'vitest'
import { init, validateConfig, type JourneyKit, type Config, type Message } from './index.js'

describe('the npm entry', () => {
  it('exports init and validateConfig, typed', () => {
    expectTypeOf<{ config: Config }>().toMatchTypeOf<Parameters<typeof init>[0]>()
    expectTypeOf<{ config: string; consent: 'pending' }>().toMatchTypeOf<Parameters<typeof init>[0]>()
    expectTypeOf(init).returns.resolves.toEqualTypeOf<JourneyKit>()
    expectTypeOf<JourneyKit['on']>().returns.toEqualTypeOf<() => void>()
    expectTypeOf<JourneyKit['flush']>().returns.toEqualTypeOf<Promise<void>>()
    expectTypeOf<Message['type']>().toEqualTypeOf<'page' | 'track' | 'identify'>()
    // @ts-expect-error consent takes 'granted' or 'denied' only
    expectTypeOf<JourneyKit['consent']>().toBeCallableWith('maybe')
    expect(typeof init).toBe('function')
  })

  it('validates a config without a browser', () => {
    expect(validateConfig({ version: 1 }).problems).toEqual([])
  })
})
