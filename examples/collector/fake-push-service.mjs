// A stand-in for a push service (RFC 8030), for tests: no real one is reachable from CI. It
// records every POST and answers 201 (or what the test asks), and a subscriber made here holds a
// real P-256 key pair and auth secret, so it can decrypt what web-push encrypted (RFC 8291,
// aes128gcm) and check the VAPID signature (RFC 8292) as a browser's push service would.
import { createServer } from 'node:http'
import { createDecipheriv, createECDH, createPublicKey, hkdfSync, randomBytes, verify } from 'node:crypto'

/**
 * Listens on 127.0.0.1; `answer(status)` sets the status of the next POSTs; after `hold()` a POST
 * is recorded but not answered until `release()` (a sender can die while it waits).
 */
export async function startPushService() {
  const received = []
  let status = 201
  let holding = false
  const held = []
  const server = createServer((req, res) => {
    const chunks = []
    req.on('data', (chunk) => chunks.push(chunk))
    req.on('end', () => {
      received.push({ time: Date.now(), method: req.method, path: req.url, headers: req.headers, body: Buffer.concat(chunks) })
      const respond = () => res.destroyed || res.writeHead(status, status === 201 ? { Location: `${req.url}/message` } : {}).end()
      if (holding) held.push(respond)
      else respond()
    })
  })
  await new Promise((done) => server.listen(0, '127.0.0.1', done))
  const url = `http://127.0.0.1:${server.address().port}`
  return {
    url,
    received,
    answer(next) {
      status = next
    },
    hold() {
      holding = true
    },
    release() {
      holding = false
      for (const respond of held.splice(0)) respond()
    },
    close() {
      holding = false
      for (const respond of held.splice(0)) respond()
      return new Promise((done) => server.close(done))
    },
  }
}

/** A browser's side of one subscription: `subscription` (PushSubscriptionJSON) and `decrypt(body)`. */
export function createSubscriber(endpoint) {
  const ecdh = createECDH('prime256v1')
  ecdh.generateKeys()
  const auth = randomBytes(16)
  return {
    subscription: { endpoint, expirationTime: null, keys: { p256dh: ecdh.getPublicKey().toString('base64url'), auth: auth.toString('base64url') } },
    /** The plaintext of a one-record aes128gcm body (RFC 8188 header: salt, rs, idlen, keyid). */
    decrypt(body) {
      const salt = body.subarray(0, 16)
      const idLength = body[20]
      const senderKey = body.subarray(21, 21 + idLength)
      const sealed = body.subarray(21 + idLength)
      const info = (text) => Buffer.from(`Content-Encoding: ${text}\0`)
      const keyInfo = Buffer.concat([Buffer.from('WebPush: info\0'), ecdh.getPublicKey(), senderKey])
      const ikm = Buffer.from(hkdfSync('sha256', ecdh.computeSecret(senderKey), auth, keyInfo, 32))
      const key = Buffer.from(hkdfSync('sha256', ikm, salt, info('aes128gcm'), 16))
      const nonce = Buffer.from(hkdfSync('sha256', ikm, salt, info('nonce'), 12))
      const decipher = createDecipheriv('aes-128-gcm', key, nonce)
      decipher.setAuthTag(sealed.subarray(-16))
      const padded = Buffer.concat([decipher.update(sealed.subarray(0, -16)), decipher.final()])
      let end = padded.length - 1
      while (end > 0 && padded[end] === 0) end--
      if (padded[end] !== 2) throw new Error('not a last record (no 0x02 delimiter)')
      return padded.subarray(0, end).toString('utf8')
    },
  }
}

/** Reads `Authorization: vapid t=<JWT>, k=<public key>`: the claims, the key, and whether the ES256 signature holds. */
export function readVapid(header) {
  const match = /^vapid t=([\w-]+)\.([\w-]+)\.([\w-]+),\s*k=([\w-]+)$/.exec(header ?? '')
  if (!match) return null
  const [, head, claims, signature, publicKey] = match
  const raw = Buffer.from(publicKey, 'base64url')
  const jwk = { kty: 'EC', crv: 'P-256', x: raw.subarray(1, 33).toString('base64url'), y: raw.subarray(33, 65).toString('base64url') }
  const key = createPublicKey({ key: jwk, format: 'jwk' })
  const valid = verify('sha256', Buffer.from(`${head}.${claims}`), { key, dsaEncoding: 'ieee-p1363' }, Buffer.from(signature, 'base64url'))
  return { valid, publicKey, claims: JSON.parse(Buffer.from(claims, 'base64url').toString('utf8')) }
}
