// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'

type Stub = unknown[] & { ready?: unknown }
const win = window as unknown as { journeykit?: Stub }

/** Runs the loader as the browser would for `<script src=… data-*>`. */
async function runLoader(attributes: Record<string, string>) {
  const script = document.createElement('script')
  script.src = 'https://cdn.example/journeykit/loader.js'
  for (const [name, value] of Object.entries(attributes)) script.setAttribute(name, value)
  Object.defineProperty(document, 'currentScript', { value: script, configurable: true })
  vi.resetModules()
  await import('./loader.js')
}

beforeEach(() => {
  delete win.journeykit
})
afterEach(() => {
  Object.defineProperty(document, 'currentScript', { value: null, configurable: true })
})

describe('loader', () => {
  it('stamps queued calls with their page and time, keeps push working, and starts the config fetch', async () => {
    const fetchMock = vi.fn(async () => new Response('{}'))
    vi.stubGlobal('fetch', fetchMock)
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined)
    win.journeykit = [['track', 'early']]
    await runLoader({ 'data-config': '/journeykit.json' })
    expect(fetchMock).toHaveBeenCalledWith(new URL('/journeykit.json', location.href).href, { credentials: 'omit' })
    const stub = win.journeykit as Stub
    expect(Array.isArray(stub)).toBe(true)
    expect(stub.push(['track', 'later'])).toBe(2)
    await vi.waitFor(() => expect(errors).toHaveBeenCalled()) // no runtime chunk in unit tests
  })

  it('costs the page one console.error when the runtime chunk cannot load', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => new Response('{}')))
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
