// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { Config } from '../config/types.js'
import type { Message } from '../delivery/envelope.js'

const collector = 'https://collect.test/v1/batch'
const config: Config = { version: 1, rules: [{ id: 'seen', on: 'signup', track: 'welcomed' }] }

/** The events the stubbed collector received, by name, in order. */
function stubCollector(): () => string[] {
  const received: string[] = []
  vi.stubGlobal(
    'fetch',
    vi.fn(async (_url: string, request?: RequestInit) => {
      const body = JSON.parse(String(request?.body ?? '{}')) as { batch?: Message[] }
      for (const message of body.batch ?? []) received.push(message.event ?? message.type)
      return new Response('{}', { status: 200 })
    }),
  )
  return () => received
}

/** A page of its own: init() holds one runtime a page, so each test imports it afresh. */
async function freshPage() {
  vi.resetModules()
  return (await import('./init.js')).init
}

afterEach(() => vi.restoreAllMocks())

describe('init(): one instance a page', () => {
  it('called again with the same options returns the same handle and starts nothing more: one page view', async () => {
    const init = await freshPage()
    const received = stubCollector()
    const warnings = vi.spyOn(console, 'warn')
    const jk = init({ config, collector })
    const seen: string[] = []
    jk.on('*', (message) => seen.push(message.event ?? message.type))
    // As React's StrictMode does: the effect runs twice, with a new options object each time.
    expect(init({ config: { ...config }, collector })).toBe(jk)
    expect(init({ collector, config })).toBe(jk) // keys in another order: the same options
    await jk.flush()
    expect(seen).toEqual(['visit_start', 'page'])
    expect(received()).toEqual(['visit_start', 'page'])
    expect(warnings).not.toHaveBeenCalled()
  })

  it('called again with other options returns the same handle, and one console.warn names what it ignored', async () => {
    const init = await freshPage()
    stubCollector()
    const warnings = vi.spyOn(console, 'warn').mockImplementation(() => undefined)
    const jk = init({ config, collector })
    const seen: string[] = []
    jk.on('page', (message) => seen.push(message.type))
    expect(init({ config: { ...config, rules: [] }, collector, debug: true })).toBe(jk)
    expect(init({ config: '/journeykit.json', collector: undefined })).toBe(jk)
    expect(init({ config, collector, debug: undefined })).toBe(jk) // undefined is left out: the same
    await vi.waitFor(() => expect(warnings).toHaveBeenCalledTimes(2))
    expect(warnings.mock.calls.map((call) => String(call[0]))).toEqual([
      "journeykit.init: already started; this call's options that differ from the first call's are ignored: config, debug",
      "journeykit.init: already started; this call's options that differ from the first call's are ignored: config, collector",
    ])
    await jk.flush()
    expect(seen).toEqual(['page'])
  })

  it('returns a handle at once: calls made on it before ready wait, then run once each, in order', async () => {
    const init = await freshPage()
    const received = stubCollector()
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined)
    const jk = init({ config, collector, page: false })
    const seen: string[] = []
    jk.on('*', (message) => seen.push(message.event ?? message.type))
    jk.identify('u-1', { plan: 'pro' })
    jk.track('signup')
    jk.push(['page', { section: 'shoes' }])
    jk.show('') // no such item: reported by the actions chunk, never thrown
    jk.hide()
    jk.consent('granted')
    expect(seen).toEqual([]) // nothing ran before ready
    let ready = false
    void jk.ready.then(() => (ready = true))
    await jk.flush()
    expect(ready).toBe(true)
    expect(seen).toEqual(['identify', 'signup', 'welcomed', 'visit_start', 'page'])
    expect(received()).toEqual(seen)
    expect(errors.mock.calls.map((call) => String(call[0]))).toEqual(['journeykit.show: no item "" in the config'])
  })

  it('is awaitable as before: `await init(…)` waits for ready and gives the runtime, the same one each time', async () => {
    const init = await freshPage()
    stubCollector()
    let ready = false
    const handle = init({ config, collector })
    void handle.ready.then(() => (ready = true))
    const jk = await handle
    expect(ready).toBe(true)
    expect('then' in jk).toBe(false) // a thenable awaited would be awaited again, forever
    expect(await init({ config, collector })).toBe(jk)
    expect(await handle.then((runtime) => runtime.track)).toBe(jk.track)
    await expect(Promise.resolve(handle)).resolves.toBe(jk)
    expect(Object.keys(handle).sort()).toEqual([...Object.keys(jk), 'then'].sort())
  })

  it('never throws on misuse: it is reported with console.error', async () => {
    const init = await freshPage()
    stubCollector()
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined)
    const jk = init(undefined as never)
    expect(init(null as never)).toBe(jk)
    expect(() => jk.track(42 as never)).not.toThrow()
    expect(() => jk.push('nope')).not.toThrow()
    expect(() => jk.on('page', 'not a function' as never)()).not.toThrow()
    await jk.flush()
    expect(errors.mock.calls.map((call) => String(call[0]))).toEqual([
      'journeykit.track: the event name must be a non-empty string',
      "journeykit.push: expected an array like ['track', 'signup']",
      'journeykit.on: expected on(eventName, handler)',
      'journeykit.init: no collector URL: events stay on the page',
    ])
  })
})
