import { test, expect, runtimeReady } from './fixtures.js'
import type { Page } from '@playwright/test'
import { checkpoint } from './decided.js'

/** Rules that report what the runtime knows, as `fact_*` events a test can wait for. */
const reporting = (rules: object[]) => ({ version: 1, rules })
const named = (events: Array<Record<string, any>>, name: string) => events.filter((e) => e.event === name)
const tall = '<div style="height:4000px">long page</div><a id="top-link" href="#section" style="position:fixed;top:0;left:10px">Section</a>'

async function load(page: Page, url: string) {
  await page.goto(url)
  await runtimeReady(page)
}

test('three loads of the same page count page.views 3; query and trailing slash are the same page', async ({ page, site }) => {
  const url = await site.serve(page, {
    path: '/products/shirt.html',
    config: reporting([{ id: 'third', on: 'page_view', if: { 'page.views': 3, 'visit.pageviews': 3, 'visitor.pageviews': 3 }, track: 'third_view' }]),
  })
  await load(page, url)
  await load(page, `${url}?color=blue`)
  expect(named(await checkpoint(page, site), 'third_view')).toHaveLength(0) // the second view was decided and sent
  await load(page, `${url}#reviews`)
  const events = await site.waitForEvents(page, (all) => named(all, 'third_view').length === 1)
  expect(named(events, 'visit_start')).toHaveLength(1)
  expect(events.filter((e) => e.type === 'page')).toHaveLength(3)
})

test('31 minutes without activity start visit 2; UTM of the new visit is kept for the visit', async ({ page, site }) => {
  await page.clock.install({ time: new Date('2026-11-24T10:00:00Z') })
  const url = await site.serve(page, {
    config: reporting([{ id: 'returning', on: 'visit_start', if: { 'visit.count': { $gte: 2 }, 'utm.source': 'mail' }, track: 'returning_from_mail' }]),
  })
  await load(page, url)
  await page.clock.fastForward('29:00')
  await load(page, url) // still visit 1: 29 minutes
  await page.clock.fastForward('31:00')
  await load(page, `${url}?utm_source=mail&utm_medium=email`)
  const events = await site.waitForEvents(page, (all) => named(all, 'returning_from_mail').length === 1)
  const starts = named(events, 'visit_start')
  expect(starts.map((e) => e.properties.visit)).toEqual([1, 2])
  expect(starts[1]!.properties).toMatchObject({ utm_source: 'mail', utm_medium: 'email' })
  expect(events.at(-1)!.context.journey.visit).toBe(2)
})

test('two tabs within a visit share one visit and count every view once', async ({ page, site, context }) => {
  const url = await site.serve(page, {
    config: reporting([
      { id: 'second', on: 'page_view', if: { 'page.views': 2 }, track: 'second_view' },
      { id: 'fourth', on: 'page_view', if: { 'visit.pageviews': 4 }, track: 'fourth_view' },
    ]),
  })
  await load(page, url)
  const other = await context.newPage()
  await load(other, url)
  await Promise.all([load(page, url), load(other, url)]) // racing tabs
  const events = await site.waitForEvents(page, (all) => named(all, 'fourth_view').length === 1)
  await other.evaluate(() => (window as any).journeykit.flush())
  const all = site.collector.events()
  expect(named(all, 'visit_start')).toHaveLength(1)
  expect(named(all, 'second_view')).toHaveLength(1)
  expect(named(all, 'fourth_view')).toHaveLength(1)
  expect(all.filter((e) => e.type === 'page')).toHaveLength(4)
  expect(new Set(events.map((e) => e.anonymousId)).size).toBe(1)
})

test('the pointer leaving through the top fires exit_intent once; not right after a click on a link', async ({ page, site }) => {
  const url = await site.serve(page, {
    body: tall,
    config: reporting([{ id: 'exit', on: 'exit_intent', track: 'exit_rule_ran' }]),
  })
  await load(page, url)
  await page.waitForTimeout(1600) // the arming delay
  // a click on a link near the top, then the pointer leaves at once: a navigation, not an exit
  await page.click('#top-link')
  await page.mouse.move(40, -20, { steps: 4 })
  await page.waitForTimeout(300)
  expect(named(await checkpoint(page, site), 'exit_intent')).toHaveLength(0)
  await page.waitForTimeout(1100)
  await page.mouse.move(400, 300)
  await page.mouse.move(400, -20, { steps: 4 })
  await page.mouse.move(400, 300)
  await page.mouse.move(400, -20, { steps: 4 })
  const events = await site.waitForEvents(page, (all) => named(all, 'exit_rule_ran').length === 1)
  expect(named(events, 'exit_intent')).toHaveLength(1)
  expect(named(events, 'exit_intent')[0]!.properties).toEqual({ how: 'pointer' })
})

test('scrolling past 50% fires the scroll rule once per page view', async ({ page, site }) => {
  const url = await site.serve(page, { body: tall, config: reporting([{ id: 'half', on: 'scroll', percent: 50, track: 'read_half' }]) })
  await load(page, url)
  await page.mouse.move(300, 300)
  await page.mouse.wheel(0, 800)
  await page.waitForTimeout(200)
  expect(named(await checkpoint(page, site), 'read_half')).toHaveLength(0) // ~35%
  await page.mouse.wheel(0, 1400)
  await page.mouse.wheel(0, -2000)
  await page.mouse.wheel(0, 3000)
  const events = await site.waitForEvents(page, (all) => named(all, 'read_half').length >= 1)
  await page.waitForTimeout(300)
  await page.evaluate(() => (window as any).journeykit.flush())
  expect(named(site.collector.events(), 'read_half')).toHaveLength(1)
  expect(events.length).toBeGreaterThan(0)
})

test('pushState to a new URL records exactly one page view and re-runs page rules', async ({ page, site }) => {
  const url = await site.serve(page, {
    config: reporting([{ id: 'spa-cart', on: 'page_view', if: { 'page.path': '/spa/cart' }, track: 'spa_cart_seen' }]),
  })
  await load(page, url)
  await page.evaluate(() => {
    history.pushState({}, '', '/spa/cart')
    history.replaceState({ same: true }, '', '/spa/cart')
  })
  const events = await site.waitForEvents(page, (all) => named(all, 'spa_cart_seen').length === 1)
  expect(events.filter((e) => e.type === 'page').map((e) => e.context.page.path)).toEqual([new URL(url).pathname, '/spa/cart'])
  await page.goBack()
  await site.waitForEvents(page, (all) => all.filter((e) => e.type === 'page').length === 3)
})

test('route changes made before the route watcher arrives (just after ready) each become a page view, in order', async ({ page, site }) => {
  const url = await site.serve(page, {
    config: reporting([{ id: 'spa-cart', on: 'page_view', if: { 'page.path': '/spa/cart' }, track: 'spa_cart_seen' }]),
  })
  // The watcher comes with after-ready.js: held back until the app has moved twice.
  let release!: () => void
  const released = new Promise<void>((resolve) => (release = resolve))
  await page.route('**/dist/after-ready.js', async (route) => {
    await released
    await route.continue()
  })
  await page.goto(url)
  await runtimeReady(page)
  await page.evaluate(() => {
    history.pushState({}, '', '/spa/product')
    history.pushState({}, '', '/spa/cart')
  })
  release()
  const events = await site.waitForEvents(page, (all) => named(all, 'spa_cart_seen').length === 1)
  expect(events.filter((e) => e.type === 'page').map((e) => e.context.page.path)).toEqual([new URL(url).pathname, '/spa/product', '/spa/cart'])
  expect(events.find((e) => e.type === 'page' && e.context.page.path === '/spa/product')?.context.page.url).toMatch(/\/spa\/product$/)
})

test('without IndexedDB tracking still works, in memory', async ({ page, site }) => {
  await page.addInitScript(() => Object.defineProperty(window, 'indexedDB', { value: undefined, configurable: true }))
  const pageErrors: Error[] = []
  page.on('pageerror', (err) => pageErrors.push(err))
  const url = await site.serve(page, { config: reporting([{ id: 'r', on: 'signup', track: 'signup_seen' }]) })
  await load(page, url)
  await page.evaluate(() => (window as any).journeykit.track('signup'))
  const events = await site.waitForEvents(page, (all) => named(all, 'signup_seen').length === 1)
  expect(events.map((e) => e.event ?? e.type)).toEqual(['visit_start', 'page', 'signup', 'signup_seen'])
  expect(pageErrors).toEqual([])
})
