// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb'
import { createStore, get, set } from 'idb-keyval'
import { startJourneys, type EngineHooks } from './runtime.js'
import { createStorage } from '../storage/storage.js'
import { createJourneykit } from '../engine/create.js'
import type { Batch, Message } from '../delivery/envelope.js'
import type { Config } from '../config/types.js'

function stubCollector() {
  const batches: Batch[] = []
  vi.stubGlobal(
    'fetch',
    vi.fn(async (_url: string, init: RequestInit) => {
      batches.push(JSON.parse(String(init.body)))
      return new Response('{}', { status: 200 })
    }),
  )
  return { events: () => batches.flatMap((b) => b.batch) }
}

const hour = 3_600_000

const summary = (message: Message) =>
  message.event?.startsWith('journey_') || message.event?.startsWith('segment_')
    ? `${message.event}:${String(message.properties?.step ?? message.properties?.segment ?? message.properties?.reason ?? message.properties?.journey)}`
    : (message.event ?? message.type)

const config: Config = {
  version: 1,
  items: { reminder: { kind: 'focus', style: 'bar', title: 'Your cart misses you' } },
  segments: { pros: { if: { 'user.traits.plan': 'pro' } }, returning: { if: { 'visit.count': { $gte: 2 } } } },
  journeys: {
    rescue: {
      entry: { on: 'add_to_cart' },
      exit: [{ on: 'order_completed' }],
      steps: [
        { id: 'hello', track: 'rescue_started' },
        { id: 'pause', wait: '1h' },
        { id: 'remind', show: 'reminder' },
      ],
    },
    manual: { steps: [{ id: 'only', track: 'entered_by_code' }] },
  },
}

// Each runtime here is a visitor of its own: runtimes of earlier tests, still alive, must not
// hear this one's wake-up times (a BroadcastChannel reaches every one in the process).
beforeEach(() => vi.stubGlobal('BroadcastChannel', undefined))

afterEach(() => {
  vi.useRealTimers()
  document.body.innerHTML = ''
})

describe('journeys in the runtime', () => {
  it('enters on the trigger, reports each step, and waits', async () => {
    const collector = stubCollector()
    const seen: Message[] = []
    const jk = createJourneykit({ page: false, collector: 'https://collect.test/v1/batch', config })
    jk.on('*', (message) => seen.push(message))
    jk.track('add_to_cart')
    await jk.flush()
    expect(seen.map(summary)).toEqual(['add_to_cart', 'journey_entered:rescue', 'journey_step:hello', 'rescue_started'])
    expect(collector.events().find((e) => e.event === 'journey_step')?.properties).toEqual({ journey: 'rescue', run: 1, step: 'hello', action: 'track' })
  })

  it('a config with no journeys left ends the runs an earlier config stored (reason changed), once', async () => {
    vi.stubGlobal('indexedDB', new IDBFactory())
    vi.stubGlobal('IDBKeyRange', IDBKeyRange)
    stubCollector()
    const run = { run: 1, step: 'pause', enteredAt: 1, holdout: false, since: 1, until: Date.now() + hour }
    await set('jk:v1:journeys', { segments: [], journeys: { rescue: { runs: 1, goal: false, lastEntry: 1, run } } }, createStore('journeykit', 'state'))
    const seen: string[] = []
    const jk = createJourneykit({ page: false, collector: 'https://collect.test/v1/batch', config: { version: 1 } })
    jk.on('*', (message) => seen.push(summary(message)))
    await vi.waitFor(() => expect(seen).toEqual(['journey_exited:changed']), { timeout: 10_000 })
    await vi.waitFor(async () => expect((await get('jk:v1:journeys', createStore('journeykit', 'state'))).journeys.rescue.run).toBeUndefined(), {
      timeout: 10_000,
    })

    // The next page has nothing left to end.
    const next = createJourneykit({ page: false, collector: 'https://collect.test/v1/batch', config: { version: 1 } })
    next.on('*', (message) => seen.push(summary(message)))
    await next.flush()
    await next.flush()
    expect(seen).toEqual(['journey_exited:changed'])
  }, 30_000)

  it('enter(id) enters from code; an unknown id is a console.error', async () => {
    stubCollector()
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined)
    const seen: string[] = []
    const jk = createJourneykit({ page: false, collector: 'https://collect.test/v1/batch', config })
    jk.on('*', (message) => seen.push(summary(message)))
    jk.enter('manual')
    jk.enter('nope')
    await jk.flush()
    expect(seen).toEqual(['journey_entered:manual', 'journey_step:only', 'entered_by_code', 'journey_exited:completed'])
    expect(errors.mock.calls.flat().join(' ')).toMatch(/enter.*no journey "nope"/)
    errors.mockRestore()
  })

  it('announces segment changes, and every event carries the segments the visitor is in', async () => {
    const collector = stubCollector()
    const jk = createJourneykit({ page: false, collector: 'https://collect.test/v1/batch', config })
    jk.track('browse')
    jk.identify('u-1', { plan: 'pro' })
    jk.track('browse')
    await jk.flush()
    const events = collector.events()
    expect(events.find((e) => e.event === 'segment_entered')?.properties).toEqual({ segment: 'pros' })
    expect(events.find((e) => e.event === 'browse')?.context.journey?.segments).toEqual([])
    expect(events.filter((e) => e.event === 'browse')[1]?.context.journey?.segments).toEqual(['pros'])
  })

  it('a wait ends while the visitor is on the page: the next step shows its item', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] })
    stubCollector()
    const seen: string[] = []
    const jk = createJourneykit({ page: false, collector: 'https://collect.test/v1/batch', config })
    jk.on('*', (message) => seen.push(summary(message)))
    jk.track('add_to_cart')
    await jk.ready // the runtime's chunks load in real time, whatever the fake clock says
    await vi.advanceTimersByTimeAsync(10)
    expect(seen).not.toContain('journey_step:remind')
    await vi.advanceTimersByTimeAsync(3_600_000)
    expect(seen).toContain('journey_step:remind')
    // On the page before the test ends: a late mount would land in the next test's document.
    await vi.waitFor(() => expect(document.querySelector('[data-journeykit-item="reminder"]')).not.toBeNull())
  })

  it('an exit trigger ends the run; reset() ends what runs with reason reset', async () => {
    stubCollector()
    const seen: string[] = []
    const jk = createJourneykit({ page: false, collector: 'https://collect.test/v1/batch', config })
    jk.on('*', (message) => seen.push(summary(message)))
    jk.track('add_to_cart')
    jk.track('order_completed')
    await jk.flush()
    expect(seen).toContain('journey_exited:exit')
    seen.length = 0
    jk.enter('rescue') // reentry "never": a second run does not start
    jk.reset()
    await jk.flush()
    expect(seen.filter((s) => s.startsWith('journey_'))).toEqual([])
  })

  it('a push step without a subscription is skipped, and journey_step says so', async () => {
    const collector = stubCollector()
    const withPush: Config = { ...config, push: { vapidPublicKey: 'BKey' }, journeys: { ping: { steps: [{ id: 'nudge', push: { title: 'Come back' } }] } } }
    const jk = createJourneykit({ page: false, collector: 'https://collect.test/v1/batch', config: withPush })
    jk.enter('ping')
    await jk.flush()
    const events = collector.events()
    expect(events.find((e) => e.event === 'journey_step')?.properties).toEqual({
      journey: 'ping',
      run: 1,
      step: 'nudge',
      action: 'push',
      skipped: 'no-subscription',
    })
    expect(events.some((e) => e.event === 'push_requested')).toBe(false)
  })
})

describe('journeys and consent', () => {
  it('a denial forgets the runs on the page too: a wait that ends afterwards shows nothing', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] })
    stubCollector()
    const probed = { ...config, items: { ...config.items, probe: { kind: 'focus', style: 'bar', title: 'Probe' } } } satisfies Config
    const onPage = (item: string) => document.querySelector(`[data-journeykit-item="${item}"]`)
    const jk = createJourneykit({ page: false, collector: 'https://collect.test/v1/batch', config: probed })
    const seen: string[] = []
    jk.on('*', (message) => seen.push(summary(message)))
    jk.track('add_to_cart')
    await vi.waitFor(() => expect(seen).toContain('journey_step:hello'))
    jk.consent('denied')
    await vi.advanceTimersByTimeAsync(2 * 3_600_000)
    // Shown in line after the wake-up, through the same UI chunk: once it is there, a reminder would be too.
    jk.show('probe')
    await vi.waitFor(() => expect(onPage('probe')).not.toBeNull())
    expect(onPage('reminder')).toBeNull()
  })

  const hooks: EngineHooks = {
    facts: () => ({}),
    visitorId: () => 'v-1',
    track: async () => undefined,
    set: () => undefined,
    mayShow: () => true,
    show: async () => true,
    subscription: async () => null,
    push: async () => undefined,
  }
  const moment = { time: Date.parse('2026-11-23T09:00:00Z'), page: { url: 'https://shop.test/', path: '/', referrer: '', title: '', search: '' } }
  const stored = () => get('jk:v1:journeys', createStore('journeykit', 'state'))

  /** A runtime whose consent can be flipped, and what its steps tracked. */
  async function pendingJourneys(storage = createStorage(false)) {
    let pending = true
    const tracked: Array<[string, number]> = []
    const journeys = await startJourneys({
      config,
      storage,
      regex: () => undefined,
      hooks: { ...hooks, track: async (_by, event, _properties, at) => void tracked.push([event, at.time]) },
      tick: () => undefined,
      pending: () => pending,
    })
    const grant = async () => {
      pending = false
      storage.makeDurable()
      await journeys.adopt()
    }
    return { journeys, tracked, grant }
  }

  it('while consent is pending journeys wait; the grant steps what was held, at its own time', async () => {
    vi.stubGlobal('indexedDB', new IDBFactory())
    const { journeys, tracked, grant } = await pendingJourneys()
    await journeys.step('add_to_cart', moment, {})
    await journeys.regroup(moment)
    expect(tracked).toEqual([])
    expect(journeys.steps()).toEqual({ rescue: null, manual: null })
    expect(await stored()).toBeUndefined()
    await grant()
    expect(tracked).toEqual([
      ['journey_entered', moment.time],
      ['journey_step', moment.time],
      ['rescue_started', moment.time],
    ])
    expect((await stored())?.journeys.rescue.run).toMatchObject({ run: 1, step: 'pause', enteredAt: moment.time })
  })

  it('a returning visitor granted a moment after each page starts is not entered again', async () => {
    vi.stubGlobal('indexedDB', new IDBFactory())
    const run = { run: 1, step: 'pause', enteredAt: moment.time - 60_000, holdout: false, since: moment.time - 60_000, until: moment.time + 3_540_000 }
    await set(
      'jk:v1:journeys',
      { segments: [], journeys: { rescue: { runs: 1, goal: false, lastEntry: run.enteredAt, run } } },
      createStore('journeykit', 'state'),
    )
    for (let page = 0; page < 3; page++) {
      const { journeys, tracked, grant } = await pendingJourneys()
      await journeys.step('page_view', moment, {})
      await journeys.step('add_to_cart', moment, {})
      await grant()
      expect(tracked).toEqual([])
      expect(journeys.steps()).toEqual({ rescue: 'pause', manual: null })
    }
    expect((await stored())?.journeys.rescue).toMatchObject({ runs: 1, run: { step: 'pause' } })
  })

  it('a denial drops what was held', async () => {
    vi.stubGlobal('indexedDB', new IDBFactory())
    const { journeys, tracked, grant } = await pendingJourneys()
    await journeys.step('add_to_cart', moment, {})
    journeys.forget()
    await grant()
    expect(tracked).toEqual([])
    expect(await stored()).toBeUndefined()
  })

  it('what a step does survives a page that goes as it acts: the next page does it, under the same messageIds', async () => {
    vi.stubGlobal('indexedDB', new IDBFactory())
    const sent: Array<[string, string | undefined]> = []
    // The first page goes while it sends the step's own event: that send never finishes.
    const goes = await startJourneys({
      config,
      storage: createStorage(true),
      regex: () => undefined,
      hooks: {
        ...hooks,
        track: (_by, event, _properties, _at, id) => {
          sent.push([event, id])
          return event === 'journey_step' ? new Promise<void>(() => undefined) : Promise.resolve()
        },
      },
      tick: () => undefined,
      pending: () => false,
    })
    void goes.step('add_to_cart', moment, {})
    await vi.waitFor(() => expect(sent.map(([event]) => event)).toEqual(['journey_entered', 'journey_step']), { timeout: 10_000 })
    await vi.waitFor(async () => expect((await stored())?.journeys.rescue.run).toMatchObject({ step: 'pause' }), { timeout: 10_000 })

    const next: Array<[string, string | undefined, number]> = []
    const later = { ...moment, time: moment.time + 5_000 }
    const nextPage = await startJourneys({
      config,
      storage: createStorage(true),
      regex: () => undefined,
      hooks: { ...hooks, track: async (_by, event, _properties, at, id) => void next.push([event, id, at.time]) },
      tick: () => undefined,
      pending: () => false,
    })
    await nextPage.step('page_view', later, {})
    // Done again under the same ids (a collector drops the duplicate), at the step's own time.
    expect(next).toEqual([
      ['journey_entered', sent[0]![1], moment.time],
      ['journey_step', sent[1]![1], moment.time],
      ['rescue_started', expect.any(String), moment.time],
    ])
    expect(await stored()).not.toHaveProperty('owed')
    // Done once: a third page owes nothing.
    const third: string[] = []
    const thirdPage = await startJourneys({
      config,
      storage: createStorage(true),
      regex: () => undefined,
      hooks: { ...hooks, track: async (_by, event) => void third.push(event) },
      tick: () => undefined,
      pending: () => false,
    })
    await thirdPage.step('page_view', later, {})
    expect(third).toEqual([])
  }, 30_000)
})
