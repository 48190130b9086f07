import { afterEach, describe, expect, it, vi } from 'vitest'
import type { CapturedCall, Moment } from './types.js'
import { createPublicApi, type ApiDeps } from './public-api.js'

const moment: Moment = { page: { url: 'https://shop.test/', path: '/', referrer: '', title: 'Shop' }, time: 1 }

/** The public object over recording stand-ins, with console.error captured. */
function setup() {
  const runs: CapturedCall[] = []
  const unsubscribe = () => undefined
  const deps: ApiDeps = {
    run: (call) => void runs.push(call),
    now: () => moment,
    grant: vi.fn(),
    deny: vi.fn(),
    hideAll: vi.fn(),
    on: vi.fn(() => unsubscribe),
    flush: vi.fn(() => Promise.resolve()),
    ready: Promise.resolve(),
  }
  const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined)
  const reported = () => errors.mock.calls.map((c) => String(c[0]))
  return { api: createPublicApi(deps), deps, runs, unsubscribe, reported }
}

const uuid = /^[0-9a-f-]{36}$/

afterEach(() => vi.restoreAllMocks())

describe('the public API', () => {
  it('hands each call on with its moment, its arguments defaulted, and an id when it sends a message', () => {
    const { api, runs, reported } = setup()
    api.track('signup', { plan: 'pro' })
    api.track('bare')
    api.page()
    api.page({ section: 'shoes' })
    api.identify('u-42')
    api.identify('u-43', { plan: 'pro' })
    api.show('')
    api.reset()
    api.enter('cart-rescue')
    expect(runs.map(({ method, args, moment: m }) => [method, args, m])).toEqual([
      ['track', ['signup', { plan: 'pro' }], moment],
      ['track', ['bare', {}], moment],
      ['page', [{}], moment],
      ['page', [{ section: 'shoes' }], moment],
      ['identify', ['u-42', {}], moment],
      ['identify', ['u-43', { plan: 'pro' }], moment],
      ['show', [''], moment],
      ['reset', [], moment],
      ['enter', ['cart-rescue'], moment],
    ])
    // Each its own id: the messageId of what track, page and identify send (the others send nothing).
    for (const call of runs) expect(call.id).toMatch(uuid)
    expect(new Set(runs.map((call) => call.id)).size).toBe(9)
    expect(reported()).toEqual([])
  })

  it('passes only the arguments it knows of', () => {
    const { api, runs } = setup()
    ;(api.track as (...args: unknown[]) => void)('signup', {}, 'extra')
    ;(api.enter as (...args: unknown[]) => void)('j', 'extra')
    ;(api.reset as (...args: unknown[]) => void)('extra')
    expect(runs.map((call) => call.args)).toEqual([['signup', {}], ['j'], []])
  })

  it('reports each misuse at the time of the call, naming the call and what is wrong, and never throws', () => {
    const { api, runs, deps, reported } = setup()
    const misuse: Array<() => unknown> = [
      () => api.track(undefined as never),
      () => api.track(''),
      () => api.track('ok', 'not-an-object' as never),
      () => api.track('ok', null as never),
      () => api.track('ok', [] as never),
      () => api.page('x' as never),
      () => api.identify('' as never),
      () => api.identify('u', 5 as never),
      () => api.consent('later' as never),
      () => api.show(123 as never),
      () => api.on('x', null as never),
      () => api.on(5 as never, () => undefined),
      () => api.enter(''),
      () => api.push({}),
      () => api.push([5]),
      () => api.push(['explode']),
      () => api.push(['push', ['track', 'x']]),
      () => api.push(['ready']),
      () => api.push(['track']),
    ]
    for (const call of misuse) expect(call).not.toThrow()
    expect(reported()).toEqual([
      'journeykit.track: the event name must be a non-empty string',
      'journeykit.track: the event name must be a non-empty string',
      'journeykit.track: properties must be a plain object',
      'journeykit.track: properties must be a plain object',
      'journeykit.track: properties must be a plain object',
      'journeykit.page: properties must be a plain object',
      'journeykit.identify: the user id must be a non-empty string',
      'journeykit.identify: properties must be a plain object',
      "journeykit.consent: expected 'granted' or 'denied', got later",
      'journeykit.show: the item id must be a string',
      'journeykit.on: expected on(eventName, handler)',
      'journeykit.on: expected on(eventName, handler)',
      'journeykit.enter: the journey id must be a non-empty string',
      "journeykit.push: expected an array like ['track', 'signup']",
      "journeykit.push: expected an array like ['track', 'signup']",
      'journeykit.push: unknown method "explode"',
      'journeykit.push: unknown method "push"',
      'journeykit.push: unknown method "ready"',
      'journeykit.track: the event name must be a non-empty string',
    ])
    expect(runs).toEqual([])
    expect(deps.grant).not.toHaveBeenCalled()
    expect(deps.deny).not.toHaveBeenCalled()
    expect(deps.on).not.toHaveBeenCalled()
  })

  it('returns nothing from a misused call, and an unsubscribe that does nothing from a misused on()', () => {
    const { api } = setup()
    expect(api.track('')).toBeUndefined()
    expect(api.push('nonsense')).toBeUndefined()
    const off = api.on('x', null as never)
    expect(typeof off).toBe('function')
    expect(() => off()).not.toThrow()
  })

  it('gives consent, hides, listens and flushes through its dependencies', async () => {
    const { api, deps, unsubscribe, runs } = setup()
    api.consent('granted')
    expect(deps.grant).toHaveBeenCalledTimes(1)
    api.consent('denied')
    expect(deps.deny).toHaveBeenCalledTimes(1)
    api.hide()
    expect(deps.hideAll).toHaveBeenCalledTimes(1)
    const handler = () => undefined
    expect(api.on('item_shown', handler)).toBe(unsubscribe)
    expect(deps.on).toHaveBeenCalledWith('item_shown', handler)
    await expect(api.flush()).resolves.toBeUndefined()
    expect(deps.flush).toHaveBeenCalledTimes(1)
    expect(api.ready).toBe(deps.ready)
    expect(runs).toEqual([])
  })

  it('runs push([method, ...args]) as the method itself', () => {
    const { api, deps, runs, reported } = setup()
    api.push(['track', 'signup', { plan: 'pro' }])
    api.push(['page'])
    api.push(['identify', 'u-1'])
    api.push(['consent', 'granted'])
    api.push(['hide'])
    api.push(['on', 'x', () => undefined])
    api.push(['reset'])
    api.push(['enter', 'j'])
    api.push(['show', 'guide'])
    api.push(['flush'])
    expect(runs.map((call) => [call.method, ...call.args])).toEqual([
      ['track', 'signup', { plan: 'pro' }],
      ['page', {}],
      ['identify', 'u-1', {}],
      ['reset'],
      ['enter', 'j'],
      ['show', 'guide'],
    ])
    expect(deps.grant).toHaveBeenCalledTimes(1)
    expect(deps.hideAll).toHaveBeenCalledTimes(1)
    expect(deps.on).toHaveBeenCalledTimes(1)
    expect(deps.flush).toHaveBeenCalledTimes(1)
    expect(reported()).toEqual([])
  })

  it('reports a dependency that throws under the call that reached it', () => {
    const { deps, reported } = setup()
    const again = createPublicApi({
      ...deps,
      hideAll: () => {
        throw new Error('boom')
      },
      run: () => {
        throw new TypeError('no line')
      },
    })
    expect(() => again.hide()).not.toThrow()
    expect(() => again.track('x')).not.toThrow()
    expect(reported()).toEqual(['journeykit.hide: boom', 'journeykit.track: no line'])
  })
})
