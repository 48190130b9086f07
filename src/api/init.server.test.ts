import { describe, expect, it, vi } from 'vitest'
import { init } from './init.js'

// Node, as a server rendering an app: no document, no window.
describe('init() on a server', () => {
  it('does not throw: one console.error a call, and a handle whose methods do nothing', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined)
    const jk = init({ config: { version: 1 }, collector: 'https://collect.test/v1/batch' })
    expect(() => jk.track('signup', { plan: 'pro' })).not.toThrow()
    expect(() => jk.on('page', () => undefined)()).not.toThrow()
    await expect(jk.flush()).resolves.toBeUndefined()
    await expect(jk.ready).resolves.toBeUndefined()
    const awaited = await jk
    expect('then' in awaited).toBe(false)
    expect(() => awaited.identify('u-1')).not.toThrow()
    await init({ config: '/journeykit.json' }) // `await init(…)` as before
    expect(errors.mock.calls.map((call) => String(call[0]))).toEqual([
      'journeykit.init: needs a browser; on the server call init() from client-side code only',
      'journeykit.init: needs a browser; on the server call init() from client-side code only',
    ])
  })
})
