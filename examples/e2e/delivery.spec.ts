import { test, expect, runtimeReady, collectConsole } from './fixtures.js'
import type { Page } from '@playwright/test'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('../..', import.meta.url))

const ids = (events: Array<Record<string, any>>, name: string) => events.filter((e) => e.event === name).map((e) => e.messageId)
const trackMany = (page: Page, name: string, count: number) =>
  page.evaluate(
    ([event, n]) => {
      for (let i = 0; i < (n as number); i++) (window as any).journeykit.track(event, { i })
    },
    [name, count] as const,
  )
/** Every messageId the collector received, duplicates included. */
const received = (site: { collector: { batches(): Array<Record<string, any>> } }) =>
  site.collector.batches().flatMap((b) => (b.batch as Array<{ messageId: string }>).map((e) => e.messageId))

test('10,000 events tracked offline all arrive once the network is back', async ({ page, site, context }) => {
  test.setTimeout(120_000)
  const url = await site.serve(page, { config: { version: 1 } })
  await page.goto(url)
  await runtimeReady(page)
  await page.evaluate(() => (window as any).journeykit.flush()) // the page is fully up, delivery included
  await context.setOffline(true)
  await trackMany(page, 'offline_event', 10_000)
  await page.evaluate(() => (window as any).journeykit.flush())
  expect(site.collector.events().filter((e) => e.event === 'offline_event')).toHaveLength(0)
  await context.setOffline(false)
  // No flush from the test: the runtime sends by itself once the network is back. Storing and
  // sending 10,000 events takes seconds here and far longer on a busy CI machine: a generous bound.
  const events = await site.waitForEvents(page, (all) => all.filter((e) => e.event === 'offline_event').length >= 10_000, { timeout: 100_000, flush: false })
  const delivered = events.filter((e) => e.event === 'offline_event')
  expect(new Set(delivered.map((e) => e.properties.i)).size).toBe(10_000)
  expect(new Set(delivered.map((e) => e.messageId)).size).toBe(10_000)
})

test('back online, the runtime retries at once, not when the backoff grown offline runs out', async ({ page, site, context }) => {
  test.setTimeout(60_000)
  const url = await site.serve(page, { config: { version: 1 } })
  await page.goto(url)
  await runtimeReady(page)
  await page.evaluate(() => (window as any).journeykit.flush()) // the page is fully up, delivery included
  await context.setOffline(true)
  await trackMany(page, 'while_offline', 3)
  // Eight failed tries: the next automatic one is 64-128 s away.
  for (let i = 0; i < 8; i++) await page.evaluate(() => (window as any).journeykit.flush())
  expect(ids(site.collector.events(), 'while_offline')).toHaveLength(0)
  await context.setOffline(false)
  const events = await site.waitForEvents(page, (all) => ids(all, 'while_offline').length === 3, { timeout: 30_000, flush: false })
  expect(new Set(ids(events, 'while_offline')).size).toBe(3)
})

test('a Cyrillic and CJK page delivers everything; a 20,000-character CJK event is refused as over 32 KB', async ({ page, site }) => {
  test.setTimeout(90_000)
  const errors = collectConsole(page)
  const url = await site.serve(page, { config: { version: 1 }, title: 'Корзина — 購物車', body: '<h1>Оформление заказа 注文手続き</h1>' })
  await page.goto(url)
  await runtimeReady(page)
  await page.evaluate(() => (window as any).journeykit.flush())
  // One batch of ~45,000 characters and ~105,000 UTF-8 bytes: over Chromium's 64 KB keepalive
  // quota, which a length in characters does not see.
  await page.evaluate(() => {
    for (let i = 0; i < 30; i++) (window as any).journeykit.track('товар_просмотрен', { i, name: 'Льняная рубашка', note: '字'.repeat(1000) })
    ;(window as any).journeykit.track('too_big', { note: '字'.repeat(20_000) }) // 20,000 characters, ~60 KB
  })
  const events = await site.waitForEvents(page, (all) => ids(all, 'товар_просмотрен').length === 30, { timeout: 30_000 })
  const delivered = events.filter((e) => e.event === 'товар_просмотрен')
  expect(new Set(delivered.map((e) => e.properties.i)).size).toBe(30)
  expect(delivered[0]!.properties.name).toBe('Льняная рубашка')
  expect(delivered[0]!.context.page.title).toBe('Корзина — 購物車')
  expect(errors.filter((text) => text.includes('over 32 KB'))).toHaveLength(1)
  expect(ids(site.collector.events(), 'too_big')).toHaveLength(0)
})

test('in an opaque origin (a sandboxed iframe), where Web Locks and IndexedDB refuse, ready resolves and track still arrives', async ({ page, site }) => {
  test.setTimeout(120_000)
  // The frame's origin is "null": the runtime's chunks and config must come with CORS headers.
  const cors = { 'Access-Control-Allow-Origin': '*' }
  for (const file of readdirSync(join(root, 'dist')).filter((name) => name.endsWith('.js'))) {
    site.setPage(`/e2e/sandbox/${file}`, { type: 'text/javascript', body: readFileSync(join(root, 'dist', file), 'utf8'), headers: cors })
  }
  site.setPage('/e2e/opaque.json', { type: 'application/json', body: '{"version":1}', headers: cors })
  const tag = `<script async src="${site.origin}/e2e/sandbox/loader.js" data-config="${site.origin}/e2e/opaque.json" data-collector="${site.collector.batchUrl}"></script>`
  const frameHtml = `<!doctype html><html><head><meta charset="utf-8"><title>sandboxed</title>${tag}</head><body>in a sandbox</body></html>`
  site.setPage('/e2e/opaque.html', {
    body: `<!doctype html><iframe sandbox="allow-scripts" srcdoc="${frameHtml.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}"></iframe>`,
  })
  const errors = collectConsole(page)
  await page.goto(`${site.origin}/e2e/opaque.html`)
  const frame = page.frames().find((f) => f !== page.mainFrame())!
  await frame.waitForFunction(() => typeof (window as any).journeykit?.ready?.then === 'function', undefined, { timeout: 20_000 })
  // The premise: this origin is opaque and its lock requests reject.
  expect(await frame.evaluate(() => origin)).toBe('null')
  expect(await frame.evaluate(() => navigator.locks.request('probe', () => 'granted').catch((err: Error) => err.name))).toBe('SecurityError')
  const settled = await frame.evaluate(() =>
    Promise.race([(window as any).journeykit.ready.then(() => 'ready'), new Promise((resolve) => setTimeout(() => resolve('still waiting'), 15_000))]),
  )
  expect(settled).toBe('ready')
  await frame.evaluate(() => (window as any).journeykit.track('from_the_sandbox', { n: 1 }))
  await expect
    .poll(
      async () => {
        await frame.evaluate(() => (window as any).journeykit.flush()).catch(() => undefined)
        return ids(site.collector.events(), 'from_the_sandbox').length
      },
      { timeout: 30_000 },
    )
    .toBe(1)
  expect(errors.filter((text) => text.includes('journeykit'))).toEqual([])
})

test('the collector answering 500 three times, then 200: everything arrives, same ids', async ({ page, site }) => {
  const url = await site.serve(page, { config: { version: 1 } })
  await page.goto(url)
  await runtimeReady(page)
  await page.evaluate(() => (window as any).journeykit.flush())
  site.collector.failNext(500, 3, {}, (envelope) => envelope.batch.some((e: { event?: string }) => e.event === 'during_outage'))
  await trackMany(page, 'during_outage', 5)
  const events = await site.waitForEvents(page, (all) => ids(all, 'during_outage').length === 5)
  const statuses = site.collector
    .requests()
    .filter((r) => r.method === 'POST')
    .map((r) => r.status)
  expect(statuses.filter((s) => s === 500)).toHaveLength(3)
  expect(new Set(ids(events, 'during_outage')).size).toBe(5)
})

test('a 429 with Retry-After is honoured', async ({ page, site }) => {
  const url = await site.serve(page, { config: { version: 1 } })
  await page.goto(url)
  await runtimeReady(page)
  await page.evaluate(() => (window as any).journeykit.flush())
  // Only the batch with this test's event: a late beacon from an earlier page must not take the 429.
  site.collector.failNext(429, 1, { 'Retry-After': '2' }, (envelope) => envelope.batch.some((e: { event?: string }) => e.event === 'slow_down'))
  const started = Date.now()
  await page.evaluate(() => {
    ;(window as any).journeykit.track('slow_down')
    return (window as any).journeykit.flush()
  })
  await expect.poll(() => ids(site.collector.events(), 'slow_down').length, { timeout: 15_000 }).toBe(1)
  expect(Date.now() - started).toBeGreaterThanOrEqual(2000)
})

test('reloading while a batch is in flight re-sends the same ids and loses none', async ({ page, site }) => {
  test.setTimeout(90_000)
  const url = await site.serve(page, { config: { version: 1 } })
  await page.goto(url)
  await runtimeReady(page)
  await page.evaluate(() => (window as any).journeykit.flush())
  // While the page is left, the collector holds each batch 3 s and then refuses it, storing
  // nothing: only the outbox can bring these events to the collector, through the next page.
  site.collector.delay(3000)
  site.collector.failNext(503, 1000)
  await trackMany(page, 'in_flight', 20)
  void page.evaluate(() => (window as any).journeykit.flush()).catch(() => undefined)
  const pending = () => site.collector.requests().filter((r) => r.method === 'POST' && r.status === null).length
  await expect.poll(pending, { timeout: 10_000 }).toBeGreaterThan(0) // the batch is in flight...
  await page.reload() // ...when the page goes
  await runtimeReady(page)
  const inFlight = () =>
    site.collector
      .batches()
      .flatMap((b) => b.batch as Array<Record<string, any>>)
      .filter((e) => e.event === 'in_flight')
  expect(inFlight()).toEqual([]) // nothing reached the collector's store before the new page sent
  site.collector.failNext(503, 0)
  site.collector.delay(0)
  const events = await site.waitForEvents(page, (all) => ids(all, 'in_flight').length === 20, { timeout: 30_000 })
  expect(new Set(ids(events, 'in_flight')).size).toBe(20)
  expect(
    events
      .filter((e) => e.event === 'in_flight')
      .map((e) => e.properties.i)
      .sort((a, b) => a - b),
  ).toEqual([...Array(20).keys()])
  expect(new Set(inFlight().map((e) => e.messageId)).size).toBe(20) // the same 20 ids, re-sent by the new page
})

test('pagehide delivers the last event', async ({ page, site }) => {
  const url = await site.serve(page, { config: { version: 1 } })
  await page.goto(url)
  await runtimeReady(page)
  await page.evaluate(() => (window as any).journeykit.track('last_words'))
  await page.goto('about:blank')
  await expect.poll(() => ids(site.collector.events(), 'last_words').length, { timeout: 10_000 }).toBe(1)
})

test('two tabs send no event twice, and the survivor sends what a closed tab left', async ({ page, site, context }) => {
  const url = await site.serve(page, { config: { version: 1 } })
  await page.goto(url)
  await runtimeReady(page)
  const other = await context.newPage()
  await other.goto(url)
  await runtimeReady(other)
  await Promise.all([trackMany(page, 'from_a', 30), trackMany(other, 'from_b', 30)])
  await Promise.all([page.evaluate(() => (window as any).journeykit.flush()), other.evaluate(() => (window as any).journeykit.flush())])
  await site.waitForEvents(page, (all) => ids(all, 'from_a').length === 30 && ids(all, 'from_b').length === 30)
  const all = received(site)
  expect(all.length).toBe(new Set(all).size) // nothing sent twice

  // the collector goes down; tab B tracks and closes; A sends B's events once it is back
  site.collector.failNext(503, 1000)
  await trackMany(other, 'left_behind', 10)
  await other.evaluate(() => (window as any).journeykit.flush())
  await other.close({ runBeforeUnload: false })
  site.collector.failNext(503, 0)
  const events = await site.waitForEvents(page, (all) => ids(all, 'left_behind').length === 10)
  expect(new Set(ids(events, 'left_behind')).size).toBe(10)
})

test('a poison event in a batch of 100: the other 99 are delivered', async ({ page, site }) => {
  const errors: string[] = []
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()))
  const url = await site.serve(page, { config: { version: 1 } })
  await page.goto(url)
  await runtimeReady(page)
  await page.evaluate(() => (window as any).journeykit.flush())
  site.collector.rejectEvents((event: any) => event.properties?.i === 42)
  await trackMany(page, 'batch_of_100', 100)
  const events = await site.waitForEvents(page, (all) => ids(all, 'batch_of_100').length === 99)
  site.collector.rejectEvents(null)
  expect(events.filter((e) => e.event === 'batch_of_100').some((e) => e.properties.i === 42)).toBe(false)
  expect(errors.filter((text) => text.includes('refused event'))).toHaveLength(1)
})

test('consent pending: no outbox is written and nothing is sent until granted', async ({ page, site }) => {
  const url = await site.serve(page, { config: { version: 1 }, attributes: 'data-consent="pending"' })
  await page.goto(url)
  await runtimeReady(page)
  await trackMany(page, 'before_consent', 3)
  await page.evaluate(() => (window as any).journeykit.flush())
  await page.waitForTimeout(300)
  expect(site.collector.requests().filter((r) => r.method === 'POST')).toHaveLength(0)
  const databases = () => page.evaluate(async () => (await indexedDB.databases()).map((db) => db.name))
  expect(await databases()).not.toContain('journeykit-outbox')
  await page.evaluate(() => (window as any).journeykit.consent('granted'))
  const events = await site.waitForEvents(page, (all) => ids(all, 'before_consent').length === 3)
  expect(events.filter((e) => e.event === 'before_consent').map((e) => e.properties.i)).toEqual([0, 1, 2])
})

test('calls made while the runtime is still loading survive leaving the page at once', async ({ page, site }) => {
  const slow = await site.serve(page, { path: '/e2e/slow.html', config: { version: 1 } })
  const next = await site.serve(page, { path: '/e2e/next.html', config: { version: 1 } })
  // The first page's config answers late: the runtime is loaded but not ready when the visitor leaves.
  await page.route('**/e2e/slow.json', async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 3000))
    await route.fulfill({ contentType: 'application/json', body: '{"version":1}' }).catch(() => undefined)
  })
  await page.goto(slow)
  await page.waitForFunction(() => typeof (window as any).journeykit?.ready?.then === 'function')
  await page.evaluate(() => (window as any).journeykit.track('added_to_cart', { sku: 'linen-shirt' }))
  await page.goto(next)
  await runtimeReady(page)
  const events = await site.waitForEvents(page, (all) => all.some((e) => e.event === 'added_to_cart'))
  const added = events.filter((e) => e.event === 'added_to_cart')
  expect(added).toHaveLength(1)
  expect(added[0]!.properties).toEqual({ sku: 'linen-shirt' })
  expect(added[0]!.context.page.url).toBe(slow) // the page where it happened
  // the first page's own view, recorded before it could be sent, arrives too
  expect(events.filter((e) => e.type === 'page').map((e) => e.context.page.url)).toEqual([slow, next])
})
