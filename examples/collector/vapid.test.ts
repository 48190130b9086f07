// The collector's VAPID keys against the site's config (issue 24): it says where its keys are
// and whether it made them now, refuses to send with keys the config does not name (holding the
// pushes, still collecting events), and two events files can share one keys file. Over real
// HTTP on 127.0.0.1, with a stand-in push service; the last test runs the command line.
import { afterEach, describe, expect, it, vi } from 'vitest'
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { randomUUID } from 'node:crypto'
import { spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'
// @ts-expect-error plain .mjs example without types
import { startCollector } from './server.mjs'
// @ts-expect-error plain .mjs example without types
import { keysOrigin, keysProblem } from './vapid.mjs'
// @ts-expect-error plain .mjs example without types
import { createSubscriber, readVapid, startPushService } from './fake-push-service.mjs'

type Event = Record<string, any>
const slow = 60_000
const wait = { timeout: 10_000 }
const cleanups: Array<() => Promise<unknown>> = []
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!()
})

const folder = () => mkdtempSync(join(tmpdir(), 'jk-vapid-'))
const keysOf = (publicKey: string) => ({ publicKey, privateKey: 'private', source: 'file', file: '/srv/jk/vapid-keys.json' })
const configWith = (vapidPublicKey: unknown) => ({ version: 1, push: { vapidPublicKey, serviceWorker: '/journeykit-sw.js' } })
const ours = 'BEl62iUYgUivxIkv69yViEuiBIa-Ib9-SkvMeAtA3LFgDzkrxZJjSgSnfckjBJuBkr3qBUYIHBQFLXYp5Nksh8U'
const theirs = 'BNcRdreALRFXTkOOUHK1EtK2wtaz5Ry4YfYCA_0QTpQtUbVlUls0VJXg7A8u-Ts1XbjhazAkj7I99e8QcYP7DkM'

// [what, the config, a problem expected (null: pushes may go)]
const cases: Array<[string, unknown, RegExp | null]> = [
  ['the config names the same key', configWith(ours), null],
  ['the same key written in base64 with padding', configWith(ours.replaceAll('-', '+').replaceAll('_', '/') + '='), null],
  ['no config known', null, null],
  ['a config without push', { version: 1 }, null],
  ['a push block without a key', { version: 1, push: {} }, null],
  [
    'another key',
    configWith(theirs),
    /its push\.vapidPublicKey is BNcRdreALRFX… \(site\/journeykit\.json\), the collector's public key is BEl62iUYgUiv… \(\/srv\/jk\/vapid-keys\.json\)/,
  ],
  ['a placeholder where the key goes', configWith('B...'), /its push\.vapidPublicKey is "B\.\.\." \(site\/journeykit\.json\)/],
]

describe('the keys against the site config, decided', () => {
  it.each(cases)('%s', (_what, config, expected) => {
    const problem = keysProblem(keysOf(ours), config, 'site/journeykit.json')
    if (expected === null) expect(problem).toBeNull()
    else expect(problem).toMatch(expected)
  })

  it.each([
    [{ source: 'created', file: '/a/vapid-keys.json' }, 'made now in /a/vapid-keys.json'],
    [{ source: 'file', file: '/a/vapid-keys.json' }, 'read from /a/vapid-keys.json'],
    [{ source: 'environment', file: null }, 'read from the environment (VAPID_PUBLIC_KEY, VAPID_PRIVATE_KEY)'],
  ])('says where keys %o came from', (vapid, words) => {
    expect(keysOrigin(vapid)).toBe(words)
  })
})

async function pushService() {
  const service = await startPushService()
  cleanups.push(() => service.close())
  return service
}
async function collector(options: Event) {
  const started = await startCollector({ port: 0, ...options })
  let open = true
  const close = async () => {
    if (open) await started.close()
    open = false
  }
  cleanups.push(close)
  return { ...started, close }
}
const pushOptions = (service: { url: string }, more: Event = {}) => ({
  env: {},
  allowEndpoint: (url: URL) => url.origin === service.url,
  recheck: 200,
  ...more,
})
function requested(endpoint: string) {
  const subscriber = createSubscriber(endpoint)
  const time = Date.now()
  return {
    type: 'track',
    event: 'push_requested',
    messageId: randomUUID(),
    anonymousId: 'visitor-1',
    userId: null,
    timestamp: new Date(time).toISOString(),
    properties: {
      push: { title: 'Still thinking it over?' },
      sendAt: new Date(time).toISOString(),
      cancelOn: [],
      subscription: subscriber.subscription,
      rule: 'left-cart',
    },
  }
}
async function post(url: string, ...batch: Event[]) {
  const response = await fetch(url, { method: 'POST', body: JSON.stringify({ batch }) })
  expect(response.status).toBe(200)
  return response.json()
}
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

describe('the collector says where its keys are, and refuses keys the site config does not name', () => {
  it(
    'says it made its keys now, then that it read them, and where',
    async () => {
      const dir = folder()
      const said = vi.spyOn(console, 'log').mockImplementation(() => {})
      const first = await collector({ file: join(dir, 'events.ndjson'), log: true, push: { env: {} } })
      const keys = join(dir, 'vapid-keys.json')
      expect(first.vapidKeys).toEqual({ source: 'created', file: keys })
      expect(said).toHaveBeenCalledWith(`push: VAPID keys made now in ${keys}; public key ${first.vapidPublicKey}`)
      expect(said).toHaveBeenCalledWith(expect.stringMatching(/^push: no site config \(CONFIG=/))
      await first.close()
      said.mockClear()

      const second = await collector({ file: join(dir, 'events.ndjson'), log: true, push: { env: {} } })
      expect(second.vapidPublicKey).toBe(first.vapidPublicKey)
      expect(said).toHaveBeenCalledWith(`push: VAPID keys read from ${keys}; public key ${first.vapidPublicKey}`)
    },
    slow,
  )

  it(
    'holds the pushes while the config names another key, still collects, and sends once the config is fixed',
    async () => {
      const service = await pushService()
      const dir = folder()
      const config = join(dir, 'journeykit.json')
      writeFileSync(config, JSON.stringify(configWith(theirs)))
      const errors = vi.spyOn(console, 'error').mockImplementation(() => {})
      const server = await collector({ file: join(dir, 'events.ndjson'), config, push: pushOptions(service) })

      const keys = join(dir, 'vapid-keys.json')
      expect(errors).toHaveBeenCalledTimes(1)
      const [message] = errors.mock.calls[0]!
      expect(message).toContain(`push.vapidPublicKey is ${theirs.slice(0, 12)}… (${config})`)
      expect(message).toContain(`the collector's public key is ${server.vapidPublicKey.slice(0, 12)}… (${keys})`)
      expect(message).toContain('Pushes are held, not sent')
      expect(server.pushProblem()).toBe(message)

      // the request is stored, the answer says the push waits, and nothing reaches the push service
      const request = requested(`${service.url}/sub/1`)
      const answer = await post(server.batchUrl, request)
      expect(answer).toMatchObject({ ok: true, accepted: 1, pushesHeld: message })
      expect(server.events().map((e: Event) => e.event)).toEqual(['push_requested'])
      const funnel = await (await fetch(`${server.url}/funnel.json`)).json()
      expect(funnel.pushProblem).toBe(message)
      await sleep(1_000) // five rechecks
      expect(service.received).toEqual([])
      expect(server.pushes().map((r: Event) => r.id)).toEqual([request.messageId])

      // the owner puts the collector's key in the config: the held push goes, signed with it
      writeFileSync(config, JSON.stringify(configWith(server.vapidPublicKey)))
      await vi.waitFor(() => expect(service.received).toHaveLength(1), wait)
      expect(readVapid(service.received[0].headers.authorization)).toMatchObject({ valid: true, publicKey: server.vapidPublicKey })
      await vi.waitFor(() => expect(server.events().map((e: Event) => e.event)).toEqual(['push_requested', 'push_sent']), wait)
      expect(server.pushProblem()).toBeNull()
      expect(errors).toHaveBeenCalledTimes(1)
    },
    slow,
  )

  it(
    'shares one keys file between two events files, and never makes keys where it was pointed at old ones',
    async () => {
      const service = await pushService()
      const [one, two] = [folder(), folder()]
      const first = await collector({ file: join(one, 'events.ndjson'), push: pushOptions(service) })
      await first.close()
      const shared = join(one, 'vapid-keys.json')
      const config = { version: 1, push: { vapidPublicKey: first.vapidPublicKey } }

      const second = await collector({ file: join(two, 'events.ndjson'), config, push: pushOptions(service, { env: { VAPID_KEYS_FROM: shared } }) })
      expect(second.vapidPublicKey).toBe(first.vapidPublicKey)
      expect(second.vapidKeys).toEqual({ source: 'file', file: shared })
      expect(existsSync(join(two, 'vapid-keys.json'))).toBe(false)
      expect(second.pushProblem()).toBeNull()
      await post(second.batchUrl, requested(`${service.url}/sub/2`))
      await vi.waitFor(() => expect(service.received).toHaveLength(1), wait)
      expect(readVapid(service.received[0].headers.authorization)).toMatchObject({ valid: true, publicKey: first.vapidPublicKey })
      await second.close()

      // a mistyped path: no new keys, no pushes, a clear error; events are still collected
      const errors = vi.spyOn(console, 'error').mockImplementation(() => {})
      const missing = join(one, 'vapid-key.json')
      const third = await collector({ file: join(two, 'events.ndjson'), config, push: pushOptions(service, { keysFrom: missing }) })
      expect(existsSync(missing)).toBe(false)
      expect(existsSync(join(two, 'vapid-keys.json'))).toBe(false)
      expect(third.vapidPublicKey).toBeNull()
      expect(errors).toHaveBeenCalledWith(expect.stringContaining(`${missing}: no such keys file`))
      const answer = await post(third.batchUrl, requested(`${service.url}/sub/3`))
      expect(answer).toMatchObject({ accepted: 1, pushesHeld: expect.stringContaining('no VAPID keys') })
      await sleep(600)
      expect(service.received).toHaveLength(1)
    },
    slow,
  )

  it(
    'on the command line: says where the keys are, and names both keys and the file when they differ',
    async () => {
      const dir = folder()
      const config = join(dir, 'journeykit.json')
      writeFileSync(config, JSON.stringify(configWith(theirs)))
      const server = fileURLToPath(new URL('./server.mjs', import.meta.url))
      const env = { PATH: process.env.PATH, PORT: '0', FILE: join(dir, 'other', 'events.ndjson'), CONFIG: config }
      const child = spawn(process.execPath, [server], { env, stdio: ['ignore', 'pipe', 'pipe'] })
      const exited = new Promise((done) => child.once('exit', done))
      cleanups.push(async () => {
        child.kill('SIGTERM')
        await exited
      })
      let [out, err] = ['', '']
      child.stdout!.on('data', (chunk) => (out += chunk))
      child.stderr!.on('data', (chunk) => (err += chunk))
      await vi.waitFor(() => expect(out).toContain('collector listening on'), wait)
      const keys = join(dir, 'other', 'vapid-keys.json')
      const { publicKey } = JSON.parse(readFileSync(keys, 'utf8'))
      expect(out).toContain(`push: VAPID keys made now in ${keys}; public key ${publicKey}`)
      expect(err).toContain(
        `its push.vapidPublicKey is ${theirs.slice(0, 12)}… (${config}), the collector's public key is ${publicKey.slice(0, 12)}… (${keys})`,
      )
    },
    slow,
  )
})
