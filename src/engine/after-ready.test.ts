// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { Message } from '../delivery/envelope.js'
import type { Runtime } from './runtime.js'
import { createConsent } from './consent.js'
import { startAfterReady } from './after-ready.js'

const wrappable = Object.getOwnPropertyDescriptor(history, 'pushState')
afterEach(() => {
  if (wrappable) Object.defineProperty(history, 'pushState', wrappable)
  else delete (history as { pushState?: unknown }).pushState
})

describe('startAfterReady', () => {
  it('on a page whose history cannot be wrapped, delivery still takes over what waited; the page gets one console.error, no throw', () => {
    Object.defineProperty(history, 'pushState', { value: History.prototype.pushState, writable: false, configurable: true })
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined)
    const rt = {
      options: {},
      loaded: { collectorUrl: 'https://collect.test/v1/batch', config: null, rules: new Map(), events: new Map() },
      consent: createConsent('granted'),
      visitor: { touch: () => undefined },
      run: () => undefined,
      actions: async () => null,
    } as unknown as Runtime
    const waited = [{ messageId: 'made-before' }] as Message[]
    const firstView = { page: { url: location.href, path: '/', referrer: '', title: '' }, time: Date.now() }
    expect(() => startAfterReady(rt, { messages: waited, firstView, watched: [], preview: false })).not.toThrow()
    expect(rt.loaded.delivery?.waiting().map((message) => message.messageId)).toEqual(['made-before'])
    // one place a message waits: the start chunk's array is delivery's own, not a copy
    expect(rt.loaded.delivery?.waiting()).toBe(waited)
    expect(errors.mock.calls.map(([text]) => String(text))).toEqual([expect.stringMatching(/^journeykit\.init: /)])
  })
})
