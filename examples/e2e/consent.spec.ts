import { test, expect, runtimeReady, collectConsole, failFirstDownload } from './fixtures.js'
import type { Page } from '@playwright/test'

const databases = (page: Page) => page.evaluate(async () => (await indexedDB.databases()).map((db) => db.name))

test('consent pending: nothing is sent or stored until granted; then everything, in order, with one id', async ({ page, site }) => {
  const url = await site.serve(page, { config: { version: 1 }, attributes: 'data-consent="pending"' })
  await page.goto(url)
  await runtimeReady(page)
  await page.evaluate(() => (window as any).journeykit.track('browsed'))
  await page.evaluate(() => (window as any).journeykit.flush())
  await page.waitForTimeout(300)
  expect(site.collector.events()).toEqual([])
  expect(await databases(page)).not.toContain('journeykit')

  await page.evaluate(() => (window as any).journeykit.consent('granted'))
  const events = await site.waitForEvents(page, (all) => all.some((e) => e.event === 'browsed'))
  expect(events.map((e) => e.event ?? e.type)).toEqual(['visit_start', 'page', 'browsed'])
  expect(await databases(page)).toContain('journeykit')
  const id = events[0]!.anonymousId

  // the next page (the site's CMP remembers the choice and grants at once) keeps the visitor
  await page.goto(url)
  await runtimeReady(page)
  await page.evaluate(() => (window as any).journeykit.consent('granted'))
  const next = await site.waitForEvents(page, (all) => all.filter((e) => e.type === 'page').length === 2)
  expect(next.at(-1)!.anonymousId).toBe(id)
  expect(next.filter((e) => e.event === 'visit_start')).toHaveLength(1)
})

test('consent denied after a grant deletes the stored ids and sends nothing more', async ({ page, site }) => {
  const url = await site.serve(page, { config: { version: 1 } })
  await page.goto(url)
  await runtimeReady(page)
  const [first] = await site.waitForEvents(page, (all) => all.some((e) => e.type === 'page'))
  await page.evaluate(() => {
    const jk = (window as any).journeykit
    jk.consent('denied')
    jk.track('after_denial')
    return jk.flush()
  })
  await page.goto(url) // a later page load that tracks again starts a stranger
  await runtimeReady(page)
  const events = await site.waitForEvents(page, (all) => all.filter((e) => e.type === 'page').length === 2)
  expect(events.some((e) => e.event === 'after_denial')).toBe(false)
  expect(events.at(-1)!.anonymousId).not.toBe(first!.anonymousId)
  expect(events.at(-1)!.context.journey.visit).toBe(1)
})

test('a denial in one tab is every open tab\u2019s: the other closes its item, and sends and stores nothing more', async ({ page, site, context }) => {
  const url = await site.serve(page, { config: { version: 1, items: { hello: { kind: 'focus', style: 'bar', title: 'Hello' } } } })
  await page.goto(url)
  await runtimeReady(page)
  const other = await context.newPage()
  await other.goto(url)
  await runtimeReady(other)
  await other.evaluate(() => (window as any).journeykit.show('hello'))
  const item = other.locator('[data-journeykit-item="hello"]')
  await expect(item).toBeAttached({ timeout: 30_000 })
  await site.waitForEvents(other, (all) => all.filter((e) => e.type === 'page').length === 2 && all.some((e) => e.event === 'item_shown'))

  await page.evaluate(() => (window as any).journeykit.consent('denied'))
  // The other tab hears the denial: its item closes, as on the denying page.
  await expect(item).not.toBeAttached({ timeout: 30_000 })
  await other.evaluate(() => {
    const jk = (window as any).journeykit
    jk.identify('u-1', { email: 'ada@example.com' })
    jk.track('after_denial_elsewhere')
    return jk.flush()
  })
  expect(site.collector.events().filter((e) => e.type === 'identify' || e.event === 'after_denial_elsewhere')).toEqual([])
  await expect.poll(async () => (await storedOnDevice(other)).entries, { timeout: 30_000 }).toBe(0)
  expect((await storedOnDevice(other)).local).toEqual([])
})

/** What journeykit left on the device: entries in each IndexedDB store, and jk: localStorage keys. */
const storedOnDevice = (page: Page) =>
  page.evaluate(async () => {
    const counts: Record<string, number> = {}
    for (const { name } of await indexedDB.databases()) {
      if (!name?.startsWith('journeykit')) continue
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open(name)
        open.onsuccess = () => resolve(open.result)
        open.onerror = () => reject(open.error)
      })
      for (const store of Array.from(db.objectStoreNames)) {
        counts[`${name}/${store}`] = await new Promise<number>((resolve) => {
          const count = db.transaction(store).objectStore(store).count()
          count.onsuccess = () => resolve(count.result)
        })
      }
      db.close()
    }
    const local = Object.keys(localStorage).filter((key) => key.startsWith('jk:'))
    return { entries: Object.values(counts).reduce((a, b) => a + b, 0), counts, local }
  })

/**
 * A granted visitor's earlier pages left an outbox the collector refused, an identified visitor
 * with their email, and the calls of a page left while the runtime was loading.
 */
async function leaveTracesOfAGrantedVisit(page: Page, site: Parameters<Parameters<typeof test>[2]>[0]['site']) {
  const url = await site.serve(page, { path: '/e2e/granted.html', config: { version: 1 } })
  const slow = await site.serve(page, { path: '/e2e/slow-granted.html', config: { version: 1 } })
  site.collector.failNext(503, 1000)
  await page.goto(url)
  await runtimeReady(page)
  await page.evaluate(() => {
    const jk = (window as any).journeykit
    jk.identify('u-42', { email: 'ada@example.com' })
    jk.track('outbox_event')
  })
  await page.route('**/e2e/slow-granted.json', async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 3000))
    await route.fulfill({ contentType: 'application/json', body: '{"version":1}' }).catch(() => undefined)
  })
  await page.goto(slow)
  await page.waitForFunction(() => typeof (window as any).journeykit?.ready?.then === 'function')
  await page.evaluate(() => (window as any).journeykit.identify('u-42', { email: 'ada@example.com' }))
  await page.goto('about:blank')
  await page.goto(url.replace('granted.html', 'blank.html')).catch(() => undefined) // same origin, no journeykit
  const before = await storedOnDevice(page)
  expect(before.entries).toBeGreaterThan(0) // the outbox and the visitor
  expect(before.local).not.toEqual([]) // the calls carried from the page left while loading
  site.collector.failNext(503, 0)
  site.collector.clear()
}

test('a denial queued before the runtime loads erases what earlier granted pages stored, and nothing is sent', async ({ page, site }) => {
  await leaveTracesOfAGrantedVisit(page, site)
  const denied = await site.serve(page, { path: '/e2e/denied.html', config: { version: 1 }, before: "journeykit.push(['consent', 'denied'])" })
  await page.goto(denied)
  await runtimeReady(page)
  // The page's own keys go at once, the rest (other stores, localStorage) once the consent chunk is here.
  await expect
    .poll(
      async () => {
        const { entries, local } = await storedOnDevice(page)
        return { entries, local }
      },
      { timeout: 15_000 },
    )
    .toEqual({ entries: 0, local: [] })
  await page.evaluate(() => {
    const jk = (window as any).journeykit
    jk.track('after_denial')
    return jk.flush()
  })
  await page.waitForTimeout(1000) // a send would have started by now: the flush above asked for one
  expect(site.collector.requests().filter((r) => r.method === 'POST')).toHaveLength(0)
})

test('Global Privacy Control erases what earlier granted pages stored, and nothing is sent', async ({ page, site }) => {
  await leaveTracesOfAGrantedVisit(page, site)
  const gpc = await site.serve(page, { path: '/e2e/gpc.html', config: { version: 1 } })
  await page.addInitScript(() => Object.defineProperty(Navigator.prototype, 'globalPrivacyControl', { get: () => true }))
  await page.goto(gpc)
  await runtimeReady(page)
  // The page's own keys go at once, the rest (other stores, localStorage) once the consent chunk is here.
  await expect
    .poll(
      async () => {
        const { entries, local } = await storedOnDevice(page)
        return { entries, local }
      },
      { timeout: 15_000 },
    )
    .toEqual({ entries: 0, local: [] })
  await page.evaluate(() => (window as any).journeykit.flush())
  await page.waitForTimeout(1000)
  expect(site.collector.requests().filter((r) => r.method === 'POST')).toHaveLength(0)
})

test('a denial after a grant erases the outbox, the visitor and what was carried, on this page', async ({ page, site }) => {
  await leaveTracesOfAGrantedVisit(page, site)
  site.collector.failNext(503, 1000) // the carried messages stay in the outbox on this page
  const url = await site.serve(page, { path: '/e2e/later.html', config: { version: 1 } })
  await page.goto(url)
  await runtimeReady(page)
  await page.evaluate(() => (window as any).journeykit.consent('denied'))
  // The page's own keys go at once, the rest (other stores, localStorage) once the consent chunk is here.
  await expect
    .poll(
      async () => {
        const { entries, local } = await storedOnDevice(page)
        return { entries, local }
      },
      { timeout: 15_000 },
    )
    .toEqual({ entries: 0, local: [] })
  site.collector.failNext(503, 0)
  site.collector.clear()
  await page.evaluate(() => (window as any).journeykit.flush())
  await page.waitForTimeout(1000)
  expect(site.collector.requests().filter((r) => r.method === 'POST')).toHaveLength(0)
})

test('a returning visitor who grants before delivery has loaded keeps their id, and the held page view is theirs', async ({ page, site }) => {
  const url = await site.serve(page, { config: { version: 1 }, attributes: 'data-consent="pending"' })
  await page.goto(url)
  await runtimeReady(page)
  await page.evaluate(() => (window as any).journeykit.consent('granted'))
  const [first] = await site.waitForEvents(page, (all) => all.some((e) => e.type === 'page'))
  // The next page's delivery chunk answers late: the grant runs before it is there.
  await page.route('**/dist/delivery.js', async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 1500))
    await route.continue()
  })
  await page.goto(url)
  await runtimeReady(page)
  await page.evaluate(() => (window as any).journeykit.consent('granted'))
  const events = await site.waitForEvents(page, (all) => all.filter((e) => e.type === 'page').length === 2)
  expect(events.filter((e) => e.type === 'page').map((e) => e.anonymousId)).toEqual([first!.anonymousId, first!.anonymousId])
})

test('a grant while the consent chunk cannot download stays the visitor’s choice: granted once back online, and nothing made meanwhile is lost', async ({
  page,
  site,
  context,
}) => {
  test.setTimeout(90_000)
  const errors = collectConsole(page)
  const url = await site.serve(page, { config: { version: 1 }, attributes: 'data-consent="pending"' })
  const consentRequests = await failFirstDownload(page, 'consent.js')
  await page.goto(url)
  await runtimeReady(page)
  await page.evaluate(() => (window as any).journeykit.track('browsed'))
  await context.setOffline(true)
  await page.evaluate(() => (window as any).journeykit.consent('granted'))
  await expect.poll(() => errors.some((text) => text.startsWith('journeykit.consent:')), { timeout: 30_000 }).toBe(true)
  await page.evaluate(() => (window as any).journeykit.track('after_grant'))
  expect(site.collector.events()).toEqual([])
  await context.setOffline(false)
  // No call from the test: the browser's online event grants again, and what waited is sent.
  const events = await site.waitForEvents(page, (all) => all.some((e) => e.event === 'after_grant'), { timeout: 60_000 })
  expect(events.map((e) => e.event ?? e.type)).toEqual(['visit_start', 'page', 'browsed', 'after_grant'])
  expect(consentRequests()).toBe(2)
  expect(await databases(page)).toContain('journeykit')
})

test('a visitor who grants and leaves before the grant is done: what the page held arrives from the next page', async ({ page, site }) => {
  const first = await site.serve(page, { path: '/e2e/first.html', config: { version: 1 }, attributes: 'data-consent="pending"' })
  // The next page's CMP remembers the choice and grants at once.
  const next = await site.serve(page, {
    path: '/e2e/second.html',
    config: { version: 1 },
    attributes: 'data-consent="pending"',
    before: "journeykit.push(['consent', 'granted'])",
  })
  let holdConsent = true
  await page.route('**/dist/consent.js', async (route) => {
    while (holdConsent) await new Promise((done) => setTimeout(done, 50))
    await route.continue().catch(() => undefined)
  })
  const delivery = page.waitForRequest('**/dist/delivery.js')
  await page.goto(first)
  await runtimeReady(page)
  await delivery // the sender holds the page's events now, in its memory
  await page.evaluate(() => (window as any).journeykit.track('held_before_grant'))
  const consentAsked = page.waitForRequest('**/dist/consent.js')
  await page.evaluate(() => (window as any).journeykit.consent('granted')) // waits for consent.js
  await consentAsked
  await page.goto(next)
  holdConsent = false
  await runtimeReady(page)
  const events = await site.waitForEvents(page, (all) => all.some((e) => e.event === 'held_before_grant') && all.filter((e) => e.type === 'page').length === 2)
  expect(events.filter((e) => e.event === 'held_before_grant')).toHaveLength(1)
  const pages = events.filter((e) => e.type === 'page').sort((a, b) => a.timestamp.localeCompare(b.timestamp))
  expect(pages.map((e) => e.context.page.path)).toEqual(['/e2e/first.html', '/e2e/second.html'])
  // Held under a visitor the first page only kept in memory: sent as the visitor who granted.
  expect(new Set(events.map((e) => e.anonymousId)).size).toBe(1)
})
