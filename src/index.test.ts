import { describe, expect, expectTypeOf, it } from 'vitest'
import * as entry from './index.js'
import { init, type JourneyKit, type JourneyKitHandle, type Config, type Message } from './index.js'
import { validateConfig } from './validate.js'
import { explainJourney, explainRules } from './explain.js'

describe('the npm entry', () => {
  it('exports init, typed, the stores and the 0.1.0 tools', () => {
    expectTypeOf<{ config: Config }>().toMatchTypeOf<Parameters<typeof init>[0]>()
    expectTypeOf<{ config: string; consent: 'pending' }>().toMatchTypeOf<Parameters<typeof init>[0]>()
    // A handle at once, and `await init(…)` gives the runtime as before.
    expectTypeOf(init).returns.toEqualTypeOf<JourneyKitHandle>()
    expectTypeOf(init).returns.toMatchTypeOf<JourneyKit>()
    expectTypeOf<Awaited<ReturnType<typeof init>>>().toEqualTypeOf<JourneyKit>()
    expectTypeOf<JourneyKit['on']>().returns.toEqualTypeOf<() => void>()
    expectTypeOf<JourneyKit['flush']>().returns.toEqualTypeOf<Promise<void>>()
    expectTypeOf<Message['type']>().toEqualTypeOf<'page' | 'track' | 'identify'>()
    // @ts-expect-error consent takes 'granted' or 'denied' only
    expectTypeOf<JourneyKit['consent']>().toBeCallableWith('maybe')
    expect(typeof init).toBe('function')
    // The tools stay exported as in 0.1.0; an app importing init alone does not get them
    // (examples/e2e/npm.spec.ts bundles one and looks).
    expect(Object.keys(entry).sort()).toEqual(['explainRules', 'init', 'validateConfig'])
    expect(entry.validateConfig).toBe(validateConfig)
    expect(entry.explainRules).toBe(explainRules)
  })

  it('journeykit/stores exports the stores, readable without a browser before init() runs', async () => {
    const stores = await import('./stores.js')
    expect(Object.keys(stores).sort()).toEqual(['$consent', '$journeys', '$segments', '$stage'])
    expect(stores.$stage.get()).toBeUndefined()
    expect(stores.$segments.get()).toEqual([])
    expect(stores.$journeys.get()).toEqual({})
    expect(stores.$consent.get()).toBeUndefined()
  })

  it('journeykit/validate validates a config without a browser', () => {
    expect(validateConfig({ version: 1 }).problems).toEqual([])
  })

  it('journeykit/explain explains rules without a browser', () => {
    const config: Config = { version: 1, rules: [{ id: 'seen', on: 'page_view', track: 'seen' }] }
    expect(explainRules(config, 'page_view', {}, 0)).toEqual([{ rule: 'seen', fires: true, action: 'track seen' }])
  })

  it('journeykit/explain walks a journey without a browser', () => {
    const config: Config = { version: 1, journeys: { hello: { entry: { on: 'page_view' }, steps: [{ id: 'greet', track: 'greeted' }] } } }
    const { where } = explainJourney(config, 'hello', { timeline: [{ at: '2026-12-01T10:00:00Z', event: 'page_view' }] })
    expect(where).toBe('not in the journey: run 1 ended (completed)')
  })
})
