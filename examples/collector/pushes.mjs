// Web push for the collector (contract §8b): the schedule (push-schedule.mjs) fed with every
// stored event, the sender (push-sender.mjs) and the VAPID keys (vapid.mjs). A `push_requested`
// is on disk in the events file before its batch is answered and before any timer can pick it.
// What the collector itself decides or learns (an outcome) goes first to its push log, a file of
// its own no POST can reach: only that log marks a request done.
import { existsSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { appendEvents, readEvents } from './events-file.mjs'
import { recorder } from './push-request.mjs'
import { createPushSchedule } from './push-schedule.mjs'
import { startPushSender } from './push-sender.mjs'
import { loadVapidKeys } from './vapid.mjs'

/**
 * Options (`push` of startCollector): `keys` ({ publicKey, privateKey, subject }), or `env`
 * (default process.env: VAPID_PUBLIC_KEY, VAPID_PRIVATE_KEY, VAPID_SUBJECT), `keysFrom` (an
 * existing keys file, never created; default VAPID_KEYS_FROM) and `keysFile` (default:
 * VAPID_KEYS_FILE, else vapid-keys.json beside the events file; created when missing); `ttl`
 * (seconds, default a day), `retryDelays` (ms), `timeout` (ms per POST), `allowEndpoint(url)`
 * (default: https only), `logFile` (default: the events file's name with `.push-log.ndjson`),
 * `recheck` (ms between looks at keys that did not fit, default 30 s). Null when web-push is not
 * installed: requests are kept, not sent. Keys that cannot be read are not fatal: `vapid` is
 * null and `problem` says why; the schedule still runs (cancellations are recorded), nothing is sent.
 */
export async function preparePushes(options, { file, log }) {
  const webpush = await import('web-push').then((module) => module.default ?? module).catch(() => null)
  if (!webpush) {
    log('push: web-push is not installed (npm install web-push): push_requested events are stored, not sent')
    return null
  }
  const { keys, env = process.env, ttl = 24 * 3600, retryDelays, timeout, allowEndpoint, recheck } = options
  const keysFile = options.keysFile ?? (env.VAPID_KEYS_FILE ? resolve(env.VAPID_KEYS_FILE) : join(dirname(file), 'vapid-keys.json'))
  const keysFrom = options.keysFrom ?? (env.VAPID_KEYS_FROM ? resolve(env.VAPID_KEYS_FROM) : null)
  let vapid = null
  let problem = null
  try {
    vapid = keys ? { ...keys, source: 'options', file: null } : loadVapidKeys(webpush, { file: keysFile, from: keysFrom, env })
  } catch (error) {
    problem = `push: no VAPID keys, so no pushes are sent (events are still collected): ${error?.message ?? error}`
  }
  const schedule = createPushSchedule({ ttl, retryDelays, allowEndpoint })
  const logFile = options.logFile ?? file.replace(/(\.ndjson)?$/, '.push-log.ndjson')
  const logged = [] // the outcomes read back, for the collector to find in its events file
  readEvents(logFile, (record) => {
    schedule.mark(record)
    if (record.outcome?.properties) logged.push(record.outcome)
  })
  // The first start with a push log adopts the outcomes an earlier version kept in the events
  // file only, so an upgrade sends nothing twice; from then on the events file marks nothing.
  const upgrading = !existsSync(logFile) && existsSync(file)
  appendEvents(logFile, '', true)
  /** Writes one of the collector's own records to the push log (on disk when this returns), then marks it. */
  const note = (record) => {
    appendEvents(logFile, JSON.stringify(record) + '\n', true)
    schedule.mark(record)
  }
  const record = (event) => note({ outcome: event })
  return {
    schedule,
    vapid,
    /** Why no keys could be read (then nothing is ever sent), or null. */
    problem,
    logFile,
    logged,
    /** Writes an outcome to the push log (on disk when this returns) and marks its request done. */
    record,
    /** Each event read back from the events file, before the schedule gets it (see `upgrading`). */
    readBack(event) {
      const old = event.context?.library?.name === recorder && ['push_sent', 'push_cancelled', 'push_failed'].includes(event.event)
      if (upgrading && old && typeof event.properties?.request === 'string') record(event)
    },
    /**
     * Starts sending; `record(event)` records an outcome (this object's record, then stored as an
     * event); while `held()` returns a reason (push-keys.mjs), nothing is sent (push-sender.mjs).
     */
    start: (record, held = () => null) =>
      startPushSender({
        schedule,
        webpush,
        vapid: vapid && { subject: vapid.subject, publicKey: vapid.publicKey, privateKey: vapid.privateKey },
        ttl,
        timeout,
        record,
        note,
        log,
        held,
        recheck,
      }),
  }
}
