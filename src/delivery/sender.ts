import { buildBatch, type Message } from './envelope.js'
import { backoffMs, verdictOf, type Verdict } from './policy.js'
import type { Entry, Outbox } from './outbox.js'
import { listen } from '../lib/listen.js'
import { byteLength } from '../lib/bytes.js'
import { withLock } from '../lib/lock.js'
import { reportError } from '../lib/log.js'

/** The Web Lock that one sender at a time holds (src/storage/names.ts lists every other name). */
const sendLock = 'jk:v1:send'

export interface SenderOptions {
  url: string | null
  writeKey?: string
  /** Hold events in memory, storing and sending nothing (consent pending). */
  held: boolean
  outbox: Outbox
  intervalMs?: number
}

export interface Sender {
  enqueue(message: Message): void
  flush(): Promise<void>
  setHeld(held: boolean): void
  /** Forgets every event, held or stored (consent denied). */
  clear(): void
  /** Rewrites (or, returning null, drops) each held event: consent granted by a known visitor. */
  rewrite(change: (message: Message) => Message | null): void
  /** The events held while consent is pending (a page leaving while a grant waits carries them). */
  held(): Message[]
  /** Stops timers and listeners (tests; a page keeps its sender for its lifetime). */
  stop(): void
}

// Sizes are UTF-8 bytes (lib/bytes.ts): what the collector, sendBeacon and Chromium's 64 KB
// keepalive quota count. A string's length undercounts Cyrillic or CJK text up to threefold.
const maxBatchEvents = 100
const maxBatchBytes = 500_000
const maxBeaconBytes = 60_000
const requestTimeoutMs = 10_000

/**
 * At-least-once delivery (contract §5, §7): every event is written to the outbox before a
 * send is tried and deleted only after a 2xx. One tab sends at a time (a Web Lock); the
 * others only write, so an event goes out from one tab in normal operation.
 */
export function createSender(options: SenderOptions): Sender {
  const { outbox } = options
  let held: Message[] | null = options.held ? [] : null
  let writes: Promise<void> = Promise.resolve()
  let sending: Promise<void> = Promise.resolve()
  let failures = 0
  let unsent = 0
  let dropped = 0
  let timer: ReturnType<typeof setTimeout> | undefined
  let waitUntil = 0
  // A collector's own Retry-After binds every send, flush() included (contract §7); our backoff does not bind flush().
  let retryAfterUntil = 0
  // This tab's recent events, for the pagehide beacon (IndexedDB cannot be read in time).
  let recent: Message[] = []

  const schedule = (ms: number, replace = false) => {
    if (timer !== undefined && !replace) return
    clearTimeout(timer)
    timer = setTimeout(() => {
      timer = undefined
      void flush() // the timer was set for the end of any backoff
    }, ms)
  }

  // Events enqueued in one go (a loop of track() calls) share one IndexedDB transaction:
  // one per event made 10,000 offline events take longer to store than to send.
  let pending: Message[] | null = null
  const store = (messages: Message[]) => {
    if (!pending) {
      const batch: Message[] = (pending = [])
      writes = writes
        .then(() => {
          if (pending === batch) pending = null // from here on, new events start the next write
          return outbox.add(batch)
        })
        .catch((err) => reportError('track', err))
    }
    pending.push(...messages)
    recent.push(...messages)
    if (recent.length > maxBatchEvents * 5) recent = recent.slice(-maxBatchEvents * 5)
    unsent += messages.length
    if (unsent >= maxBatchEvents) void flush(true)
    else schedule(options.intervalMs ?? 5000)
  }

  const post = async (batch: Message[]): Promise<{ verdict: Verdict; retryAfter: string | null; status: number }> => {
    const body = JSON.stringify(buildBatch(batch, options.writeKey, new Date()))
    const abort = new AbortController()
    const timeout = setTimeout(() => abort.abort(), requestTimeoutMs)
    try {
      // text/plain keeps the request "simple": no CORS preflight to a collector on another origin.
      const response = await fetch(options.url!, {
        method: 'POST',
        body,
        credentials: 'omit',
        // Over the quota, a keepalive fetch fails at once, on every retry: send such a body plainly.
        keepalive: byteLength(body) <= maxBeaconBytes,
        headers: { 'Content-Type': 'text/plain' },
        signal: abort.signal,
      })
      // Read the answer to its end: Chromium counts a keepalive request against its 64 KB
      // in-flight quota until then, and every later send would fail.
      await response.text().catch(() => '')
      return { verdict: verdictOf(response.status), retryAfter: response.headers.get('Retry-After'), status: response.status }
    } catch {
      return { verdict: 'retry', retryAfter: null, status: 0 }
    } finally {
      clearTimeout(timeout)
    }
  }

  /** Sends entries; a rejected batch is halved until the one bad event is found and dropped. */
  const deliver = async (entries: Entry[]): Promise<boolean> => {
    const messages = entries.map((entry) => entry.message)
    if (dropped && messages[0])
      messages[0] = { ...messages[0], context: { ...messages[0].context, journeykit: { ...messages[0].context.journeykit, dropped } } }
    const { verdict, retryAfter, status } = await post(messages)
    if (verdict === 'sent' || (verdict === 'split' && entries.length === 1)) {
      if (verdict === 'split') reportError('flush', `the collector refused event ${entries[0]!.message.messageId}; it was dropped`)
      if (verdict === 'sent' && messages[0]?.context.journeykit?.dropped) dropped = 0
      await outbox.remove(entries.map((entry) => entry.key))
      const sent = new Set(messages.map((m) => m.messageId))
      recent = recent.filter((m) => !sent.has(m.messageId))
      failures = 0
      return true
    }
    if (verdict === 'split') {
      const half = Math.ceil(entries.length / 2)
      return (await deliver(entries.slice(0, half))) && deliver(entries.slice(half))
    }
    // A dead collector costs the page one clear console.error per outage, not one per retry.
    if (failures++ === 0) reportError('flush', `the collector ${status ? `answered ${status}` : 'could not be reached'}; events are kept and will be retried`)
    const wait = backoffMs(failures, verdict, retryAfter)
    waitUntil = Date.now() + wait
    if (retryAfter) retryAfterUntil = waitUntil
    schedule(wait, true)
    return false
  }

  const sendAll = async () => {
    await writes
    dropped += await outbox.trim(Date.now())
    unsent = 0
    for (;;) {
      const entries = fitBatch(await outbox.peek(maxBatchEvents))
      if (entries.length === 0 || !(await deliver(entries))) return
    }
  }

  // One tab sends at a time; a tab that finds the lock taken leaves the work to that one.
  const exclusively = (run: () => Promise<void>): Promise<void> => withLock(sendLock, async (held) => (held ? run() : undefined), true)

  /** `automatic`: from a timer or a full batch, which wait out a backoff; `flush()` does not. */
  const flush = (automatic = false): Promise<void> => {
    sending = sending.then(() => {
      if (held || !options.url || Date.now() < retryAfterUntil || (automatic && Date.now() < waitUntil)) return
      return exclusively(sendAll).catch((err) => reportError('flush', err))
    })
    return sending
  }

  // pagehide: the page may never run code again, so hand this tab's recent events to the
  // browser. They stay in the outbox too: the collector drops the duplicate messageIds.
  // A page going into the back/forward cache must start no async work: a callback that runs
  // while it is frozen gets it evicted (Chromium: "JavaScriptExecution").
  let frozen = false
  const stopPageshow = listen(window, 'pageshow', () => (frozen = false))
  const stopPagehide = listen<PageTransitionEvent>(window, 'pagehide', (event) => {
    frozen = event.persisted
    if (held || !options.url || typeof navigator.sendBeacon !== 'function') return
    for (const chunk of chunks(recent, maxBeaconBytes)) {
      if (!navigator.sendBeacon(options.url, JSON.stringify(buildBatch(chunk, options.writeKey, new Date())))) return
    }
  })
  const stopHidden = listen(document, 'visibilitychange', () => document.visibilityState === 'hidden' && !frozen && void flush(true))
  // Back online: retry now, not when a backoff grown during the offline spell runs out (up to 5 min).
  const stopOnline = listen(window, 'online', () => {
    waitUntil = 0
    void flush(true)
  })
  schedule(0) // what earlier pages left behind

  return {
    enqueue(message) {
      if (held) held.push(message)
      else store([message])
    },
    flush: () => flush(),
    setHeld(value) {
      if (value || !held) return
      const release = held
      held = null
      if (release.length) store(release)
      void flush()
    },
    clear() {
      if (held) held = []
      recent = []
      pending = null
      writes = writes.then(() => outbox.clear())
    },
    rewrite(change) {
      if (held) held = held.map(change).filter((message): message is Message => message !== null)
    },
    held: () => held ?? [],
    stop() {
      clearTimeout(timer)
      stopPagehide()
      stopPageshow()
      stopHidden()
      stopOnline()
    },
  }
}

/** As many of the oldest entries as fit one batch (≤ 100 events, ≤ 500 KB). */
export function fitBatch(entries: Entry[]): Entry[] {
  let bytes = 100
  const batch: Entry[] = []
  for (const entry of entries) {
    bytes += byteLength(JSON.stringify(entry.message)) + 1
    if (batch.length > 0 && bytes > maxBatchBytes) break
    batch.push(entry)
  }
  return batch
}

/** Splits messages into beacon-sized groups (each body ≤ 60 KB). */
export function chunks(messages: Message[], limit: number): Message[][] {
  const groups: Message[][] = []
  let group: Message[] = []
  let bytes = 100
  for (const message of messages) {
    const size = byteLength(JSON.stringify(message)) + 1
    if (group.length && bytes + size > limit) {
      groups.push(group)
      group = []
      bytes = 100
    }
    group.push(message)
    bytes += size
  }
  if (group.length) groups.push(group)
  return groups
}
