// @vitest-environment happy-dom
import { afterEach, describe, expect, expectTypeOf, it, vi } from 'vitest'
import type { ReadableAtom } from 'nanostores'
import type { ConsentState, Stage } from '../index.js'
import { $stage, $segments, $journeys, $consent } from '../stores.js'
import { publishRuntime } from './feed.js'
import type { Config } from '../config/types.js'
import type { ObservedRuntime, Snapshot } from '../api/types.js'

function stubCollector() {
  vi.stubGlobal(
    'fetch',
    vi.fn(async () => new Response('{}', { status: 200 })),
  )
}

const config: Config = {
  version: 1,
  stages: { purchase: { on: 'order_completed' } },
  segments: { pros: { if: { 'user.traits.plan': 'pro' } } },
  journeys: {
    rescue: {
      entry: { on: 'add_to_cart' },
      exit: [{ on: 'order_completed' }],
      steps: [
        { id: 'hello', track: 'rescue_started' },
        { id: 'pause', wait: '1h' },
        { id: 'after', track: 'rescue_done' },
      ],
    },
  },
}

/** Every value a store took, from now on. */
function record<T>(store: ReadableAtom<T>): T[] {
  const values: T[] = []
  store.listen((value) => void values.push(value as T))
  return values
}

const snapshot = (change: Partial<Snapshot> = {}): Snapshot => ({ stage: 'awareness', segments: [], journeys: {}, consent: 'granted', ...change })

/** A runtime as init()'s observer sees it, showing `shown`. */
const runtimeShowing = (shown: Snapshot): ObservedRuntime => ({
  visitor: { current: () => ({ stage: shown.stage }) },
  loaded: { journeys: { segments: () => shown.segments, steps: () => shown.journeys } },
  consent: { state: () => shown.consent },
})
const publishSnapshot = (shown: Snapshot) => publishRuntime(runtimeShowing(shown))

/** A page of its own (init() holds one runtime a page): init, and the stores it feeds. */
async function freshPage() {
  vi.resetModules()
  const [{ init }, stores] = await Promise.all([import('../index.js'), import('../stores.js')])
  return { init, ...stores }
}

afterEach(() => {
  document.body.innerHTML = ''
})

describe('the npm stores', () => {
  it('are read-only to apps in their types', () => {
    expectTypeOf($stage).toEqualTypeOf<ReadableAtom<Stage | undefined>>()
    expectTypeOf($segments).toEqualTypeOf<ReadableAtom<readonly string[]>>()
    expectTypeOf($journeys).toEqualTypeOf<ReadableAtom<Readonly<Record<string, string | null>>>>()
    expectTypeOf($consent).toEqualTypeOf<ReadableAtom<ConsentState | undefined>>()
    // @ts-expect-error the runtime writes them, apps read them
    expect(() => $stage.set).toBeDefined()
  })

  it('notify only the stores whose value changed, once per snapshot', () => {
    publishSnapshot(snapshot())
    const segments = record($segments)
    const journeys = record($journeys)
    const stages = record($stage)
    publishSnapshot(snapshot({ segments: [], journeys: {} })) // equal, though not the same objects
    publishSnapshot(snapshot({ segments: ['pros'], journeys: { rescue: 'pause' } }))
    publishSnapshot(snapshot({ segments: ['pros'], journeys: { rescue: 'pause' } }))
    publishSnapshot(snapshot({ segments: ['pros'], journeys: { rescue: null } }))
    expect(segments).toEqual([['pros']])
    expect(journeys).toEqual([{ rescue: 'pause' }, { rescue: null }])
    expect(stages).toEqual([])
  })

  it('a listener of two stores runs once when both change in one snapshot', () => {
    publishSnapshot(snapshot())
    let runs = 0
    const both = () => void runs++
    $stage.listen(both)
    $segments.listen(both)
    publishSnapshot(snapshot({ stage: 'purchase', segments: ['pros'] }))
    expect(runs).toBe(1)
  })

  it('imported after init() ran, they hold the latest state at once', async () => {
    vi.resetModules()
    const feed = await import('./feed.js')
    feed.publishRuntime(runtimeShowing(snapshot({ stage: 'retention', segments: ['pros'], journeys: { rescue: 'pause' }, consent: 'pending' })))
    const late = await import('./stores.js')
    expect([late.$stage.get(), late.$segments.get(), late.$journeys.get(), late.$consent.get()]).toEqual([
      'retention',
      ['pros'],
      { rescue: 'pause' },
      'pending',
    ])
    feed.publishRuntime(runtimeShowing(snapshot({ stage: 'advocacy' })))
    expect(late.$stage.get()).toBe('advocacy')
  })

  it("keep a copy: changing the runtime's array later changes no store", () => {
    const segments = ['pros']
    publishSnapshot(snapshot({ segments }))
    segments.push('later')
    expect($segments.get()).toEqual(['pros'])
  })
})

describe('init() keeps the stores up to date', () => {
  it('follows the stage, segments, journey steps and consent after every call', async () => {
    stubCollector()
    const { init, $stage, $segments, $journeys, $consent } = await freshPage()
    const jk = await init({ page: false, collector: 'https://collect.test/v1/batch', config, consent: 'pending' })
    expect($stage.get()).toBe('awareness')
    expect($segments.get()).toEqual([])
    expect($journeys.get()).toEqual({ rescue: null })
    expect($consent.get()).toBe('pending')

    // While consent is pending, journeys and segments wait (contract §8)…
    jk.identify('u-1', { plan: 'pro' })
    jk.track('add_to_cart')
    await jk.flush()
    expect([$segments.get(), $journeys.get()]).toEqual([[], { rescue: null }])

    // …and the grant steps what was held.
    jk.consent('granted')
    await jk.flush()
    expect($consent.get()).toBe('granted')
    expect($segments.get()).toEqual(['pros'])
    expect($journeys.get()).toEqual({ rescue: 'pause' })

    jk.track('order_completed') // the stages mapping moves the visitor on; the run exits
    await jk.flush()
    expect($stage.get()).toBe('purchase')
    expect($journeys.get()).toEqual({ rescue: null })

    jk.identify('u-1', { plan: 'free' })
    await jk.flush()
    expect($segments.get()).toEqual([])
  })

  it('a denial shows at once, before anything else settles; reset() starts over', async () => {
    stubCollector()
    const { init, $stage, $journeys, $consent } = await freshPage()
    const jk = await init({ page: false, collector: 'https://collect.test/v1/batch', config })
    jk.track('order_completed')
    jk.track('add_to_cart')
    await jk.flush()
    expect([$stage.get(), $journeys.get()]).toEqual(['purchase', { rescue: 'pause' }])
    jk.reset()
    await jk.flush()
    expect([$stage.get(), $journeys.get()]).toEqual(['awareness', { rescue: null }])
    jk.track('order_completed')
    jk.consent('denied') // the track above has not settled yet
    expect($consent.get()).toBe('denied')
    await jk.flush()
    expect($consent.get()).toBe('denied')
  })

  it('without segments or journeys in the config: both empty', async () => {
    stubCollector()
    const { init, $segments, $journeys, $consent } = await freshPage()
    await init({ collector: 'https://collect.test/v1/batch', config: { version: 1 } })
    expect($segments.get()).toEqual([])
    expect($journeys.get()).toEqual({})
    expect($consent.get()).toBe('granted')
  })

  it("an app's store listener that throws is reported, and the runtime carries on", async () => {
    stubCollector()
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined)
    const { init, $segments } = await freshPage()
    const jk = await init({ page: false, collector: 'https://collect.test/v1/batch', config })
    const seen: string[] = []
    jk.on('*', (message) => seen.push(message.event ?? message.type))
    const unlisten = $segments.listen(() => {
      throw new Error('app bug')
    })
    jk.identify('u-2', { plan: 'pro' })
    jk.track('after')
    await jk.flush()
    unlisten()
    expect(errors.mock.calls.map((c) => String(c[0]))).toContain('journeykit.stores: app bug')
    expect(seen).toEqual(['identify', 'segment_entered', 'after'])
  })
})
