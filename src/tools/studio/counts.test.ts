import { afterEach, describe, expect, it } from 'vitest'
import { request } from 'node:http'
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
// @ts-expect-error plain .mjs example without types
import { startCollector } from '../../../examples/collector/server.mjs'
import { boxCountsOf, funnelUrl } from './counts.js'
import { startStudio, type Studio } from './server.js'
import { tokenHeader } from './security.js'
import { studioArguments } from '../cli.js'

const cleanups: Array<() => unknown> = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
})

/** GET on the studio, with or without its token. */
function ask(studio: Studio, path: string, token: string | null = studio.token) {
  return new Promise<{ status: number; json: any }>((done, fail) => {
    const headers: Record<string, string> = { host: `127.0.0.1:${studio.port}`, ...(token !== null && { [tokenHeader]: token }) }
    const req = request({ host: '127.0.0.1', port: studio.port, path, headers }, (res) => {
      let text = ''
      res.setEncoding('utf8')
      res.on('data', (chunk: string) => (text += chunk))
      res.on('end', () => done({ status: res.statusCode!, json: text.startsWith('{') ? JSON.parse(text) : text }))
    })
    req.on('error', fail)
    req.end()
  })
}

/** One visitor's run of §8's cart rescue: entered, shown the reminder, now pausing. */
const run = (visitor: string, steps: string[]) => {
  const at = (i: number) => new Date(Date.parse('2026-12-02T10:00:00Z') + i * 60_000).toISOString()
  const base = { type: 'track', anonymousId: visitor }
  return [
    { ...base, event: 'journey_entered', messageId: `${visitor}-e`, timestamp: at(0), properties: { journey: 'cart-rescue', run: 1, holdout: false } },
    ...steps.map((step, i) => ({
      ...base,
      event: 'journey_step',
      messageId: `${visitor}-${i}`,
      timestamp: at(i + 1),
      properties: { journey: 'cart-rescue', run: 1, step, action: 'show' },
    })),
  ]
}

async function setUp({ collector = true } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'jk-studio-counts-'))
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }))
  const file = join(dir, 'journeykit.json')
  copyFileSync('examples/configs/12-contract-cart-rescue.json', file)
  const started = collector ? await startCollector({ port: 0, host: '127.0.0.1', file: join(dir, 'events.ndjson'), push: false, config: file }) : null
  if (started) cleanups.push(() => started.close())
  const studio = await startStudio({ file, ...(started && { collector: started.url }) })
  cleanups.push(() => studio.close())
  return { studio, collector: started as { url: string; batchUrl: string } | null }
}

describe('live counts: GET /api/counts passes on the collector page’s own figures', () => {
  it('draws what the example collector counted, per box', async () => {
    const { studio, collector } = await setUp()
    const batch = [...run('v1', ['nudge']), ...run('v2', ['nudge']), ...run('v3', [])]
    const posted = await fetch(collector!.batchUrl, { method: 'POST', body: JSON.stringify({ batch }) })
    expect(posted.status).toBe(200)
    const answer = await ask(studio, '/api/counts')
    expect(answer.status).toBe(200)
    const boxes = answer.json.counts['cart-rescue']
    expect(boxes['@entry']).toBe('3 entered')
    expect(boxes['step:nudge']).toBe('3 entered · 1 waiting')
    expect(boxes['step:pause']).toBe('2 entered · 2 waiting')
    expect(boxes['step:loyal']).toBe('0 entered · 0 waiting')
    expect(boxes['@goal']).toBe('0 reached it')
  })

  it('asks for the token like every other route', async () => {
    const { studio } = await setUp()
    expect((await ask(studio, '/api/counts', null)).status).toBe(403)
    expect((await ask(studio, '/api/counts', 'wrong')).status).toBe(403)
  })

  it('says why when there is no collector, or it does not answer', async () => {
    expect(await ask((await setUp({ collector: false })).studio, '/api/counts')).toEqual({
      status: 404,
      json: { error: 'the studio was started without --collector' },
    })
    const dir = mkdtempSync(join(tmpdir(), 'jk-studio-counts-'))
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }))
    const gone = await startCollector({ port: 0, file: join(dir, 'e.ndjson'), push: false })
    await gone.close()
    const studio = await startStudio({ file: join(dir, 'journeykit.json'), collector: gone.url })
    cleanups.push(() => studio.close())
    const answer = await ask(studio, '/api/counts')
    expect(answer.status).toBe(502)
    expect(answer.json.error).toMatch(/^the collector at http:\/\/127\.0\.0\.1:\d+\/funnel\.json does not answer/)
  })
})

describe('box counts of a funnel', () => {
  it.each([
    ['nothing', null, {}],
    ['no journeys', { stages: [] }, {}],
    [
      'a journey with a holdout and a step',
      {
        journeys: [{ journey: 'j', entered: 5, goal: 2, holdout: { entered: 1, goal: 1 }, ended: { exit: 1 }, steps: [{ step: 'a', entered: 4, waiting: 3 }] }],
      },
      {
        j: { '@entry': '5 entered', '@goal': '2 reached it', '@exits': '1 ended by exit', '@holdout': '1 entered · 1 goal', 'step:a': '4 entered · 3 waiting' },
      },
    ],
  ])('%s', (_, funnel, boxes) => expect(boxCountsOf(funnel)).toEqual(boxes))

  it('finds the figures from the page or the batch address', () => {
    expect(funnelUrl('http://127.0.0.1:8787')).toBe('http://127.0.0.1:8787/funnel.json')
    expect(funnelUrl('http://127.0.0.1:8787/v1/batch')).toBe('http://127.0.0.1:8787/funnel.json')
  })

  it('journeykit studio --collector <url>', () => {
    expect(studioArguments(['studio', '--collector', 'http://127.0.0.1:8787'])).toEqual({
      file: 'journeykit.json',
      port: 0,
      collector: 'http://127.0.0.1:8787',
    })
    expect(studioArguments(['studio', 'a.json', '--collector', 'http://127.0.0.1:8787/', '--port', '9'])).toEqual({
      file: 'a.json',
      port: 9,
      collector: 'http://127.0.0.1:8787/',
    })
    expect(studioArguments(['studio', '--collector'])).toBeNull()
    expect(studioArguments(['studio', '--collector', 'not a url'])).toBeNull()
  })
})
