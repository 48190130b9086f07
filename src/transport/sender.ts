import { buildBatch, type Message } from './envelope.js'
import { listen } from '../lib/listen.js'
import { reportError } from '../lib/log.js'

export interface SenderOptions {
  url: string | null
  writeKey?: string
  /** Hold events in memory without sending (consent pending). */
  held: boolean
  intervalMs?: number
}

export interface Sender {
  enqueue(message: Message): void
  flush(): Promise<void>
  setHeld(held: boolean): void
  /** Forget every queued event (consent denied). */
  clear(): void
  /** Rewrites (or, returning null, drops) each queued event: consent granted by a known visitor. */
  rewrite(change: (message: Message) => Message | null): void
  stop(): void
}

const maxBatchEvents = 100
const maxBatchBytes = 500_000
const maxBeaconBytes = 60_000
const maxQueued = 10_000
const maxBackoffMs = 300_000

/**
 * Sends finished events to the collector in Segment batches. In memory for now: durable
 * delivery (IndexedDB outbox, many tabs) replaces the queue without changing this interface.
 */
export function createSender(options: SenderOptions): Sender {
  let queue: Message[] = []
  let held = options.held
  let sending: Promise<void> = Promise.resolve()
  let failures = 0
  let timer: ReturnType<typeof setTimeout> | undefined
  const intervalMs = options.intervalMs ?? 5000

  const schedule = (ms: number, replace = false) => {
    if (timer !== undefined && !replace) return
    clearTimeout(timer)
    timer = setTimeout(() => {
      timer = undefined
      void flush()
    }, ms)
  }

  const takeBatch = (limitBytes: number): Message[] => {
    const batch: Message[] = []
    let bytes = 100
    for (const message of queue) {
      const size = JSON.stringify(message).length + 1
      if (batch.length >= maxBatchEvents || (batch.length > 0 && bytes + size > limitBytes)) break
      batch.push(message)
      bytes += size
    }
    return batch
  }

  const remove = (sent: Message[]) => {
    const ids = new Set(sent.map((message) => message.messageId))
    queue = queue.filter((message) => !ids.has(message.messageId))
  }

  const post = async (batch: Message[]): Promise<boolean> => {
    const body = JSON.stringify(buildBatch(batch, options.writeKey, new Date()))
    try {
      // text/plain keeps the request "simple": no CORS preflight to a collector on another origin.
      const response = await fetch(options.url!, {
        method: 'POST',
        body,
        credentials: 'omit',
        keepalive: body.length < maxBeaconBytes,
        headers: { 'Content-Type': 'text/plain' },
      })
      return response.ok
    } catch {
      return false
    }
  }

  const sendAll = async (): Promise<void> => {
    while (queue.length > 0 && !held && options.url) {
      const batch = takeBatch(maxBatchBytes)
      if (!(await post(batch))) {
        failures++
        const backoff = Math.min(1000 * 2 ** (failures - 1), maxBackoffMs)
        schedule(backoff / 2 + Math.random() * (backoff / 2), true)
        return
      }
      failures = 0
      remove(batch)
    }
  }

  // One send at a time; a flush asked for mid-send runs after it, so it sees new events too.
  const flush = (): Promise<void> => (sending = sending.then(sendAll))

  // pagehide: the page may never run code again, so hand what is left to the browser.
  const beaconRest = () => {
    if (held || !options.url || typeof navigator.sendBeacon !== 'function') return
    while (queue.length > 0) {
      const batch = takeBatch(maxBeaconBytes)
      const body = JSON.stringify(buildBatch(batch, options.writeKey, new Date()))
      if (body.length > maxBeaconBytes || !navigator.sendBeacon(options.url, body)) return
      remove(batch)
    }
  }
  const stops = [
    listen(window, 'pagehide', beaconRest),
    listen(document, 'visibilitychange', () => document.visibilityState === 'hidden' && void flush()),
  ]

  return {
    enqueue(message) {
      if (queue.length >= maxQueued) queue.shift()
      queue.push(message)
      if (queue.length >= maxBatchEvents) void flush()
      else schedule(intervalMs)
    },
    flush,
    setHeld(value) {
      held = value
      if (!held) void flush()
    },
    clear() {
      queue = []
    },
    rewrite(change) {
      queue = queue.map(change).filter((message): message is Message => message !== null)
    },
    stop() {
      clearTimeout(timer)
      stops.forEach((stop) => stop())
      if (!options.url) return
      if (queue.length && !held) reportError('flush', `${queue.length} events were not sent before stop`)
    },
  }
}
