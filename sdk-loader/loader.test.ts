// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { LoaderHandoff } from '../src/boot.js'

type Stub = unknown[] & { ready?: unknown }
const win = window as unknown as { journeykit?: Stub }

/** Runs the loader as the browser would for `<script src=… data-*>`. */
async function runLoader(attributes: Record<string, string>, src = 'https://cdn.example/journeykit/loader.js') {
  const script = document.createElement('script')
  script.src = src
  for (const [name, value] of Object.entries(attributes)) script.setAttribute(name, value)
  Object.defineProperty(document, 'currentScript', { value: script, configurable: true })
  vi.resetModules()
  await import('./loader.js')
}

// A stand-in core chunk beside a loader at /stamped/ (the loader imports `core.js` relative to
// its own src): it hands the handoff back to the test. Loaders elsewhere find no core.
const handoffs = vi.hoisted(() => [] as LoaderHandoff[])
vi.mock('https://cdn.example/stamped/core.js', () => ({ start: (handoff: LoaderHandoff) => void handoffs.push(handoff) }))
// The validator chunk beside it (vi.doMock per load, below) counts how often it was imported.
const checks = { imported: 0 }
const countCheck = () => {
  checks.imported++
  return {}
}

beforeEach(() => {
  delete win.journeykit
})
afterEach(() => {
  vi.useRealTimers()
  Object.defineProperty(document, 'currentScript', { value: null, configurable: true })
})

describe('loader', () => {
  it('stamps each queued call with the page and time of the call, keeps push working, and starts the config fetch', async () => {
    const fetchMock = vi.fn(async () => new Response('{}'))
    vi.stubGlobal('fetch', fetchMock)
    vi.useFakeTimers({ toFake: ['Date'], now: Date.parse('2026-11-20T10:00:00Z') })
    history.replaceState(null, '', '/first?x=1')
    document.title = 'First'
    win.journeykit = [['track', 'early']]
    await runLoader({ 'data-config': '/journeykit.json' }, 'https://cdn.example/stamped/loader.js')
    expect(fetchMock).toHaveBeenCalledWith(new URL('/journeykit.json', location.href).href, { credentials: 'omit' })
    // A later call, on another page (an SPA route) at another time, before the runtime arrived.
    vi.setSystemTime(Date.parse('2026-11-20T10:00:05Z'))
    history.pushState(null, '', '/second')
    document.title = 'Second'
    const stub = win.journeykit as Stub
    expect(Array.isArray(stub)).toBe(true)
    expect(stub.push(['track', 'later'])).toBe(2)
    await vi.waitFor(() => expect(handoffs).toHaveLength(1))
    expect(handoffs[0]!.queue).toEqual([
      [['track', 'early'], `${location.origin}/first?x=1`, 'First', Date.parse('2026-11-20T10:00:00Z')],
      [['track', 'later'], `${location.origin}/second`, 'Second', Date.parse('2026-11-20T10:00:05Z')],
    ])
    expect(handoffs[0]!.startedAt).toBe(Date.parse('2026-11-20T10:00:00Z'))
  })

  it('costs the page one console.error when the runtime chunk cannot load', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response('{}')),
    )
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined)
    await runLoader({ 'data-config': '/journeykit.json' })
    await vi.waitFor(() => expect(errors).toHaveBeenCalledTimes(1))
    expect(String(errors.mock.calls[0]![0])).toBe('journeykit: could not load the runtime;')
  })

  it('does nothing when a runtime already took over the global', async () => {
    const fetchMock = vi.fn(async () => new Response('{}'))
    vi.stubGlobal('fetch', fetchMock)
    const runtime = Object.assign([], { ready: Promise.resolve() })
    win.journeykit = runtime
    await runLoader({ 'data-config': '/journeykit.json' })
    expect(win.journeykit).toBe(runtime)
    expect(fetchMock).not.toHaveBeenCalled()
  })

  it('starts the validator download for a config without a seal, or in debug mode, and not for a sealed one', async () => {
    const loadWith = async (body: string, attributes: Record<string, string> = {}, status = 200) => {
      vi.stubGlobal(
        'fetch',
        vi.fn(async () => new Response(body, { status })),
      )
      checks.imported = 0
      handoffs.length = 0
      vi.doMock('https://cdn.example/stamped/config-check.js', countCheck)
      await runLoader({ 'data-config': '/journeykit.json', ...attributes }, 'https://cdn.example/stamped/loader.js')
      await vi.waitFor(() => expect(handoffs).toHaveLength(1))
      // the config's body was read by then if it ever will be (fetch answered at once)
      await new Promise((resolve) => setTimeout(resolve, 20))
      return checks.imported
    }
    expect(await loadWith('{ "version": 1 }')).toBe(1)
    expect(await loadWith('{ "version": 1, "$sealed": "0.1.0:00000000-1" }')).toBe(0)
    expect(await loadWith('{ "version": 1, "$sealed": "0.1.0:00000000-1" }', { 'data-debug': '' })).toBe(1)
    // nothing to validate: the runtime reports the 404
    expect(await loadWith('not found', {}, 404)).toBe(0)
    // and the runtime still reads the body the loader looked into
    const text = await handoffs[0]!.configRequest!.then((response) => response.text())
    expect(text).toBe('not found')
  })

  it('starts without a config when only a collector is given', async () => {
    const fetchMock = vi.fn(async () => new Response('{}'))
    vi.stubGlobal('fetch', fetchMock)
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined)
    await runLoader({ 'data-collector': 'https://collect.example/v1/batch' })
    expect(fetchMock).not.toHaveBeenCalled()
    expect(Array.isArray(win.journeykit)).toBe(true)
    await vi.waitFor(() => expect(errors).toHaveBeenCalled())
  })
})
