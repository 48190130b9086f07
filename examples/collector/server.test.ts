// The collector's HTTP surface, over real HTTP: CORS only on ingest, and what it collected is
// for its own page only (contract §8b). node:http, not fetch: fetch cannot set Origin or Sec-Fetch-*.
import { afterEach, describe, expect, it } from 'vitest'
import { request } from 'node:http'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
// @ts-expect-error plain .mjs example without types
import { startCollector } from './server.mjs'

type Answer = { status: number; headers: Record<string, string | string[] | undefined>; body: string }
const cleanups: Array<() => Promise<unknown>> = []
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!()
})

async function collector() {
  const file = join(mkdtempSync(join(tmpdir(), 'jk-server-')), 'events.ndjson')
  const started = await startCollector({ port: 0, file, push: false })
  cleanups.push(() => started.close())
  return started
}

/** One request; for /stream, the answer up to its first bytes (the stream stays open). */
function send(url: string, { method = 'GET', headers = {}, body }: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method, headers }, (res) => {
      let text = ''
      res.setEncoding('utf8')
      res.on('data', (chunk) => {
        text += chunk
        if (res.headers['content-type'] === 'text/event-stream') {
          resolve({ status: res.statusCode!, headers: res.headers, body: text })
          res.destroy()
        }
      })
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: text }))
    })
    req.on('error', reject)
    req.end(body)
  })
}

const secret = 'owner@example.com'
const lead = {
  type: 'track',
  event: 'lead_captured',
  messageId: 'lead-1',
  anonymousId: 'visitor-1',
  userId: null,
  timestamp: new Date().toISOString(),
  properties: { email: secret },
}
const dataPaths = ['/events.json', '/funnel.json', '/map.json', '/map.svg', '/stream?backlog']

describe('the collector answers CORS on ingest only, and shows what it collected to its own page only', () => {
  it('takes a batch from any site, with CORS on the POST and its preflight', async () => {
    const server = await collector()
    const preflight = await send(server.batchUrl, {
      method: 'OPTIONS',
      headers: { Origin: 'https://shop.example', 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'content-type' },
    })
    expect(preflight.status).toBe(204)
    expect(preflight.headers['access-control-allow-origin']).toBe('*')
    expect(preflight.headers['access-control-allow-methods']).toBe('POST, OPTIONS')
    const posted = await send(server.batchUrl, {
      method: 'POST',
      headers: { Origin: 'https://shop.example', 'Content-Type': 'text/plain' },
      body: JSON.stringify({ batch: [lead] }),
    })
    expect(posted.status).toBe(200)
    expect(posted.headers['access-control-allow-origin']).toBe('*')
    expect(posted.headers['access-control-expose-headers']).toBe('Retry-After')
    expect(posted.body).not.toContain(secret)
    // a preflight for a path that is not ingest gets no CORS
    const other = await send(`${server.url}/events.json`, {
      method: 'OPTIONS',
      headers: { Origin: 'https://evil.example', 'Access-Control-Request-Method': 'GET' },
    })
    expect(other.headers['access-control-allow-origin']).toBeUndefined()
  })

  it('refuses another site a GET of what it collected, and serves its own page', async () => {
    const server = await collector()
    expect((await send(server.batchUrl, { method: 'POST', body: JSON.stringify({ batch: [lead] }) })).status).toBe(200)
    const foreign: Array<Record<string, string>> = [
      { Origin: 'https://evil.example' },
      { 'Sec-Fetch-Site': 'cross-site' },
      { 'Sec-Fetch-Site': 'same-site' },
      { Origin: 'null' },
      { Host: 'rebound.example' },
    ]
    for (const path of dataPaths) {
      for (const headers of foreign) {
        const answer = await send(`${server.url}${path}`, { headers })
        expect([path, headers, answer.status]).toEqual([path, headers, 403])
        expect(answer.headers['access-control-allow-origin']).toBeUndefined()
        expect(answer.body).not.toContain(secret)
      }
    }

    // its own page: same origin (a browser sends Origin, or only Sec-Fetch-Site), or no browser at all
    const own: Array<Record<string, string>> = [
      { Origin: server.url, 'Sec-Fetch-Site': 'same-origin' },
      { 'Sec-Fetch-Site': 'same-origin' },
      { 'Sec-Fetch-Site': 'none' },
      {},
    ]
    for (const headers of own) {
      const events = await send(`${server.url}/events.json`, { headers })
      expect(events.status).toBe(200)
      expect(events.headers['access-control-allow-origin']).toBeUndefined()
      expect(JSON.parse(events.body)).toMatchObject([{ messageId: 'lead-1', properties: { email: secret } }])
      const stream = await send(`${server.url}/stream?backlog`, { headers })
      expect(stream.status).toBe(200)
      expect(stream.headers['access-control-allow-origin']).toBeUndefined()
    }
    const page = await send(`${server.url}/`, { headers: { 'Sec-Fetch-Site': 'cross-site' } }) // a link from elsewhere opens the page: it holds no data
    expect(page.status).toBe(200)
    expect(page.headers['access-control-allow-origin']).toBeUndefined()
  })
})
