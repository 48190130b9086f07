import { afterEach, describe, expect, it, vi } from 'vitest'
import { acceptConfig } from './accept.js'

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
