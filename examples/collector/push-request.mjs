// Reads one `push_requested` event (contract §8b) into what the schedule keeps, and builds the
// outcome events the collector records for it. No I/O, no clock: times are arguments.

/** `context.library.name` of the outcomes the collector records. It tells a reader who wrote one; it proves nothing (a POST can say the same). */
export const recorder = 'journeykit-collector'
/** The §5b keys; anything else in `properties.push` stays out of the message. */
const payloadKeys = ['title', 'body', 'icon', 'image', 'badge', 'tag', 'url', 'actions', 'requireInteraction']
/** A request further ahead than this is refused (the runtime allows `after` up to 30 days). */
export const maxDelay = 31 * 24 * 3600 * 1000

const text = (value) => (typeof value === 'string' && value.length > 0 ? value : null)
const isObject = (value) => value !== null && typeof value === 'object' && !Array.isArray(value)

/** The rule, or the journey/run/step, that asked: copied onto every outcome. */
export function sourceOf(properties) {
  if (!isObject(properties)) return {}
  if (text(properties.journey)) return { journey: properties.journey, run: properties.run ?? null, step: text(properties.step) }
  return text(properties.rule) ? { rule: properties.rule } : {}
}

/**
 * The tag a request's notification gets when its payload names none: one per rule or journey
 * step. A notification with the tag of one already shown replaces it, so a push sent twice (by
 * a pipeline that delivers at least once) or the same rule firing again leaves one notification.
 */
export function tagFor(tag, source) {
  if (text(tag)) return tag
  if (source.journey) return `journeykit:${source.journey}:${source.step ?? ''}`
  return `journeykit:${source.rule ?? 'push'}`
}

/** Only https endpoints by default: the collector POSTs wherever an event says (see README). */
export const httpsOnly = (url) => url.protocol === 'https:'

/**
 * `{ request }` for a `push_requested` track event the collector can send, else `{ problem, source }`.
 * A request: `{ id, anonymousId, userId, requestedAt, sendAt, cancelOn, subscription, payload, source }`
 * (times in ms: `requestedAt` is the event's timestamp, `sendAt` defaults to it).
 */
export function readRequest(event, allowEndpoint = httpsOnly) {
  const properties = isObject(event.properties) ? event.properties : {}
  const source = sourceOf(properties)
  const push = isObject(properties.push) ? properties.push : {}
  if (!text(push.title)) return { source, problem: 'push.title must be text' }
  const payload = {}
  for (const key of payloadKeys) if (push[key] !== undefined && push[key] !== null) payload[key] = push[key]
  payload.tag = tagFor(push.tag, source)

  const subscription = isObject(properties.subscription) ? properties.subscription : {}
  const keys = isObject(subscription.keys) ? subscription.keys : {}
  if (!text(keys.p256dh) || !text(keys.auth)) return { source, problem: 'subscription.keys needs p256dh and auth' }
  let endpoint
  try {
    endpoint = new URL(subscription.endpoint)
  } catch {
    return { source, problem: 'subscription.endpoint must be a URL' }
  }
  if (!allowEndpoint(endpoint)) return { source, problem: `subscription.endpoint ${endpoint.origin} is not allowed` }

  const requestedAt = Date.parse(event.timestamp)
  const sendAt = properties.sendAt == null ? requestedAt : Date.parse(properties.sendAt)
  if (Number.isNaN(requestedAt) || Number.isNaN(sendAt)) return { source, problem: 'sendAt must be an ISO time' }
  if (sendAt - requestedAt > maxDelay) return { source, problem: 'sendAt is more than 31 days after the request' }
  const cancelOn = Array.isArray(properties.cancelOn) ? properties.cancelOn.filter(text) : []
  return {
    request: {
      id: event.messageId,
      anonymousId: text(event.anonymousId),
      userId: text(event.userId),
      requestedAt,
      sendAt,
      cancelOn,
      subscription: { endpoint: subscription.endpoint, keys: { p256dh: keys.p256dh, auth: keys.auth } },
      payload,
      source,
    },
  }
}

/**
 * The event recording what became of a request (`push_sent`, `push_cancelled`, `push_failed`),
 * as the visitor's: it sits beside their other events. One per request, so its messageId is
 * derived from the request's and the collector's dedupe keeps a second one out.
 */
export function outcome(name, request, now, extra = {}) {
  return {
    type: 'track',
    event: name,
    messageId: `${name}:${request.id}`,
    anonymousId: request.anonymousId ?? null,
    userId: request.userId ?? null,
    timestamp: new Date(now).toISOString(),
    properties: {
      request: request.id,
      ...request.source,
      tag: request.payload?.tag ?? null,
      sendAt: Number.isNaN(request.sendAt ?? NaN) ? null : new Date(request.sendAt).toISOString(),
      ...extra,
    },
    context: { library: { name: recorder } },
  }
}
