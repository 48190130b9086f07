import { buildBatch, type Message } from './envelope.js'
import { byteLength } from '../lib/bytes.js'
import type { Sender } from './sender.js'

type DeliveryChunk = typeof import('../chunks/delivery.js')

export interface DeliveryOptions {
  /** The collector's absolute URL. */
  url: string
  /**
   * Where messages wait until the sender exists: the start chunk's array, which it filled
   * before this code arrived, used in place (one place a message waits before the sender).
   */
  waiting?: Message[]
  writeKey?: string
  /** Imports the delivery chunk: null when it failed (offline), and then a later start tries again. */
  load(): Promise<DeliveryChunk | null>
  /** Consent pending: the sender holds everything in memory (src/delivery/sender.ts). */
  held(): boolean
  /** Runs when the sender exists, before what waited is handed to it (carried messages go first). */
  onStart(sender: Sender, chunk: DeliveryChunk): void
}

/**
 * The core's side of delivery. The outbox, batching, retries and the cross-tab sender are a
 * chunk that is not needed before `ready`: it downloads when the page is idle after start-up
 * (the first batch never competes with the host page's own start), or at once when a flush, a
 * consent grant or the page going to the background needs it. A download that fails (offline)
 * is tried again at the next of those and when the browser is back online: Chromium no longer
 * keeps a failed module import failed for the page's life (HTML's module map stores no fetch
 * failures). Messages made before then wait here, in order; a page left before then carries
 * them to the next page like any unsent call (src/delivery/carry.ts).
 */
export function createDelivery(options: DeliveryOptions) {
  const early: Message[] = options.waiting ?? []
  let sender: Sender | null = null
  let chunk: DeliveryChunk | null = null
  let starting: Promise<Sender | null> | null = null
  return {
    enqueue(message: Message): void {
      if (sender) sender.enqueue(message)
      else early.push(message)
    },
    chunk: (): DeliveryChunk | null => chunk,
    /** Loads the chunk, creates the sender and hands it what waited; once. */
    start(): Promise<Sender | null> {
      starting ??= options.load().then((loaded) => {
        chunk = loaded
        if (!loaded) return (starting = null)
        sender = loaded.createSender({ url: options.url, writeKey: options.writeKey, held: options.held(), outbox: loaded.createOutbox() })
        options.onStart(sender, loaded)
        early.splice(0).forEach(sender.enqueue)
        return sender
      })
      return starting
    },
    /** Messages not sent yet that no outbox holds: what a page going away must carry. */
    waiting: (): Message[] => sender?.held() ?? early,
    /**
     * The page goes away before the chunk arrived: what waits leaves by sendBeacon (≤ 60 KB, as
     * the sender's beacons), and is carried too — a visitor who never comes back is not the
     * reason an event is lost; the collector drops the duplicate by messageId.
     */
    beacon(): void {
      if (sender || !early.length || options.held() || typeof navigator.sendBeacon !== 'function') return
      const body = JSON.stringify(buildBatch(early, options.writeKey, new Date()))
      if (byteLength(body) <= 60_000) navigator.sendBeacon(options.url, body)
    },
    /** Consent denied: nothing waiting is sent. */
    clear(): void {
      early.length = 0
      sender?.clear()
    },
  }
}

/** Runs `work` once the page is idle (within `timeout` ms at the latest), as web-vitals waits. */
export function whenIdle(work: () => void, timeout = 2000): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(work, { timeout })
  else setTimeout(work, 1)
}
