// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest'
import { createJourneykit } from './create.js'
import type { Batch } from '../delivery/envelope.js'
import type { Config } from '../config/types.js'

function stubCollector() {
  const batches: Batch[] = []
  vi.stubGlobal(
    'fetch',
    vi.fn(async (_url: string, init: RequestInit) => {
      batches.push(JSON.parse(String(init.body)))
      return new Response('{}')
    }),
  )
  return { events: () => batches.flatMap((b) => b.batch), names: () => batches.flatMap((b) => b.batch).map((e) => e.event ?? e.type) }
}

async function start(config: Omit<Config, 'version'>) {
  const collector = stubCollector()
  const jk = createJourneykit({ collector: 'https://collect.test/v1/batch', config: { version: 1, ...config } })
  await jk.ready
  return { jk, collector }
}

afterEach(() => {
  vi.useRealTimers()
  document.body.innerHTML = ''
})

describe('pacing', () => {
  it('frequency "once" acts once, however often the trigger fires', async () => {
    const { jk, collector } = await start({ rules: [{ id: 'r', on: 'signup', track: 'welcome', frequency: 'once' }] })
    for (let i = 0; i < 3; i++) jk.track('signup')
    await jk.flush()
    expect(collector.names().filter((n) => n === 'welcome')).toHaveLength(1)
  })

  it('{ limit: 2, per: "1h" } allows two in any hour', async () => {
    vi.useFakeTimers({ toFake: ['Date'] })
    vi.setSystemTime(Date.parse('2026-11-24T10:00:00Z'))
    const { jk, collector } = await start({ rules: [{ id: 'r', on: 'ping', track: 'pong', frequency: { limit: 2, per: '1h' } }] })
    for (let i = 0; i < 3; i++) jk.track('ping')
    await jk.flush()
    expect(collector.names().filter((n) => n === 'pong')).toHaveLength(2)
    vi.setSystemTime(Date.parse('2026-11-24T11:00:01Z'))
    jk.track('ping')
    jk.track('ping')
    await jk.flush()
    expect(collector.names().filter((n) => n === 'pong')).toHaveLength(4)
  })

  it('a schedule gates the rule on the wall clock of its zone', async () => {
    vi.useFakeTimers({ toFake: ['Date'] })
    vi.setSystemTime(Date.parse('2026-11-26T06:30:00Z')) // Thursday 07:30 in Belgrade
    const { jk, collector } = await start({
      rules: [{ id: 'r', on: 'ping', track: 'thursday', schedule: { weekly: [{ days: ['thu'], from: '08:00', to: '20:00' }], timezone: 'Europe/Belgrade' } }],
    })
    jk.track('ping')
    await jk.flush()
    vi.setSystemTime(Date.parse('2026-11-26T07:30:00Z')) // 08:30
    jk.track('ping')
    await jk.flush()
    expect(collector.names().filter((n) => n === 'thursday')).toHaveLength(1)
  })

  it('a delay is cancelled when the visitor moves to another page', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
    const { jk, collector } = await start({ rules: [{ id: 'r', on: 'page_view', if: { 'page.path': '/wait' }, track: 'waited', delay: '3s' }] })
    history.pushState(null, '', '/wait')
    await jk.flush()
    await vi.advanceTimersByTimeAsync(2000)
    history.pushState(null, '', '/elsewhere') // leaves before the 3 s
    await jk.flush()
    await vi.advanceTimersByTimeAsync(5000)
    history.pushState(null, '', '/wait')
    await jk.flush()
    await vi.advanceTimersByTimeAsync(3000)
    await jk.flush()
    expect(collector.names().filter((n) => n === 'waited')).toHaveLength(1)
  })

  it('reports the sticky variant on item_shown and exposes it as a fact', async () => {
    const { jk, collector } = await start({
      items: { a: { kind: 'focus', style: 'bar', title: 'A' }, b: { kind: 'focus', style: 'bar', title: 'B' } },
      rules: [
        {
          id: 'ab',
          on: 'go',
          variants: [
            { id: 'left', weight: 1, show: 'a' },
            { id: 'right', weight: 1, show: 'b' },
          ],
        },
        { id: 'which', on: 'go', if: { 'variant.ab': { $in: ['left', 'right'] } }, track: 'variant_known' },
      ],
    })
    jk.track('go')
    await vi.waitFor(async () => {
      await jk.flush()
      expect(collector.names()).toContain('item_shown')
    })
    const shown = collector.events().find((e) => e.event === 'item_shown')!
    expect(['left', 'right']).toContain(shown.properties!.variant)
    expect(shown.properties!.item).toBe(shown.properties!.variant === 'left' ? 'a' : 'b')
    expect(collector.names()).toContain('variant_known')
  })

  it('limits how many items rules show per page view, highest priority first', async () => {
    const { jk, collector } = await start({
      limits: { perPage: 1 },
      items: { low: { kind: 'focus', style: 'bar', title: 'Low' }, high: { kind: 'focus', style: 'slidein', title: 'High' } },
      rules: [
        { id: 'low', on: 'go', show: 'low', priority: 1 },
        { id: 'high', on: 'go', show: 'high', priority: 5 },
      ],
    })
    jk.track('go')
    await vi.waitFor(async () => {
      await jk.flush()
      expect(collector.names()).toContain('item_shown')
    })
    expect(
      collector
        .events()
        .filter((e) => e.event === 'item_shown')
        .map((e) => e.properties!.item),
    ).toEqual(['high'])
    expect(document.querySelectorAll('[data-journeykit-item]')).toHaveLength(1)
  })

  it('counts what the visitor did with items as item.<id>.* facts', async () => {
    const { jk, collector } = await start({
      items: { bar: { kind: 'focus', style: 'bar', title: 'Hi' } },
      rules: [
        { id: 'show', on: 'go', show: 'bar' },
        { id: 'seen-before', on: 'check', if: { 'item.bar.shown': 1, 'item.bar.dismissed': 1 }, track: 'seen_and_closed' },
      ],
    })
    jk.track('go')
    await vi.waitFor(() => expect(document.querySelector('[data-journeykit-item="bar"]')).not.toBeNull())
    const close = document.querySelector('[data-journeykit-item="bar"]')!.shadowRoot!.querySelector('button.close') as HTMLButtonElement
    close.click()
    jk.track('check')
    await jk.flush()
    expect(collector.names()).toContain('seen_and_closed')
  })

  it('a rule set may move the stage backwards; the stages mapping only forwards', async () => {
    const { jk, collector } = await start({
      stages: { retention: { on: 'repeat_order' } },
      rules: [{ id: 'lapsed', on: 'lapsed', set: { stage: 'consideration' } }],
    })
    jk.track('repeat_order')
    jk.track('lapsed')
    await jk.flush()
    const changes = collector
      .events()
      .filter((e) => e.event === 'stage_changed')
      .map((e) => e.properties)
    expect(changes).toEqual([
      { from: 'awareness', to: 'retention', rule: null },
      { from: 'retention', to: 'consideration', rule: 'lapsed' },
    ])
  })
})
