import { beforeEach, describe, expect, it, vi } from 'vitest'
import { buildMessage } from '../engine/message.js'
import { buildBatch, type Message, type MessageType } from './envelope.js'
import type { Visitor } from '../storage/visitor.js'
import { fileURLToPath } from 'node:url'
import { batchProblems, jitsuProblems, jitsuSource, kindOf, segmentProblems, type WireBatch } from '../../examples/e2e/pipelines.js'
import { captured } from '../../examples/e2e/captured/ingest-batches.js'

// Contract §5: the batch is Segment's, so Segment's own validator and facade must accept every
// message the runtime builds. The Chromium proof is examples/e2e/ingest.spec.ts; this runs the
// same checks in Node over the builder the runtime uses, and over the batches that spec captured.

const moment = {
  page: { url: 'https://shop.example/cart?utm_source=news', path: '/cart', referrer: 'https://news.example/', title: 'Your cart' },
  time: Date.UTC(2026, 10, 22, 10),
}
const anonymous: Visitor = { anonymousId: '6f1c1b1e-3f0a-4c1e-9a57-2f0d7f3b9c10', userId: null, traits: {}, stage: 'retention' }
const known: Visitor = { ...anonymous, userId: 'user-42', traits: { email: 'ana@shop.example' } }
const about = { item: 'exit-offer', rule: 'exit-on-cart', variant: null }

/** Every kind of message the page builds, with the properties the runtime gives it. */
const kinds: Array<[MessageType, Parameters<typeof buildMessage>[1]]> = [
  ['page', { name: 'Your cart', properties: { ...moment.page, search: '?utm_source=news' } }],
  ['identify', { traits: { email: 'ana@shop.example', plan: 'pro' } }],
  ['track', { event: 'visit_start', properties: { visit: 2, referrer: 'https://news.example/', utm_source: 'news' } }],
  ['track', { event: 'exit_intent', properties: { how: 'pointer' } }],
  ['track', { event: 'item_shown', properties: about }],
  ['track', { event: 'item_dismissed', properties: { ...about, how: 'close' } }],
  ['track', { event: 'item_converted', properties: { ...about, what: 'cta', url: 'https://shop.example/cart' } }],
  ['track', { event: 'lead_captured', properties: { ...about, email: 'ana@shop.example' } }],
  ['track', { event: 'asset_downloaded', properties: { ...about, url: 'https://shop.example/files/guide.pdf' } }],
  ['track', { event: 'stage_changed', properties: { from: 'consideration', to: 'retention', rule: 'exit-on-cart' } }],
  [
    'track',
    {
      event: 'push_subscribed',
      properties: { ...about, subscription: { endpoint: 'https://push.example/sub/1', expirationTime: null, keys: { p256dh: 'p', auth: 'a' } } },
    },
  ],
  ['track', { event: 'push_denied', properties: about }],
  ['track', { event: 'push_clicked', properties: { url: 'https://shop.example/cart', action: null, title: 'Price drop', tag: null } }],
]

/** What a collector receives: the batch serialized and parsed again. */
const onTheWire = (messages: Message[]): WireBatch => JSON.parse(JSON.stringify(buildBatch(messages, 'key-1', new Date(moment.time + 5000)))) as WireBatch

describe('the batch the runtime builds, read by Segment’s own code', () => {
  // what a page's context carries (Node before 21 has no navigator)
  beforeEach(() => vi.stubGlobal('navigator', { userAgent: 'Mozilla/5.0 (X11; Linux x86_64) Chrome/140.0', language: 'sr-RS' }))

  for (const visitor of [anonymous, known]) {
    it(`accepts every kind of message, ${visitor.userId ? 'identified' : 'anonymous'}`, () => {
      const wire = onTheWire(kinds.map(([type, fields]) => buildMessage(type, fields, moment, visitor, 2)))
      expect(wire.batch.map(kindOf)).toEqual(kinds.map(([type, fields]) => (type === 'track' ? `track:${fields.event}` : type)))
      expect(batchProblems([wire])).toEqual([])
    })
  }

  it('has every field where the facade looks for it', () => {
    const [page] = onTheWire([buildMessage('page', kinds[0]![1], moment, known, 2)]).batch
    expect(page).toMatchObject({ userId: 'user-42', anonymousId: anonymous.anonymousId, timestamp: '2026-11-22T10:00:00.000Z', name: 'Your cart' })
    expect(page!.context.page).toEqual(moment.page)
  })

  it('reports what a pipeline would refuse (the checks can fail)', () => {
    const [good] = onTheWire([buildMessage('track', kinds[2]![1], moment, anonymous, 2)]).batch
    expect(segmentProblems({ ...good, anonymousId: null })).toContain(
      'track:visit_start: loosely-validate-event refused it: You must pass either an "anonymousId" or a "userId".',
    )
    expect(segmentProblems({ ...good, timestamp: 1795341600000 })[0]).toMatch(/timestamp` is not an ISO 8601 string/)
    expect(segmentProblems({ ...good, context: 'page' })).toContain('track:visit_start: loosely-validate-event refused it: "context" must be an object.')
    expect(segmentProblems({ ...good, event: undefined })[0]).toMatch(/You must pass an "event"/)
  })
})

describe('the batches captured from the runtime in Chromium (examples/e2e/ingest.spec.ts)', () => {
  it('pass Segment’s validator and facade as they are', () => {
    expect(batchProblems(captured as WireBatch[])).toEqual([])
  })

  it('hold every kind of message of contract §5', () => {
    const seen = new Set(captured.flatMap((envelope) => envelope.batch.map(kindOf)))
    for (const [type, fields] of kinds) expect(seen).toContain(type === 'track' ? `track:${fields.event}` : type)
  })
})

describe('Jitsu’s event types (@jitsu/protocols), through the compiler', () => {
  // Inside the repository, so that the scratch file resolves @jitsu/protocols.
  const scratch = fileURLToPath(new URL('../../node_modules/.cache/journeykit-ingest', import.meta.url))

  it('accept the batch the runtime builds', () => {
    vi.stubGlobal('navigator', { userAgent: 'Mozilla/5.0', language: 'en' })
    const wire = onTheWire(kinds.map(([type, fields]) => buildMessage(type, fields, moment, known, 2)))
    expect(jitsuProblems(jitsuSource([wire], 'unit test'), scratch)).toEqual([])
  }, 60_000)

  it('refuse what Jitsu would not take (the check can fail)', () => {
    const bad = { sentAt: '2026-11-22T10:00:05.000Z', batch: [{ type: 'event', messageId: 'm1', timestamp: 1795341600000, context: {} }] }
    const problems = jitsuProblems(jitsuSource([bad], 'unit test'), scratch).join('\n')
    expect(problems).toMatch(/"event"/)
    expect(problems).toMatch(/number/)
  }, 60_000)
})
