// Web push for the collector (contract §8b): the schedule (push-schedule.mjs) fed with every
// stored event, the sender (push-sender.mjs) and the VAPID keys (vapid.mjs). The events file is
// the schedule's write-ahead log: a `push_requested` is on disk before its batch is answered and
// before any timer can pick it; its outcome is stored after the push service answered.
import { dirname, join, resolve } from 'node:path'
import { createPushSchedule } from './push-schedule.mjs'
import { startPushSender } from './push-sender.mjs'
import { loadVapidKeys } from './vapid.mjs'

/**
 * Options (`push` of startCollector): `keys` ({ publicKey, privateKey, subject }), or `env`
 * (default process.env: VAPID_PUBLIC_KEY, VAPID_PRIVATE_KEY, VAPID_SUBJECT) and `keysFile`
 * (default: VAPID_KEYS_FILE, else vapid-keys.json beside the events file); `ttl`
 * (seconds, default a day), `retryDelays` (ms), `timeout` (ms per POST), `allowEndpoint(url)`
 * (default: https only). Null when web-push is not installed: requests are kept, not sent.
 */
export async function preparePushes(options, { file, log }) {
  const webpush = await import('web-push').then((module) => module.default ?? module).catch(() => null)
  if (!webpush) {
    log('push: web-push is not installed (npm install web-push): push_requested events are stored, not sent')
    return null
  }
  const { keys, env = process.env, ttl = 24 * 3600, retryDelays, timeout, allowEndpoint } = options
  const keysFile = options.keysFile ?? (env.VAPID_KEYS_FILE ? resolve(env.VAPID_KEYS_FILE) : join(dirname(file), 'vapid-keys.json'))
  const vapid = keys ? { ...keys, source: 'options', file: null } : loadVapidKeys(webpush, { file: keysFile, env })
  const schedule = createPushSchedule({ ttl, retryDelays, allowEndpoint })
  return {
    schedule,
    vapid,
    /** Starts sending; `record(event)` stores an outcome (and feeds it back to the schedule). */
    start: (record) =>
      startPushSender({
        schedule,
        webpush,
        vapid: { subject: vapid.subject, publicKey: vapid.publicKey, privateKey: vapid.privateKey },
        ttl,
        timeout,
        record,
        log,
      }),
  }
}
