import { afterEach, describe, expect, it, vi } from 'vitest'
import { acceptConfig } from './accept.js'
import { sealOf } from './seal.js'

const config = (pattern: string) => ({
  version: 1,
  items: { offer: { kind: 'focus', style: 'modal', title: 'Wait!' } },
  rules: [{ id: 'r', on: 'page_view', if: { 'page.query.q': { $regex: pattern } }, show: 'offer' }],
})

describe('acceptConfig and $regex', () => {
  afterEach(() => vi.restoreAllMocks())

  it('refuses a pattern only the engine knows it cannot run, naming its path', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined)
    vi.spyOn(console, 'warn').mockImplementation(() => undefined)
    expect(await acceptConfig(config('\\p{L}+') as never)).toBeNull()
    expect(error.mock.calls.map((call) => call.join(' '))).toEqual([
      expect.stringContaining('rules[0].if.page.query.q: $regex has syntax journeykit does not run'),
    ])
  })

  it('refuses a pattern no engine runs, once, with the reason validateConfig gives', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined)
    vi.spyOn(console, 'warn').mockImplementation(() => undefined)
    expect(await acceptConfig(config('(a|b)\\1') as never)).toBeNull()
    expect(error.mock.calls.map((call) => call.join(' '))).toEqual([expect.stringContaining('rules[0].if.page.query.q: $regex has a backreference')])
  })

  it('accepts a ReDoS shape the linear engine runs', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined)
    expect(await acceptConfig(config('(a|a)+$') as never)).not.toBeNull()
    expect(error).not.toHaveBeenCalled()
  })
})

describe('acceptConfig and the seal of `journeykit build`', () => {
  afterEach(() => vi.restoreAllMocks())
  const good = { version: 1, items: { offer: { kind: 'focus', style: 'modal', title: 'Wait!' } }, rules: [{ id: 'r', on: 'page_view', show: 'offer' }] }
  // A seal forged over a config the validator refuses: only a full check can tell.
  const refused = { version: 1, rules: [{ id: 'r', on: 'page_view', show: 'missing' }] }

  it('takes a config whose seal matches as it is, without the validator', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined)
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined)
    const forged = { ...refused, $sealed: sealOf(refused) }
    expect(await acceptConfig(forged as never)).toBe(forged)
    expect(error).not.toHaveBeenCalled()
    expect(warn).not.toHaveBeenCalled()
  })

  it('checks in full in debug mode, seal or not', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined)
    vi.spyOn(console, 'warn').mockImplementation(() => undefined)
    expect(await acceptConfig({ ...refused, $sealed: sealOf(refused) } as never, true)).toBeNull()
    expect(error.mock.calls.map((call) => call.join(' '))).toEqual([expect.stringContaining('rules[0].show: "missing" names no item in "items"')])
    const sealed = { ...good, $sealed: sealOf(good) }
    expect(await acceptConfig(sealed as never, true)).toBe(sealed)
  })

  it('checks a config whose seal does not match in full, and says so', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined)
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined)
    const edited = { ...refused, $sealed: sealOf(good) }
    expect(await acceptConfig(edited as never)).toBeNull()
    expect(error.mock.calls.map((call) => call.join(' '))).toEqual([expect.stringContaining('rules[0].show: "missing" names no item in "items"')])
    expect(warn.mock.calls.map((call) => call.join(' '))).toContainEqual(expect.stringContaining('$sealed: does not match this config'))
    warn.mockClear()
    expect(await acceptConfig({ ...good, $sealed: sealOf(good, '0.0.1') } as never)).not.toBeNull()
    expect(warn.mock.calls.map((call) => call.join(' '))).toEqual([expect.stringContaining('$sealed: does not match this config')])
  })
})

describe('acceptConfig reading a response', () => {
  afterEach(() => vi.restoreAllMocks())
  const answer = (body: string, status = 200) => {
    const response = new Response(body, { status })
    Object.defineProperty(response, 'url', { value: 'https://shop.example/journeykit.json' })
    return Promise.resolve(response)
  }

  it('reads JSON, and takes a sealed file as `build` wrote it', async () => {
    const good = { version: 1, items: {}, rules: [] }
    const file = `${JSON.stringify({ ...good, $sealed: sealOf(good) }, null, 2)}\n`
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined)
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined)
    expect(await acceptConfig(answer(file))).toEqual(JSON.parse(file))
    expect(await acceptConfig(answer(JSON.stringify(good)))).toEqual(good)
    expect([...error.mock.calls, ...warn.mock.calls]).toEqual([])
  })

  it('is null with one console.error naming the URL for an error status or a body that is not JSON', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined)
    expect(await acceptConfig(answer('not found', 404))).toBeNull()
    expect(await acceptConfig(answer('{ "version": 1, '))).toBeNull()
    expect(await acceptConfig(Promise.reject(new TypeError('Failed to fetch')))).toBeNull()
    expect(error.mock.calls.map((call) => call.join(' '))).toEqual([
      'journeykit.config: HTTP 404 for https://shop.example/journeykit.json',
      // the engine's own words: in Chromium they place the mistake ("… (line 1 column 17)")
      expect.stringMatching(/^journeykit\.config: https:\/\/shop\.example\/journeykit\.json: .*JSON/),
      'journeykit.config: Failed to fetch',
    ])
  })

  it('still checks a JSON null in full: one error for the whole config', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined)
    vi.spyOn(console, 'warn').mockImplementation(() => undefined)
    expect(await acceptConfig(answer('null'))).toBeNull()
    expect(error.mock.calls.map((call) => call.join(' '))).toEqual(['journeykit.config: (config): must be an object'])
  })
})
