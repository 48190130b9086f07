import type { Page } from '@playwright/test'
import { test, expect, runtimeReady, sealed, collectConsole, failFirstDownload } from './fixtures.js'

// Issue 11: the start path is the loader, the config and the start chunk; delivery downloads when
// the page is idle after ready, and nothing made before then is lost. A config sealed by
// `npx journeykit build` needs no validator (sealed.spec.ts has the other kind).

/** Watches when `ready` resolves, on the page's own clock, to compare with each script's request. */
async function timeReady(page: Page) {
  await page.addInitScript(() => {
    const w = window as any
    const wait = setInterval(() => {
      if (typeof w.journeykit?.ready?.then !== 'function') return
      clearInterval(wait)
      w.journeykit.ready.then(() => (w.readyAt = performance.now()))
    }, 1)
  })
}

/** The runtime's scripts asked for before `ready`, and all of them so far. */
const scriptsOf = (page: Page) =>
  page.evaluate(() => {
    const readyAt = (window as any).readyAt as number
    const scripts = performance
      .getEntriesByType('resource')
      .filter((entry) => entry.name.includes('/dist/'))
      .map((entry) => ({ path: new URL(entry.name).pathname, startTime: entry.startTime }))
    return { beforeReady: scripts.filter((s) => s.startTime < readyAt).map((s) => s.path), all: scripts.map((s) => s.path) }
  })

test('before ready the page needs the config and the start chunk only; delivery, downloaded once the page is idle, sends by itself', async ({ page, site }) => {
  await timeReady(page)
  // The bench's page: a rule that does not act on this page.
  const url = await site.serve(page, {
    config: sealed({ version: 1, rules: [{ id: 'welcome', on: 'page_view', if: { 'page.path': '/never' }, track: 'welcomed' }] }),
  })
  await page.goto(url)
  await runtimeReady(page)
  await page.evaluate(() => (window as any).journeykit.track('made_before_delivery'))
  // No flush: the idle-time start of delivery sends the page view and this event.
  const events = await site.waitForEvents(page, (all) => all.some((e) => e.event === 'made_before_delivery'), { flush: false, timeout: 30_000 })
  expect(events.map((e) => e.event ?? e.type)).toEqual(['visit_start', 'page', 'made_before_delivery'])
  const scripts = await scriptsOf(page)
  // No script waits for another to run first, and delivery comes after ready; a sealed config
  // skips the validator chunk.
  expect(scripts.beforeReady).toEqual(['/dist/loader.js', '/dist/core.js'])
  expect(scripts.all).toEqual(expect.arrayContaining(['/dist/after-ready.js', '/dist/delivery.js']))
  expect(scripts.all).not.toContain('/dist/actions.js')
})

test('an exit-intent rule on a schedule adds nothing before ready: its watchers and schedule come just after, and still catch the exit', async ({
  page,
  site,
}) => {
  await timeReady(page)
  const url = await site.serve(page, {
    config: sealed({ version: 1, rules: [{ id: 'leaving', on: 'exit_intent', schedule: { start: '2020-01-01T00:00:00Z' }, track: 'caught_leaving' }] }),
  })
  await page.goto(url)
  await runtimeReady(page)
  await expect.poll(async () => (await scriptsOf(page)).all, { timeout: 30_000 }).toEqual(expect.arrayContaining(['/dist/triggers.js', '/dist/pacing.js']))
  expect((await scriptsOf(page)).beforeReady).toEqual(['/dist/loader.js', '/dist/core.js'])
  await page.evaluate(() => (window as any).journeykit.on('caught_leaving', () => ((window as any).caught = true)))
  // The pointer leaves through the top of the window, again until the watcher is armed.
  await expect
    .poll(
      async () => {
        await page.mouse.move(400, 300)
        await page.mouse.move(400, -20, { steps: 4 })
        return page.evaluate(() => (window as any).caught === true)
      },
      { timeout: 30_000 },
    )
    .toBe(true)
  await site.waitForEvents(page, (all) => all.some((e) => e.event === 'caught_leaving'))
})

test('a page-view rule whose condition needs the visitor (a second visit) does not bring the actions chunk on a first visit', async ({ page, site }) => {
  await timeReady(page)
  const rule = { id: 'back', on: 'page_view', if: { 'page.path': { $startsWith: '/' }, 'visit.count': { $gte: 2 } }, track: 'welcomed_back' } as const
  const url = await site.serve(page, { config: sealed({ version: 1, rules: [rule] }) })
  await page.goto(url)
  await runtimeReady(page)
  const events = await site.waitForEvents(page, (all) => all.some((e) => e.type === 'page'), { flush: false, timeout: 30_000 })
  expect(events.map((e) => e.event ?? e.type)).toEqual(['visit_start', 'page'])
  expect((await scriptsOf(page)).all).not.toContain('/dist/actions.js')
})

test('a rule that acts on the page view brings the actions chunk before ready, and nothing more', async ({ page, site }) => {
  await timeReady(page)
  const url = await site.serve(page, { config: sealed({ version: 1, rules: [{ id: 'welcome', on: 'page_view', track: 'welcomed' }] }) })
  await page.goto(url)
  await runtimeReady(page)
  const events = await site.waitForEvents(page, (all) => all.some((e) => e.event === 'welcomed'), { flush: false, timeout: 30_000 })
  expect(events.map((e) => e.event ?? e.type)).toEqual(['visit_start', 'page', 'welcomed'])
  expect((await scriptsOf(page)).beforeReady).toEqual(['/dist/loader.js', '/dist/core.js', '/dist/actions.js'])
})

test('a rule that shows an item on the page view: the UI chunk downloads beside the actions chunk, not after it', async ({ page, site }) => {
  const config = sealed({
    version: 1,
    items: { hello: { kind: 'focus', style: 'bar', title: 'Hello' } },
    rules: [{ id: 'hello', on: 'page_view', if: { 'page.path': { $startsWith: '/' } }, show: 'hello' }],
  })
  const url = await site.serve(page, { config })
  await page.goto(url)
  await expect(page.locator('[data-journeykit-item="hello"]')).toBeAttached({ timeout: 30_000 })
  const [actions, ui] = await page.evaluate(() =>
    ['actions.js', 'ui.js'].map(
      (chunk) => performance.getEntriesByType('resource').find((e) => e.name.endsWith(`/dist/${chunk}`)) as PerformanceResourceTiming,
    ),
  )
  // Asked for in the same task as the actions chunk: before its answer could have arrived.
  expect(ui!.startTime).toBeLessThan(actions!.responseEnd)
})

// Delivery comes in two chunks after ready: after-ready.js (delivery's side in the page), which
// loads delivery.js at the first idle moment. Either may fail offline.
for (const chunk of ['after-ready.js', 'delivery.js']) {
  test(`offline from ready on: ${chunk} that failed to download is fetched again once back online, and the events arrive`, async ({ page, site, context }) => {
    test.setTimeout(90_000)
    const errors = collectConsole(page)
    const url = await site.serve(page, { config: sealed({ version: 1 }) })
    // Its first download fails as it would offline, whenever it comes.
    const requests = await failFirstDownload(page, chunk)
    await page.goto(url)
    await runtimeReady(page)
    await expect
      .poll(() => errors.some((text) => text.startsWith(`journeykit.${chunk.replace('.js', '')}:`) && text.includes(chunk)), { timeout: 30_000 })
      .toBe(true)
    await context.setOffline(true)
    await page.evaluate(() => (window as any).journeykit.track('made_offline'))
    expect(site.collector.events()).toEqual([])
    await context.setOffline(false)
    // No flush from the test: the browser's online event starts the download again.
    const events = await site.waitForEvents(page, (all) => all.some((e) => e.event === 'made_offline'), { flush: false, timeout: 60_000 })
    expect(events.filter((e) => e.event === 'made_offline')).toHaveLength(1)
    expect(events.filter((e) => e.type === 'page')).toHaveLength(1)
    expect(requests()).toBe(2)
  })
}

test('a visitor who leaves before delivery loaded: the events arrive from the next page, once', async ({ page, site }) => {
  const first = await site.serve(page, { path: '/e2e/first.html', config: { version: 1 } })
  const next = await site.serve(page, { path: '/e2e/second.html', config: { version: 1 } })
  let holdDelivery = true
  await page.route('**/dist/delivery.js', async (route) => {
    if (holdDelivery) return // never answered: the first page leaves before delivery loads
    await route.continue()
  })
  await page.goto(first)
  await runtimeReady(page)
  await page.evaluate(() => (window as any).journeykit.track('left_early', { n: 1 }))
  holdDelivery = false
  await page.goto(next)
  await runtimeReady(page)
  const events = await site.waitForEvents(page, (all) => all.some((e) => e.type === 'page' && e.context.page.path === '/e2e/second.html'))
  const early = events.filter((e) => e.event === 'left_early')
  expect(early).toHaveLength(1)
  expect(early[0]!.context.page.path).toBe('/e2e/first.html')
  expect(events.filter((e) => e.type === 'page').map((e) => e.context.page.path)).toEqual(['/e2e/first.html', '/e2e/second.html'])
})

test('a visitor who leaves the site before delivery loaded: the events still leave, by sendBeacon', async ({ page, site }) => {
  const url = await site.serve(page, { config: { version: 1 } })
  await page.route('**/dist/delivery.js', () => undefined) // never answered
  // Delivery's side in the page (after-ready.js, just after ready) asks for delivery.js once
  // the page is idle: from then on a page left sends by sendBeacon. Before it, the events are
  // carried to the next page only (the spec above).
  const deliveryAsked = page.waitForRequest('**/dist/delivery.js', { timeout: 30_000 })
  await page.goto(url)
  await runtimeReady(page)
  await page.evaluate(() => (window as any).journeykit.track('bounced', { n: 1 }))
  await deliveryAsked
  await page.goto('about:blank')
  await expect.poll(() => site.collector.events().filter((e) => e.event === 'bounced').length, { timeout: 20_000 }).toBe(1)
  expect(site.collector.events().some((e) => e.type === 'page')).toBe(true)
})
