// The site's VAPID keys: from the environment (VAPID_PUBLIC_KEY, VAPID_PRIVATE_KEY,
// VAPID_SUBJECT), else from a keys file, which is created (mode 600) on first start. The public
// key is the one journeykit.json's `push.vapidPublicKey` must name: a subscription made with
// another key cannot be sent to.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'

export const defaultSubject = 'mailto:push@example.com'

/** `{ publicKey, privateKey, subject, source: 'environment' | 'file' | 'created', file }`; throws on a half-set environment or a broken file. */
export function loadVapidKeys(webpush, { file, env = process.env }) {
  const { VAPID_PUBLIC_KEY: publicKey, VAPID_PRIVATE_KEY: privateKey, VAPID_SUBJECT: subject } = env
  if (publicKey || privateKey) {
    if (!publicKey || !privateKey) throw new Error('Set both VAPID_PUBLIC_KEY and VAPID_PRIVATE_KEY, or neither (then a keys file is used).')
    return { publicKey, privateKey, subject: subject || defaultSubject, source: 'environment', file: null }
  }
  if (existsSync(file)) {
    const keys = JSON.parse(readFileSync(file, 'utf8'))
    if (typeof keys?.publicKey !== 'string' || typeof keys?.privateKey !== 'string') throw new Error(`${file}: needs "publicKey" and "privateKey"`)
    return { publicKey: keys.publicKey, privateKey: keys.privateKey, subject: subject || keys.subject || defaultSubject, source: 'file', file }
  }
  const keys = { ...webpush.generateVAPIDKeys(), subject: subject || defaultSubject }
  mkdirSync(dirname(file), { recursive: true })
  writeFileSync(file, JSON.stringify(keys, null, 2) + '\n', { mode: 0o600, flag: 'wx' }) // wx: never overwrite keys subscriptions depend on
  return { ...keys, source: 'created', file }
}
