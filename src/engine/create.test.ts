// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest'
import { createJourneykit } from './create.js'
import type { Batch } from '../delivery/envelope.js'
import type { Counts } from '../storage/visit.js'
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb'
import { createStorage } from '../storage/storage.js'

/** A collector stand-in for unit tests; the real wire is covered by the Playwright specs. */
function stubCollector(status = 200) {
  const batches: Batch[] = []
  const fetchMock = vi.fn(async (_url: string, init: RequestInit) => {
    batches.push(JSON.parse(String(init.body)))
    return new Response('{}', { status })
  })
  vi.stubGlobal('fetch', fetchMock)
  return { batches, fetchMock, events: () => batches.flatMap((b) => b.batch) }
}

/** A fresh IndexedDB for the tabs of one test (happy-dom has none). */
function useFakeIndexedDB() {
  vi.stubGlobal('indexedDB', new IDBFactory())
  vi.stubGlobal('IDBKeyRange', IDBKeyRange)
}

/** What the visitor's tabs stored. */
const storedCounts = () => createStorage(true).read<Counts>('jk:v1:counts')

afterEach(() => {
  document.body.innerHTML = ''
})

describe('createJourneykit', () => {
  it('runs calls made before ready in order, with the moment they were made', async () => {
    const collector = stubCollector()
    const jk = createJourneykit({ page: false, collector: 'https://collect.test/v1/batch', config: { version: 1 } })
    jk.track('one')
    jk.identify('u1', { plan: 'pro' })
    jk.track('two', { n: 2 })
    await jk.ready
    await jk.flush()
    const events = collector.events()
    expect(events.map((e) => e.event ?? e.type)).toEqual(['one', 'identify', 'two'])
    expect(events[2]).toMatchObject({ userId: 'u1', properties: { n: 2 } })
    expect(collector.fetchMock.mock.calls[0]![1]).toMatchObject({ method: 'POST', credentials: 'omit' })
  })

  it('replays queued calls with the page and time they were queued at', async () => {
    const collector = stubCollector()
    const moment = { page: { url: 'https://shop.test/old?x=1', path: '/old', referrer: '', title: 'Old' }, time: Date.parse('2026-11-20T10:00:00Z') }
    const jk = createJourneykit({ page: false, collector: 'https://collect.test/v1/batch' }, [{ call: ['track', 'queued', { a: 1 }], moment }])
    await jk.ready
    await jk.flush()
    expect(collector.events()[0]).toMatchObject({
      event: 'queued',
      timestamp: '2026-11-20T10:00:00.000Z',
      context: { page: { url: 'https://shop.test/old?x=1', path: '/old', title: 'Old' } },
    })
  })

  it('never throws into the page and names the call that was misused', async () => {
    stubCollector()
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined)
    const jk = createJourneykit({ page: false, collector: 'https://collect.test/v1/batch' })
    const misuse = [
      () => jk.track(undefined as never),
      () => jk.page('x' as never),
      () => jk.identify('' as never),
      () => jk.consent('later' as never),
      () => jk.on('x', null as never),
      () => jk.push({} as never),
      () => jk.push(['explode']),
    ]
    for (const call of misuse) expect(call).not.toThrow()
    const text = errors.mock.calls.map((c) => String(c[0]))
    expect(text.map((t) => t.split(':')[0])).toEqual([
      'journeykit.track',
      'journeykit.page',
      'journeykit.identify',
      'journeykit.consent',
      'journeykit.on',
      'journeykit.push',
      'journeykit.push',
    ])
    await jk.ready
  })

  it('keeps calling the other handlers when one throws', async () => {
    stubCollector()
    vi.spyOn(console, 'error').mockImplementation(() => undefined)
    const jk = createJourneykit({ page: false, collector: 'https://collect.test/v1/batch' })
    const seen: string[] = []
    jk.on('signup', () => {
      throw new Error('host bug')
    })
    const off = jk.on('signup', (message) => seen.push(message.event!))
    jk.on('*', (message) => seen.push(`*${message.event}`))
    jk.track('signup')
    await jk.ready
    off()
    jk.track('signup')
    await jk.flush()
    expect(seen).toEqual(['signup', '*signup', '*signup'])
  })

  it('refuses an event over 32 KB at track()', async () => {
    const collector = stubCollector()
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined)
    const jk = createJourneykit({ page: false, collector: 'https://collect.test/v1/batch' })
    await jk.ready
    jk.track('huge', { blob: 'x'.repeat(33 * 1024) })
    jk.track('small')
    await jk.flush()
    expect(collector.events().map((e) => e.event)).toEqual(['small'])
    expect(errors.mock.calls.some((c) => String(c[0]).includes('over 32 KB'))).toBe(true)
  })

  it('holds everything while consent is pending and sends it, in order, once granted', async () => {
    const collector = stubCollector()
    const jk = createJourneykit({ page: false, collector: 'https://collect.test/v1/batch', consent: 'pending' })
    await jk.ready
    jk.track('a')
    jk.track('b')
    await jk.flush()
    expect(collector.fetchMock).not.toHaveBeenCalled()
    jk.consent('granted')
    await jk.flush()
    expect(collector.events().map((e) => e.event)).toEqual(['a', 'b'])
  })

  it('sends nothing more after a denial that follows a grant, not even what was waiting to go', async () => {
    const collector = stubCollector()
    const jk = createJourneykit({ page: false, collector: 'https://collect.test/v1/batch' })
    await jk.ready
    jk.track('sent_before')
    await jk.flush()
    jk.track('waiting')
    jk.consent('denied')
    jk.track('after')
    await jk.flush()
    expect(collector.events().map((e) => e.event)).toEqual(['sent_before'])
  })

  it('a denial queued before the runtime loaded sends nothing, not even the page view of this load', async () => {
    const collector = stubCollector()
    const moment = { page: { url: location.href, path: '/', referrer: '', title: '' }, time: Date.now() }
    const jk = createJourneykit({ collector: 'https://collect.test/v1/batch', config: { version: 1 } }, [
      { call: ['track', 'queued_first'], moment },
      { call: ['consent', 'denied'], moment },
    ])
    await jk.ready
    jk.track('later')
    await jk.flush()
    expect(collector.fetchMock).not.toHaveBeenCalled()
  })

  it('a denial right after a grant wins, even while the grant waits its turn', async () => {
    const collector = stubCollector()
    const jk = createJourneykit({ page: false, collector: 'https://collect.test/v1/batch', consent: 'pending' })
    jk.track('held')
    jk.consent('granted')
    jk.consent('denied')
    jk.track('after')
    await jk.ready
    await jk.flush()
    expect(collector.fetchMock).not.toHaveBeenCalled()
  })

  it('a grant whose consent chunk cannot load is kept: a page going away carries what it held', async () => {
    stubCollector()
    vi.spyOn(console, 'error').mockImplementation(() => undefined)
    vi.doMock('../chunks/consent.js', () => {
      throw new Error('offline')
    })
    try {
      localStorage.removeItem('jk:v1:carried')
      const jk = createJourneykit({ page: false, collector: 'https://collect.test/v1/batch', consent: 'pending' })
      await jk.ready
      jk.track('held')
      jk.consent('granted')
      await jk.flush()
      window.dispatchEvent(Object.assign(new Event('pagehide'), { persisted: false }))
      const carried = JSON.parse(localStorage.getItem('jk:v1:carried') ?? '[]') as Array<{ message: { event?: string }; identified: boolean }>
      expect(carried.filter((c) => c.message.event === 'held')).toEqual([expect.objectContaining({ identified: false })])
    } finally {
      vi.doUnmock('../chunks/consent.js')
      localStorage.removeItem('jk:v1:carried') // not for the next test's runtime to send
    }
  })

  it('an unknown consent option is a console.error and counts as pending', async () => {
    const collector = stubCollector()
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined)
    const jk = createJourneykit({ page: false, collector: 'https://collect.test/v1/batch', consent: 'yes' as never })
    await jk.ready
    jk.track('held')
    await jk.flush()
    expect(collector.fetchMock).not.toHaveBeenCalled()
    expect(errors.mock.calls.map((c) => String(c[0]))).toContain('journeykit.consent: expected "pending" or "granted", got "yes": treated as pending')
    jk.consent('granted')
    await jk.flush()
    expect(collector.events().map((e) => e.event)).toEqual(['held'])
  })

  it('sends the messages an earlier page carried as they are, and runs nothing for them', async () => {
    const collector = stubCollector()
    const carried = {
      message: {
        type: 'track',
        event: 'signup',
        properties: { plan: 'pro' },
        messageId: 'carried-1',
        anonymousId: 'a-1',
        userId: null,
        timestamp: '2026-11-30T09:00:00.000Z',
        context: { page: { url: 'https://shop.test/old', path: '/old', referrer: '', title: 'Old' }, library: { name: 'journeykit', version: '0' } },
      },
      identified: true,
    }
    localStorage.setItem('jk:v1:carried', JSON.stringify([carried]))
    const jk = createJourneykit({
      page: false,
      collector: 'https://collect.test/v1/batch',
      config: { version: 1, rules: [{ id: 'on-signup', on: 'signup', track: 'rule_ran' }] },
    })
    const heard: string[] = []
    jk.on('*', (message) => heard.push(message.messageId))
    await jk.ready
    await jk.flush()
    expect(collector.events()).toEqual([carried.message])
    expect(heard).toEqual([])
    expect(localStorage.getItem('jk:v1:carried')).toBeNull()
  })

  it('a tracked call an earlier page made but never ran counts and steps journeys here, once; no rule runs for it', async () => {
    const collector = stubCollector()
    const made = Date.parse('2026-11-30T09:00:00.000Z')
    const carried = {
      message: {
        type: 'track',
        event: 'add_to_cart',
        properties: { sku: 'boot' },
        messageId: 'carried-2',
        anonymousId: 'a-1',
        userId: null,
        timestamp: new Date(made).toISOString(),
        context: { page: { url: 'https://shop.test/product', path: '/product', referrer: '', title: 'Boot' }, library: { name: 'journeykit', version: '0' } },
      },
      identified: true,
      apply: true,
    }
    localStorage.setItem('jk:v1:carried', JSON.stringify([carried]))
    const config = {
      version: 1 as const,
      stages: { consideration: { on: 'add_to_cart' } },
      rules: [{ id: 'on-cart', on: 'add_to_cart', track: 'rule_ran' }],
      journeys: { rescue: { entry: { on: 'add_to_cart' }, steps: [{ id: 'hello', track: 'rescue_started' }] } },
    }
    const jk = createJourneykit({ page: false, collector: 'https://collect.test/v1/batch', config })
    await jk.ready
    await jk.flush()
    await jk.flush()
    const events = collector.events()
    expect(events.map((e) => e.event)).toEqual(['add_to_cart', 'stage_changed', 'journey_entered', 'journey_step', 'rescue_started', 'journey_exited'])
    expect(events[0]).toMatchObject({ messageId: 'carried-2', timestamp: carried.message.timestamp, context: { page: { path: '/product' } } })
    expect(events.find((e) => e.event === 'journey_entered')?.timestamp).toBe(carried.message.timestamp)
    expect(localStorage.getItem('jk:v1:carried')).toBeNull()

    // The next page takes nothing again.
    const next = createJourneykit({ page: false, collector: 'https://collect.test/v1/batch', config })
    await next.ready
    await next.flush()
    await next.flush()
    expect(collector.events()).toHaveLength(events.length)
  })

  it('moves the stage forward from the stages mapping, never backwards, and reports it', async () => {
    const collector = stubCollector()
    const jk = createJourneykit({
      page: false,
      collector: 'https://collect.test/v1/batch',
      config: { version: 1, stages: { purchase: { on: 'order_completed' }, consideration: { on: 'product_viewed' } } },
    })
    await jk.ready
    jk.track('order_completed')
    jk.track('product_viewed')
    await jk.flush()
    const events = collector.events()
    expect(events.map((e) => e.event)).toEqual(['order_completed', 'stage_changed', 'product_viewed'])
    expect(events[1]!.properties).toEqual({ from: 'awareness', to: 'purchase', rule: null })
    expect(events[2]!.context.journey).toEqual({ stage: 'purchase', visit: 0 })
  })

  it('keeps a new anonymous id after reset()', async () => {
    const collector = stubCollector()
    const jk = createJourneykit({ page: false, collector: 'https://collect.test/v1/batch' })
    await jk.ready
    jk.identify('u1')
    jk.track('before')
    jk.reset()
    jk.track('after')
    await jk.flush()
    const [, before, after] = collector.events()
    expect(before!.userId).toBe('u1')
    expect(after!.userId).toBeNull()
    expect(after!.anonymousId).not.toBe(before!.anonymousId)
  })

  it('treats Global Privacy Control as consent denied unless the config opts out', async () => {
    Object.defineProperty(navigator, 'globalPrivacyControl', { value: true, configurable: true })
    try {
      const collector = stubCollector()
      const jk = createJourneykit({ page: false, collector: 'https://collect.test/v1/batch', config: { version: 1 } })
      await jk.ready
      jk.track('a')
      await jk.flush()
      expect(collector.fetchMock).not.toHaveBeenCalled()
      const optedOut = createJourneykit({ page: false, collector: 'https://collect.test/v1/batch', config: { version: 1, privacy: { respectGPC: false } } })
      await optedOut.ready
      optedOut.track('b')
      await optedOut.flush()
      expect(collector.events().map((e) => e.event)).toEqual(['b'])
    } finally {
      delete (navigator as { globalPrivacyControl?: boolean }).globalPrivacyControl
    }
  })

  it('records the page view of this load first, starting visit 1, then the queued calls', async () => {
    const collector = stubCollector()
    history.replaceState(null, '', '/shop/?utm_source=news&utm_campaign=fall')
    const moment = { page: { url: location.href, path: '/shop/', referrer: '', title: '' }, time: Date.now() }
    const jk = createJourneykit({ collector: 'https://collect.test/v1/batch' }, [{ call: ['track', 'queued'], moment }], moment.time - 5)
    await jk.ready
    await jk.flush()
    const events = collector.events()
    expect(events.map((e) => e.event ?? e.type)).toEqual(['visit_start', 'page', 'queued'])
    expect(events[0]!.properties).toEqual({ visit: 1, referrer: '', utm_source: 'news', utm_campaign: 'fall' })
    expect(events.every((e) => e.context.journey?.visit === 1)).toBe(true)
    expect(Date.parse(events[1]!.timestamp)).toBe(moment.time - 5)
  })

  it('counts an SPA navigation as one page view and runs page rules with the new facts', async () => {
    const collector = stubCollector()
    history.replaceState(null, '', '/home')
    const jk = createJourneykit({
      collector: 'https://collect.test/v1/batch',
      config: { version: 1, rules: [{ id: 'second-view', on: 'page_view', if: { 'page.path': '/cart', 'visit.pageviews': 2 }, track: 'cart_on_second_view' }] },
    })
    // Runtimes of earlier tests still watch this window's history: only this runtime's events count.
    const own = new Set<string>()
    jk.on('*', (message) => own.add(message.messageId))
    await jk.ready
    history.pushState(null, '', '/cart')
    history.replaceState(null, '', '/cart') // same URL: not a new page
    await jk.flush()
    const names = collector
      .events()
      .filter((e) => own.has(e.messageId))
      .map((e) => e.event ?? `${e.type}:${e.context.page?.path}`)
    expect(names).toEqual(['visit_start', 'page:/home', 'page:/cart', 'cart_on_second_view'])
  })

  it('counts every event the page sends and each page view once, once across tabs', async () => {
    stubCollector()
    useFakeIndexedDB()
    history.replaceState(null, '', '/home')
    const tabA = createJourneykit({ collector: 'https://collect.test/v1/batch', config: { version: 1 } })
    tabA.track('add_to_cart')
    await tabA.ready
    history.pushState(null, '', '/cart')
    tabA.track('add_to_cart')
    await tabA.flush()
    const tabB = createJourneykit({ page: false, collector: 'https://collect.test/v1/batch', config: { version: 1 } })
    await tabB.ready
    tabB.track('add_to_cart')
    await tabB.flush()
    const events = (await storedCounts())?.events ?? {}
    expect(Object.fromEntries(Object.entries(events).map(([name, tally]) => [name, tally.total]))).toMatchObject({
      page_view: 2,
      visit_start: 1,
      add_to_cart: 3,
    })
  })

  it('never counts a message carried from an earlier page again', async () => {
    const collector = stubCollector()
    useFakeIndexedDB()
    const carried = {
      message: {
        type: 'track',
        event: 'add_to_cart',
        properties: {},
        messageId: 'carried-2',
        anonymousId: 'a-1',
        userId: null,
        timestamp: new Date().toISOString(), // the outbox keeps 7 days
        context: { page: { url: 'https://shop.test/old', path: '/old', referrer: '', title: 'Old' }, library: { name: 'journeykit', version: '0' } },
      },
      identified: true,
    }
    localStorage.setItem('jk:v1:carried', JSON.stringify([carried]))
    const jk = createJourneykit({ page: false, collector: 'https://collect.test/v1/batch', config: { version: 1 } })
    await jk.ready
    await jk.flush()
    jk.track('add_to_cart')
    await jk.flush()
    expect(collector.events().map((e) => e.messageId === 'carried-2' || e.event)).toEqual([true, 'add_to_cart'])
    expect((await storedCounts())?.events?.add_to_cart?.total).toBe(1)
  })
})
