// The push schedule's decisions (contract §8b) with no I/O and no clock of its own: which
// requests wait, which are due, which a later event cancels, which go to a subscription that is
// gone. It is fed the collector's own records once (its push log, which no POST reaches: mark),
// then every stored event once, in file order (add). What it decides comes back as outcome events
// for the collector to record, and recording them is what marks a request done: after a restart
// the push log tells the same story. A `push_sent` that arrives in a batch is an event like any
// other, whatever library it names: it marks nothing.
import { outcome, readRequest } from './push-request.mjs'

const goneStatuses = new Set([404, 410])
const retryable = (status) => status === null || status === 429 || status >= 500

/**
 * Options: `ttl` (seconds a push service keeps a message for an offline browser; a request more
 * than this late is `expired` instead of sent), `retryDelays` (ms before each further attempt
 * after a network error, 429 or 5xx), `allowEndpoint(url)` (which push services to POST to).
 */
export function createPushSchedule({ ttl = 24 * 3600, retryDelays = [30_000, 300_000], allowEndpoint } = {}) {
  const waiting = new Map() // request id → request (+ attempts, retryAt, sending)
  const done = new Set() // ids with an outcome, decided here or read back from the file
  const recorded = new Set() // ids whose outcome was read back (the file has it)
  const gone = new Set() // endpoints answered 404/410
  const attempted = new Set() // ids whose POST began and has no answer recorded (push log: `sending`)
  const latest = new Map() // 'a:<anonymousId>' or 'u:<userId>' → Map(event name → latest timestamp)

  const visitorKeys = (who) => [who.anonymousId && `a:${who.anonymousId}`, who.userId && `u:${who.userId}`].filter(Boolean)
  const finish = (request, name, now, extra) => {
    waiting.delete(request.id)
    done.add(request.id)
    return outcome(name, request, now, extra)
  }
  /** The first of the request's cancelOn events this visitor sent after it (by timestamp), or null. */
  const cancelledBy = (request) => {
    for (const name of request.cancelOn) {
      for (const key of visitorKeys(request)) if ((latest.get(key)?.get(name) ?? -Infinity) > request.requestedAt) return name
    }
    return null
  }

  function remember(event, name, time) {
    if (Number.isNaN(time)) return
    for (const key of visitorKeys({ anonymousId: event.anonymousId, userId: event.userId })) {
      const names = latest.get(key) ?? latest.set(key, new Map()).get(key)
      if (!(names.get(name) >= time)) names.set(name, time)
    }
  }

  function request(event, now) {
    const id = event.messageId
    if (typeof id !== 'string' || done.has(id) || waiting.has(id)) return []
    const { request: read, problem, source } = readRequest(event, allowEndpoint)
    if (problem) {
      const partial = { id, anonymousId: event.anonymousId, userId: event.userId, source, sendAt: Date.parse(event.properties?.sendAt) }
      return [finish(partial, 'push_failed', now, { status: null, reason: 'invalid', problem })]
    }
    waiting.set(id, { ...read, attempts: 0, retryAt: null, sending: false })
    // A POST began before the last stop and its answer never reached the log: the push service may
    // have taken it. Without a provider's idempotency, sending again could show it twice: it is not.
    if (attempted.has(id)) return [finish(read, 'push_failed', now, { status: null, reason: 'unknown-after-restart' })]
    const by = cancelledBy(read) // a cancelOn event that arrived first but happened after
    if (by) return [finish(read, 'push_cancelled', now, { by })]
    if (gone.has(read.subscription.endpoint)) return [finish(read, 'push_failed', now, goneAgain(read))]
    return []
  }
  const goneAgain = (request) => ({ status: null, reason: 'gone', endpoint: request.subscription.endpoint })

  /**
   * Takes one stored event; returns the outcome events it decides (to be stored). A cancelOn
   * event cancels the visitor's waiting requests it came after, by timestamp: events arrive late
   * and out of order (an offline outbox, another tab), and "after" means after in the visit.
   */
  function add(event, now) {
    if (!event || typeof event !== 'object') return []
    const name = event.type === 'track' ? event.event : event.type === 'page' ? 'page_view' : event.type
    if (typeof name !== 'string') return []
    const time = Date.parse(event.timestamp)
    const outcomes = []
    for (const waited of waiting.values()) {
      if (waited.sending || !waited.cancelOn.includes(name) || !(time > waited.requestedAt)) continue
      const same = (waited.anonymousId && event.anonymousId === waited.anonymousId) || (waited.userId && event.userId === waited.userId)
      if (same) outcomes.push(finish(waited, 'push_cancelled', now, { by: name }))
    }
    remember(event, name, time)
    if (name === 'push_requested' && event.type === 'track') outcomes.push(...request(event, now))
    return outcomes
  }

  /**
   * Takes one of the collector's own records, read back from its push log or just written there:
   * `{ sending: id }` (a POST begins), `{ retrying: id }` (it was answered, to be tried again), or
   * `{ outcome }` (an event outcome() built: the request is done; a 404/410 marks its endpoint gone).
   * The log is read back before the events file: a request read back after `sending` with no
   * answer is recorded `push_failed` (`unknown-after-restart`), never sent again.
   */
  function mark(record) {
    if (typeof record.sending === 'string') return void attempted.add(record.sending)
    if (typeof record.retrying === 'string') return void attempted.delete(record.retrying)
    const event = record.outcome
    if (!event?.properties) return
    const { request: id, status, endpoint } = event.properties
    attempted.delete(id)
    waiting.delete(id)
    done.add(id)
    recorded.add(id)
    if (event.event === 'push_failed' && goneStatuses.has(status) && typeof endpoint === 'string') gone.add(endpoint)
  }

  /**
   * Requests to send now (at most `limit`), marked as being sent, and the outcomes of those that
   * are due but must not be sent: their subscription is gone, or they are more than `ttl` late.
   */
  function due(now, limit = Infinity) {
    const send = []
    const outcomes = []
    for (const request of waiting.values()) {
      if (request.sending || (request.retryAt ?? request.sendAt) > now) continue
      if (gone.has(request.subscription.endpoint)) outcomes.push(finish(request, 'push_failed', now, goneAgain(request)))
      else if (now - request.sendAt > ttl * 1000) outcomes.push(finish(request, 'push_failed', now, { status: null, reason: 'expired' }))
      else if (send.length < limit) {
        request.sending = true
        send.push(request)
      }
    }
    return { send, outcomes }
  }

  /**
   * What the push service answered for a request from due(): `{ status }` (null: no answer),
   * optionally `retryAfter` (seconds) and `invalid` (web-push refused the subscription's keys).
   * Returns the outcome to store, or null when another attempt is scheduled.
   */
  function settle(request, { status = null, retryAfter = 0, invalid = null }, now) {
    request.sending = false
    if (done.has(request.id)) return null
    if (invalid) return finish(request, 'push_failed', now, { status: null, reason: 'invalid', problem: invalid })
    if (status >= 200 && status < 300) return finish(request, 'push_sent', now, { status })
    if (goneStatuses.has(status)) {
      gone.add(request.subscription.endpoint) // at once: requests due in the same tick must not use it
      return finish(request, 'push_failed', now, { status, reason: 'gone', endpoint: request.subscription.endpoint })
    }
    if (retryable(status) && request.attempts < retryDelays.length) {
      const by = cancelledBy(request) // a cancel that came in while this attempt was under way
      if (by) return finish(request, 'push_cancelled', now, { by })
      request.retryAt = now + Math.max(retryDelays[request.attempts], (Number(retryAfter) || 0) * 1000)
      request.attempts++
      return null
    }
    return finish(request, 'push_failed', now, { status, reason: status === null ? 'unreachable' : retryable(status) ? 'unavailable' : 'rejected' })
  }

  /** When the next request is due (ms), or null when none waits. */
  function nextAt() {
    let next = null
    for (const request of waiting.values()) {
      const at = request.retryAt ?? request.sendAt
      if (!request.sending && (next === null || at < next)) next = at
    }
    return next
  }

  return {
    add,
    mark,
    due,
    settle,
    nextAt,
    /** The requests still waiting (not yet sent, cancelled or failed). */
    waiting: () => [...waiting.values()],
    /** True when the push log holds an outcome for this request (read back or recorded since). */
    recorded: (id) => recorded.has(id),
    isGone: (endpoint) => gone.has(endpoint),
  }
}
