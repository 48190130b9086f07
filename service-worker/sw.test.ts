import { describe, expect, it, vi } from 'vitest'
import { handlePush, parsePayload } from './push.js'
import { clickTarget, handleClick } from './click.js'

/** A fake ExtendableEvent whose waitUntil collects the promises, to await them. */
function extendable<T extends object>(fields: T) {
  const promises: Promise<unknown>[] = []
  return { ...fields, waitUntil: (p: Promise<unknown>) => promises.push(p), done: () => Promise.all(promises) }
}

describe('push', () => {
  it('shows the payload as a notification', async () => {
    const showNotification = vi.fn(async () => undefined)
    const payload = { title: 'Price drop', body: 'Now €39', url: '/p/1', tag: 't', actions: [{ action: 'buy', title: 'Buy', url: '/buy' }] }
    const event = extendable({ data: { text: () => JSON.stringify(payload) } })
    handlePush(event, { showNotification })
    await event.done()
    expect(showNotification).toHaveBeenCalledWith('Price drop', expect.objectContaining({ body: 'Now €39', tag: 't', actions: [{ action: 'buy', title: 'Buy' }], data: { url: '/p/1', actions: payload.actions } }))
  })

  it.each(['not json', '{"body":"no title"}', '[]', 'null', ''])('shows nothing for the malformed payload %s', async (text) => {
    const showNotification = vi.fn(async () => undefined)
    const event = extendable({ data: { text: () => text } })
    handlePush(event, { showNotification })
    await event.done()
    expect(showNotification).not.toHaveBeenCalled()
    expect(parsePayload(text)).toBeNull()
  })
})

describe('notification click', () => {
  const deps = { origin: 'https://shop.example', allowedOrigins: ['https://blog.example'] }

  it.each([
    ['/cart', 'https://shop.example/cart'],
    ['https://blog.example/post', 'https://blog.example/post'],
    ['https://evil.example/', null],
    ['javascript:alert(1)', null],
  ])('%s opens %s', (url, expected) => expect(clickTarget(url, deps)).toBe(expected))

  it('closes the notification and opens the clicked action URL', async () => {
    const openWindow = vi.fn(async () => null)
    const close = vi.fn()
    const event = extendable({ action: 'buy', notification: { close, data: { url: '/p/1', actions: [{ action: 'buy', url: '/buy' }] } } })
    handleClick(event, { ...deps, openWindow })
    await event.done()
    expect(close).toHaveBeenCalled()
    expect(openWindow).toHaveBeenCalledWith('https://shop.example/buy')
  })
})
