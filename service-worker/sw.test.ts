import { describe, expect, it, vi } from 'vitest'
import { handlePush, parsePayload } from './push.js'
import { clickTarget, handleClick } from './click.js'
import { handleSubscriptionChange } from './resubscribe.js'

/** A fake ExtendableEvent whose waitUntil collects the promises, to await them. */
function extendable<T extends object>(fields: T) {
  const promises: Promise<unknown>[] = []
  return { ...fields, waitUntil: (p: Promise<unknown>) => void promises.push(p), done: () => Promise.all(promises) }
}

describe('push', () => {
  it('shows the payload as a notification and reports push_received', async () => {
    const showNotification = vi.fn(async () => undefined)
    const report = vi.fn(async () => undefined)
    const payload = {
      title: 'Price drop',
      body: 'Now €39',
      url: '/p/1',
      tag: 't',
      icon: '/i.png',
      requireInteraction: true,
      actions: [{ action: 'buy', title: 'Buy', url: '/buy' }],
    }
    const event = extendable({ data: { text: () => JSON.stringify(payload) } })
    handlePush(event, { showNotification, report })
    await event.done()
    expect(showNotification).toHaveBeenCalledWith(
      'Price drop',
      expect.objectContaining({
        body: 'Now €39',
        tag: 't',
        icon: '/i.png',
        requireInteraction: true,
        actions: [{ action: 'buy', title: 'Buy' }],
        data: { url: '/p/1', actions: payload.actions, title: 'Price drop' },
      }),
    )
    expect(report).toHaveBeenCalledWith('push_received', { title: 'Price drop', tag: 't', url: '/p/1' })
  })

  it.each(['not json', '{"body":"no title"}', '[]', 'null', '', '{"title":"x","actions":"nope"}'])(
    'shows and reports nothing for the malformed payload %s',
    async (text) => {
      const showNotification = vi.fn(async () => undefined)
      const report = vi.fn(async () => undefined)
      const event = extendable({ data: { text: () => text } })
      handlePush(event, { showNotification, report })
      await event.done()
      expect(showNotification).not.toHaveBeenCalled()
      expect(report).not.toHaveBeenCalled()
      expect(parsePayload(text)).toBeNull()
    },
  )

  it('survives a push without data or whose data cannot be read', async () => {
    const deps = { showNotification: vi.fn(async () => undefined), report: vi.fn(async () => undefined) }
    expect(() => handlePush(extendable({ data: null }), deps)).not.toThrow()
    expect(() =>
      handlePush(
        extendable({
          data: {
            text: () => {
              throw new Error('bad')
            },
          },
        }),
        deps,
      ),
    ).not.toThrow()
    expect(deps.showNotification).not.toHaveBeenCalled()
  })
})

describe('notification click', () => {
  const origin = 'https://shop.example'
  const allowed = ['https://blog.example']

  it.each([
    ['/cart', 'https://shop.example/cart'],
    ['https://blog.example/post', 'https://blog.example/post'],
    ['https://evil.example/', null],
    ['javascript:alert(1)', null],
    ['data:text/html,x', null],
  ])('%s opens %s', (url, expected) => expect(clickTarget(url, origin, allowed)).toBe(expected))

  it.each([
    ['a string, as a substring', 'https://blog.example.com', 'https://blog.example/'],
    ['a string, as a substring of another origin', 'https://shop.example.com,https://blog.example', 'https://shop.example.co/'],
    ['a URL with a path rather than an origin', ['https://blog.example/'], 'https://blog.example/post'],
    ['null', null, 'https://blog.example/post'],
    ['a list of non-strings', [42, null, { origin: 'https://blog.example' }], 'https://blog.example/post'],
  ])('allows no other origin when the stored allowedOrigins is %s', (_name, stored, url) => {
    expect(clickTarget(url, origin, stored)).toBeNull()
    expect(clickTarget('/cart', origin, stored)).toBe('https://shop.example/cart') // same origin still opens
  })

  it('compares the parsed origin: a listed origin opens whatever path, a look-alike host does not', () => {
    expect(clickTarget('https://blog.example:443/a?b#c', origin, allowed)).toBe('https://blog.example/a?b#c')
    expect(clickTarget('https://blog.example.evil.example/', origin, allowed)).toBeNull()
    expect(clickTarget('https://blog.example@evil.example/', origin, allowed)).toBeNull()
  })

  const deps = (windows: Array<{ url: string; focus(): Promise<unknown> }> = []) => ({
    origin,
    allowedOrigins: async () => allowed,
    windows: async () => windows,
    openWindow: vi.fn(async () => null),
    report: vi.fn(async () => undefined),
  })

  it('closes it, opens the clicked action URL and reports push_clicked', async () => {
    const close = vi.fn()
    const event = extendable({
      action: 'buy',
      notification: { close, tag: 't', data: { url: '/p/1', title: 'Price drop', actions: [{ action: 'buy', url: '/buy' }] } },
    })
    const d = deps()
    handleClick(event, d)
    await event.done()
    expect(close).toHaveBeenCalled()
    expect(d.openWindow).toHaveBeenCalledWith('https://shop.example/buy')
    expect(d.report).toHaveBeenCalledWith('push_clicked', { url: 'https://shop.example/buy', action: 'buy', title: 'Price drop', tag: 't' })
  })

  it('focuses a tab already at the URL instead of opening another', async () => {
    const focus = vi.fn(async () => undefined)
    const event = extendable({ notification: { close: vi.fn(), data: { url: '/cart' } } })
    const d = deps([{ url: 'https://shop.example/cart', focus }])
    handleClick(event, d)
    await event.done()
    expect(focus).toHaveBeenCalled()
    expect(d.openWindow).not.toHaveBeenCalled()
  })

  it('opens nothing for a URL on an origin not allowed, but still reports the click', async () => {
    const event = extendable({ notification: { close: vi.fn(), data: { url: 'https://evil.example/' } } })
    const d = deps()
    handleClick(event, d)
    await event.done()
    expect(d.openWindow).not.toHaveBeenCalled()
    expect(d.report).toHaveBeenCalledWith('push_clicked', expect.objectContaining({ url: null }))
  })

  it('opens nothing when the stored allowedOrigins is a string that contains the URL origin', async () => {
    const event = extendable({ notification: { close: vi.fn(), data: { url: 'https://blog.example/post' } } })
    const d = { ...deps(), allowedOrigins: async () => 'https://blog.example.com' }
    handleClick(event, d)
    await event.done()
    expect(d.openWindow).not.toHaveBeenCalled()
    expect(d.report).toHaveBeenCalledWith('push_clicked', expect.objectContaining({ url: null }))
  })
})

describe('pushsubscriptionchange', () => {
  it('resubscribes with the VAPID key when the browser dropped the subscription, and reports it', async () => {
    const subscription = { toJSON: () => ({ endpoint: 'https://push.example/new' }) } as unknown as PushSubscription
    const subscribe = vi.fn(async () => subscription)
    const report = vi.fn(async () => undefined)
    const event = extendable({ newSubscription: null })
    handleSubscriptionChange(event, {
      settings: async () => ({ collector: 'https://c', allowedOrigins: [], vapidPublicKey: 'BKEY', anonymousId: 'a', userId: null }),
      subscribe,
      report,
    })
    await event.done()
    expect(subscribe).toHaveBeenCalledWith({ userVisibleOnly: true, applicationServerKey: 'BKEY' })
    expect(report).toHaveBeenCalledWith('push_subscribed', { subscription: { endpoint: 'https://push.example/new' }, renewed: true })
  })
})
