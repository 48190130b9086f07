// The site's VAPID keys: from the environment (VAPID_PUBLIC_KEY, VAPID_PRIVATE_KEY,
// VAPID_SUBJECT), else from an existing keys file named by VAPID_KEYS_FROM (shared, never
// created), else from the collector's own keys file, which is created (mode 600) on first
// start. The public key is the one journeykit.json's `push.vapidPublicKey` must name: a
// subscription made with another key cannot be sent to, so the collector compares the two when
// it knows the site's config (keysProblem) and holds its pushes while they differ (issue 24).
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'

export const defaultSubject = 'mailto:push@example.com'

/**
 * `{ publicKey, privateKey, subject, source: 'environment' | 'file' | 'created', file }`; throws on
 * a half-set environment, a broken file, or a `from` file that is missing. `from`: an existing
 * keys file to read (another collector's), never created; `file`: the collector's own, created
 * when missing.
 */
export function loadVapidKeys(webpush, { file, from = null, env = process.env }) {
  const { VAPID_PUBLIC_KEY: publicKey, VAPID_PRIVATE_KEY: privateKey, VAPID_SUBJECT: subject } = env
  if (publicKey || privateKey) {
    if (!publicKey || !privateKey) throw new Error('Set both VAPID_PUBLIC_KEY and VAPID_PRIVATE_KEY, or neither (then a keys file is used).')
    if (from) throw new Error(`Keys come from VAPID_PUBLIC_KEY and VAPID_PRIVATE_KEY or from the file ${from} (VAPID_KEYS_FROM), not both.`)
    return { publicKey, privateKey, subject: subject || defaultSubject, source: 'environment', file: null }
  }
  // A shared file must exist: making new keys where an owner pointed at old ones is the trap.
  if (from && !existsSync(from)) throw new Error(`${from}: no such keys file (VAPID_KEYS_FROM names an existing one; it is never created)`)
  const existing = from ?? (existsSync(file) ? file : null)
  if (existing) {
    const keys = JSON.parse(readFileSync(existing, 'utf8'))
    if (typeof keys?.publicKey !== 'string' || typeof keys?.privateKey !== 'string') throw new Error(`${existing}: needs "publicKey" and "privateKey"`)
    return { publicKey: keys.publicKey, privateKey: keys.privateKey, subject: subject || keys.subject || defaultSubject, source: 'file', file: existing }
  }
  const keys = { ...webpush.generateVAPIDKeys(), subject: subject || defaultSubject }
  mkdirSync(dirname(file), { recursive: true })
  writeFileSync(file, JSON.stringify(keys, null, 2) + '\n', { mode: 0o600, flag: 'wx' }) // wx: never overwrite keys subscriptions depend on
  return { ...keys, source: 'created', file }
}

/** Where a key set came from, in words: `made now in /…/vapid-keys.json`, `read from …`. */
export function keysOrigin({ source, file }) {
  if (source === 'created') return `made now in ${file}`
  if (source === 'file') return `read from ${file}`
  if (source === 'environment') return 'read from the environment (VAPID_PUBLIC_KEY, VAPID_PRIVATE_KEY)'
  return 'given to startCollector (push.keys)'
}

/** The first characters of a key, enough to tell two apart in a message. */
export const keyStart = (key) => (key.length > 12 ? `${key.slice(0, 12)}…` : `"${key}"`)
/** Base64url without padding: the same key written with `+/=` compares equal. */
const plain = (key) => key.trim().replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '')

/**
 * Why pushes must not be sent with these keys to the visitors of this config, or null: the
 * config (the site's journeykit.json, null when unknown) names another `push.vapidPublicKey`, so
 * its visitors subscribed with a key whose private half the collector does not hold. `where`
 * names the config (its path, or null) in the message.
 */
export function keysProblem(vapid, config, where = null) {
  const named = config?.push?.vapidPublicKey
  if (typeof named !== 'string' || plain(named) === plain(vapid.publicKey)) return null
  const keys = vapid.file ?? (vapid.source === 'environment' ? 'VAPID_PUBLIC_KEY' : 'push.keys')
  return (
    `push: the VAPID keys do not match the site config: its push.vapidPublicKey is ${keyStart(named)} (${where ?? 'the config given to the collector'}), ` +
    `the collector's public key is ${keyStart(vapid.publicKey)} (${keys}). Pushes are held, not sent, until they match; events are still collected. ` +
    `Start the collector with VAPID_KEYS_FROM=<the keys file whose public key the config names>, or put the collector's public key in the config.`
  )
}
