// Checks the Segment batch envelope journeykit sends (contract §5) before anything is stored.
// All or nothing: one bad event rejects the whole batch, so a sender that splits a rejected
// batch in halves can isolate the bad event without storing the good ones twice.

export const eventTypes = ['page', 'track', 'identify']
/** At most this many bad events are listed in a 400 body; `invalidCount` has the total. */
export const maxListed = 50

const iso8601 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/
const text = (value) => typeof value === 'string' && value.length > 0

/** What is wrong with one event: [] when it may be stored. */
export function eventProblems(event) {
  if (!event || typeof event !== 'object' || Array.isArray(event)) return ['not an object']
  const problems = []
  if (!eventTypes.includes(event.type)) problems.push('type must be "page", "track" or "identify"')
  if (!text(event.messageId)) problems.push('messageId must be a non-empty string')
  if (!text(event.anonymousId) && !text(event.userId)) problems.push('anonymousId or userId must be a non-empty string')
  if (typeof event.timestamp !== 'string' || !iso8601.test(event.timestamp) || Number.isNaN(Date.parse(event.timestamp))) {
    problems.push('timestamp must be an ISO 8601 date-time string')
  }
  return problems
}

/**
 * null when the parsed body may be stored, else the body of the 400 answer:
 * `{ ok: false, error, invalid: [{ index, problems }], invalidCount }` (no `invalid` when the
 * envelope itself is wrong).
 */
export function checkEnvelope(envelope) {
  if (!envelope || typeof envelope !== 'object' || Array.isArray(envelope) || !Array.isArray(envelope.batch)) {
    return { ok: false, error: 'body must be an object with an array "batch"' }
  }
  for (const key of ['writeKey', 'sentAt']) {
    if (envelope[key] != null && typeof envelope[key] !== 'string') return { ok: false, error: `"${key}" must be a string` }
  }
  const invalid = []
  let invalidCount = 0
  envelope.batch.forEach((event, index) => {
    const problems = eventProblems(event)
    if (!problems.length) return
    invalidCount++
    if (invalid.length < maxListed) invalid.push({ index, problems })
  })
  if (!invalidCount) return null
  const error = `${invalidCount} of ${envelope.batch.length} events are invalid: nothing from this batch was stored`
  return { ok: false, error, invalid, invalidCount }
}
