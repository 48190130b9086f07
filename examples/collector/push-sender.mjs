// Sends what the push schedule says is due, with web-push's encryption and VAPID headers, and
// hands each outcome to `record` (the collector's push log: that is the "sent" mark). One timer,
// armed for the next due request; never fires a send before its sendAt (the schedule checks the
// clock again when it wakes, and Node timers may fire a millisecond early).
import { createHash } from 'node:crypto'

const longestWait = 60 * 60 * 1000 // re-check at least hourly: a clock change must not strand a request
const concurrency = 8

/** RFC 8030 Topic (≤ 32 URL-safe base64 chars): a push service replaces a waiting message of the same topic. */
export const topicFor = (tag) => createHash('sha256').update(tag).digest('base64url').slice(0, 32)

/**
 * POSTs one request to its push service. web-push builds the request (aes128gcm encryption,
 * VAPID `Authorization`, TTL, Topic); fetch sends it, so an `http:` endpoint works too where
 * `allowEndpoint` lets one through (a local stand-in push service in tests).
 */
export async function deliver(webpush, request, { vapid, ttl, timeout = 10_000 }) {
  let details
  try {
    details = webpush.generateRequestDetails(request.subscription, JSON.stringify(request.payload), {
      vapidDetails: vapid,
      TTL: ttl,
      topic: topicFor(request.payload.tag),
    })
  } catch (error) {
    return { invalid: String(error?.message ?? error) } // malformed p256dh/auth: no attempt can work
  }
  const headers = {}
  for (const [name, value] of Object.entries(details.headers)) if (name.toLowerCase() !== 'content-length') headers[name] = String(value)
  try {
    const response = await fetch(details.endpoint, { method: 'POST', headers, body: details.body, redirect: 'manual', signal: AbortSignal.timeout(timeout) })
    await response.arrayBuffer().catch(() => null)
    return { status: response.status, retryAfter: Number(response.headers.get('retry-after')) || 0 }
  } catch {
    return { status: null } // refused, reset, timed out: retried
  }
}

/**
 * Starts the timer; `wake()` after adding requests, `close()` waits for sends under way. `note`
 * writes to the push log: `{ sending }` is on disk before the POST begins, `{ retrying }` after an
 * answer that asks for another attempt, so a crash mid-send is known at restart (push-schedule.mjs).
 * While `held()` returns a reason (keys that do not fit the site's config), nothing is sent and
 * nothing expires: due requests wait, each logged once, and the reason is looked at again every
 * `recheck` ms, so a fixed config lets them go without a restart.
 */
export function startPushSender({ schedule, webpush, vapid, ttl, record, note, timeout, now = Date.now, log = () => {}, held = () => null, recheck = 30_000 }) {
  let timer = null
  let closed = false
  let holding = false
  const told = new Set() // held requests already logged
  const inFlight = new Set()

  function arm() {
    clearTimeout(timer)
    timer = null
    const at = schedule.nextAt()
    if (closed || at === null || inFlight.size >= concurrency) return
    timer = setTimeout(tick, Math.min(Math.max(at - now(), holding ? recheck : 0), longestWait))
  }

  /** True (and each due request logged once) while sending is held. */
  function hold() {
    const reason = held()
    holding = reason !== null
    if (!holding) return false
    for (const request of schedule.waiting()) {
      if (told.has(request.id) || (request.retryAt ?? request.sendAt) > now()) continue
      told.add(request.id)
      log(`push ${request.id}: due, held (not sent) until the VAPID keys are sorted out`)
    }
    return true
  }

  function tick() {
    timer = null
    if (closed) return
    if (hold()) return arm()
    const { send, outcomes } = schedule.due(now(), concurrency - inFlight.size)
    for (const event of outcomes) record(event)
    for (const request of send) {
      note({ sending: request.id, time: new Date(now()).toISOString() })
      const sending = deliver(webpush, request, { vapid, ttl, timeout })
        .then((answer) => {
          const event = schedule.settle(request, answer, now())
          if (event) return record(event)
          note({ retrying: request.id, status: answer.status ?? null, time: new Date(now()).toISOString() })
          log(`push ${request.id}: ${answer.status ?? 'no answer'}, retrying`)
        })
        .catch((error) => log(`push ${request.id}: ${error?.message ?? error}`))
        .finally(() => {
          inFlight.delete(sending)
          arm()
        })
      inFlight.add(sending)
    }
    arm()
  }

  return {
    wake: arm,
    async close() {
      closed = true
      clearTimeout(timer)
      await Promise.all(inFlight)
    },
  }
}
