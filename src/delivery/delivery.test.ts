// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest'
import { createDelivery } from './delivery.js'
import type { Message } from './envelope.js'

vi.mock('./index.js', () => {
  const enqueued: string[] = []
  return {
    enqueued,
    createOutbox: () => ({}),
    createSender: (options: { held: boolean }) => ({
      heldAtStart: options.held,
      held: () => [],
      enqueue: (m: Message) => enqueued.push(m.messageId),
      clear: vi.fn(),
    }),
    sendCarried: () => undefined,
  }
})

const message = (id: string) => ({ messageId: id }) as Message

describe('createDelivery', () => {
  it('keeps messages made before the chunk loads, in order, and hands them over after what was carried', async () => {
    const transport = (await import('./index.js')) as unknown as { enqueued: string[] }
    const delivery = createDelivery({
      url: 'https://c.test/b',
      load: () => import('./index.js'),
      held: () => true,
      onStart: (sender) => sender.enqueue(message('carried')),
    })
    delivery.enqueue(message('a'))
    delivery.enqueue(message('b'))
    expect(delivery.waiting().map((m) => m.messageId)).toEqual(['a', 'b'])
    expect(transport.enqueued).toEqual([])
    const sender = await delivery.start()
    expect(await delivery.start()).toBe(sender) // once
    delivery.enqueue(message('c'))
    expect(transport.enqueued).toEqual(['carried', 'a', 'b', 'c'])
    expect(delivery.waiting()).toEqual([])
    expect((sender as unknown as { heldAtStart: boolean }).heldAtStart).toBe(true)
  })

  it('a chunk that failed to download (offline) is tried again at the next start; what waited is kept', async () => {
    const transport = (await import('./index.js')) as unknown as { enqueued: string[] }
    transport.enqueued.length = 0
    let online = false
    const load = vi.fn(async () => (online ? import('./index.js') : null))
    const delivery = createDelivery({ url: 'https://c.test/b', load, held: () => false, onStart: () => undefined })
    delivery.enqueue(message('offline'))
    expect(await delivery.start()).toBeNull()
    expect(delivery.waiting().map((m) => m.messageId)).toEqual(['offline'])
    online = true
    expect(await delivery.start()).not.toBeNull()
    expect(load).toHaveBeenCalledTimes(2)
    expect(transport.enqueued).toEqual(['offline'])
  })

  it('drops what waits on clear (consent denied)', async () => {
    const delivery = createDelivery({ url: 'https://c.test/b', load: () => import('./index.js'), held: () => false, onStart: () => undefined })
    delivery.enqueue(message('x'))
    delivery.clear()
    expect(delivery.waiting()).toEqual([])
  })
})
