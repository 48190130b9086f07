import { test, expect, runtimeReady, collectConsole, type Site } from './fixtures.js'
import type { Page } from '@playwright/test'
import { checkpoint, expectNothingElseShown, withProbe } from './decided.js'

/**
 * Journeys (contract §8) in real Chromium, under Playwright's clock: days pass between
 * visits in a second, and what a user sees is checked — events at the collector, items on
 * the page, the run in IndexedDB. `page.clock` is the context's: every tab shares one time.
 */

type Events = Array<Record<string, any>>

const hour = 3_600_000
const day = 24 * hour
const monday = new Date('2026-11-23T09:00:00Z')

const reminder = { kind: 'focus', style: 'bar', title: 'Your cart misses you' }
const thanks = { kind: 'focus', style: 'bar', title: 'Thank you!' }

const jk = (page: Page, method: string, ...args: unknown[]) =>
  page.evaluate(([name, rest]) => (window as any).journeykit[name as string](...(rest as unknown[])), [method, args] as const)

/** `journey_*` events as `[event, properties]`, in the order the collector got them. */
const journeyEvents = (events: Events) => events.filter((e) => e.event?.startsWith('journey_')).map((e) => [e.event, e.properties])

const named = (events: Events, name: string) => events.filter((e) => e.event === name)
const count =
  (name: string, where: (e: Record<string, any>) => boolean = () => true) =>
  (all: Events) =>
    named(all, name).filter(where).length

/** The journeys' stored state (key `jk:v1:journeys` of IndexedDB `journeykit`/`state`); undefined when absent. Never creates the database. */
const storedJourneys = (page: Page) =>
  page.evaluate(async () => {
    if (!(await indexedDB.databases()).some((db) => db.name === 'journeykit')) return undefined
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('journeykit')
      open.onsuccess = () => resolve(open.result)
      open.onerror = () => reject(open.error)
    })
    try {
      if (!db.objectStoreNames.contains('state')) return undefined
      return await new Promise<any>((resolve, reject) => {
        const get = db.transaction('state').objectStore('state').get('jk:v1:journeys')
        get.onsuccess = () => resolve(get.result)
        get.onerror = () => reject(get.error)
      })
    } finally {
      db.close()
    }
  })

/** A page load of `url` whose runtime is up and whose own calls (the page view and what it led to) have all run. */
async function visit(page: Page, site: Site, url: string): Promise<Events> {
  await page.goto(url)
  await runtimeReady(page)
  return checkpoint(page, site)
}

/** Leaves the site: the next `goto` is a new page load, the way a visitor comes back. */
const leave = (page: Page) => page.goto('about:blank')

test('a journey over days and visits: entered on an event, a 1-day wait, then a guarded show at the next cart visit', async ({ page, site }) => {
  await page.clock.install({ time: monday })
  const config = withProbe({
    version: 1,
    items: { reminder },
    journeys: {
      'cart-rescue': {
        entry: { on: 'add_to_cart' },
        steps: [
          { id: 'pause', wait: '1d' },
          { id: 'nudge', on: 'page_view', if: { 'page.path': { $startsWith: '/shop/cart' } }, show: 'reminder' },
        ],
      },
    },
  })
  const product = await site.serve(page, { path: '/shop/product.html', config })
  const cart = await site.serve(page, { path: '/shop/cart.html', config })
  const shown = page.locator('[data-journeykit-item="reminder"]').getByRole('region', { name: 'Your cart misses you' })

  await visit(page, site, product)
  await jk(page, 'track', 'add_to_cart')
  await site.waitForEvents(page, (all) => named(all, 'journey_entered').length === 1)
  const waiting = (await storedJourneys(page))?.journeys['cart-rescue'].run
  expect(waiting).toMatchObject({ run: 1, step: 'pause', holdout: false })
  expect(waiting.until - waiting.enteredAt).toBe(day) // an absolute time, stored with the visitor

  // Three hours later, a visit to the cart: the wait is not over, nothing shows.
  await leave(page)
  await page.clock.fastForward(3 * hour)
  await visit(page, site, cart)
  await expectNothingElseShown(page, site)
  expect((await storedJourneys(page))?.journeys['cart-rescue'].run.step).toBe('pause')

  // Two days on: a product page does not meet the guard; the cart page does.
  await leave(page)
  await page.clock.fastForward(2 * day)
  await visit(page, site, product)
  await expectNothingElseShown(page, site)
  expect((await storedJourneys(page))?.journeys['cart-rescue'].run.step).toBe('nudge')
  await page.goto(cart)
  await expect(shown).toBeVisible()

  const events = await site.waitForEvents(page, (all) => named(all, 'journey_exited').length === 1 && named(all, 'item_shown').length >= 3)
  const where = { journey: 'cart-rescue', run: 1 }
  expect(journeyEvents(events)).toEqual([
    ['journey_entered', { ...where, holdout: false }],
    ['journey_step', { ...where, step: 'pause', action: 'wait' }],
    ['journey_step', { ...where, step: 'nudge', action: 'show' }],
    ['journey_exited', { ...where, reason: 'completed' }],
  ])
  expect(named(events, 'item_shown').find((e) => e.properties.item === 'reminder')!.properties).toEqual({
    item: 'reminder',
    rule: null,
    variant: null,
    ...where,
    step: 'nudge',
  })
  // The step acted on the cart page's view, two days after the entry.
  const [entered, step] = [named(events, 'journey_entered')[0]!, named(events, 'journey_step').find((e) => e.properties.step === 'nudge')!]
  expect(Date.parse(step.timestamp) - Date.parse(entered.timestamp)).toBeGreaterThanOrEqual(2 * day)
  expect(step.context.page.path).toBe('/shop/cart.html')
  expect(new Set(events.map((e) => e.anonymousId)).size).toBe(1)
  expect((await storedJourneys(page))?.journeys['cart-rescue']).toMatchObject({ runs: 1, goal: false })
  expect((await storedJourneys(page))?.journeys['cart-rescue'].run).toBeUndefined()
})

const onboarding = {
  version: 1,
  items: { thanks },
  journeys: {
    onboarding: {
      entry: { on: 'signed_up' },
      steps: [
        { id: 'pause', wait: '1d' },
        { id: 'watch', on: 'order_completed', within: '2d', show: 'thanks', else: 'winback' },
        { id: 'done', exit: true },
        { id: 'winback', track: 'winback_requested' },
      ],
    },
  },
}

test('timers that ran out while the visitor was away resolve at the next visit, in order: the wait, then the within → its else', async ({ page, site }) => {
  await page.clock.install({ time: monday })
  const url = await site.serve(page, { config: onboarding })
  await visit(page, site, url)
  await jk(page, 'track', 'signed_up')
  await site.waitForEvents(page, (all) => named(all, 'journey_entered').length === 1)
  await leave(page)

  // Away for five days: the wait ended on day 1, the within on day 3.
  await page.clock.fastForward(5 * day)
  site.collector.clear()
  await page.goto(url)
  const events = await site.waitForEvents(page, (all) => named(all, 'journey_exited').length === 1)
  const where = { journey: 'onboarding', run: 1 }
  // Resolved as the visit starts, in the page load's own call: before its page view is sent.
  expect(events.map((e) => e.event ?? e.type)).toEqual([
    'visit_start',
    'journey_step',
    'journey_step',
    'journey_step',
    'winback_requested',
    'journey_exited',
    'page',
  ])
  for (const e of events) expect(e.context.page.path).toBe(new URL(url).pathname)
  expect(journeyEvents(events)).toEqual([
    ['journey_step', { ...where, step: 'pause', action: 'wait' }],
    ['journey_step', { ...where, step: 'watch', action: 'else', goto: 'winback' }],
    ['journey_step', { ...where, step: 'winback', action: 'track' }],
    ['journey_exited', { ...where, reason: 'completed' }],
  ])
  expect(named(events, 'winback_requested')[0]!.properties).toEqual({ ...where, step: 'winback' })
  for (const e of events) expect(Date.parse(e.timestamp)).toBeGreaterThanOrEqual(monday.getTime() + 5 * day)

  // Too late for the guard: the order no longer shows its thanks.
  await jk(page, 'track', 'order_completed')
  await checkpoint(page, site)
  await expect(page.locator('[data-journeykit-item="thanks"]')).toHaveCount(0)
})

test('a wait that ended while away, inside the within: the guard takes its trigger at the next visit', async ({ page, site }) => {
  await page.clock.install({ time: monday })
  const url = await site.serve(page, { config: onboarding })
  await visit(page, site, url)
  await jk(page, 'track', 'signed_up')
  await site.waitForEvents(page, (all) => named(all, 'journey_entered').length === 1)
  await leave(page)

  // Back on day 2: the wait ended on day 1; the within runs until day 3.
  await page.clock.fastForward(2 * day)
  await visit(page, site, url)
  const run = (await storedJourneys(page))?.journeys.onboarding.run
  expect(run.step).toBe('watch')
  expect(run.until - run.enteredAt).toBe(3 * day) // the within counts from the wait's end, not from this visit
  await jk(page, 'track', 'order_completed')
  await expect(page.locator('[data-journeykit-item="thanks"]').getByRole('region', { name: 'Thank you!' })).toBeVisible()
  const events = await site.waitForEvents(page, (all) => named(all, 'journey_exited').length === 1)
  expect(journeyEvents(events).slice(1)).toEqual([
    ['journey_step', { journey: 'onboarding', run: 1, step: 'pause', action: 'wait' }],
    ['journey_step', { journey: 'onboarding', run: 1, step: 'watch', action: 'show' }],
    ['journey_step', { journey: 'onboarding', run: 1, step: 'done', action: 'exit' }],
    ['journey_exited', { journey: 'onboarding', run: 1, reason: 'completed' }],
  ])
  expect(named(events, 'winback_requested')).toEqual([])
})

const rescue = withProbe({
  version: 1,
  items: { reminder },
  journeys: {
    rescue: {
      entry: { on: 'add_to_cart' },
      steps: [
        { id: 'pause', wait: '1h' },
        { id: 'remind', show: 'reminder' },
      ],
    },
  },
})

const remindedOnce = [
  ['journey_entered', { journey: 'rescue', run: 1, holdout: false }],
  ['journey_step', { journey: 'rescue', run: 1, step: 'pause', action: 'wait' }],
  ['journey_step', { journey: 'rescue', run: 1, step: 'remind', action: 'show' }],
  ['journey_exited', { journey: 'rescue', run: 1, reason: 'completed' }],
]

test('a wait that ends as the visitor reloads: what its steps do arrives from the next page, each once', async ({ page, site }) => {
  await page.clock.install({ time: monday })
  const config = {
    version: 1,
    journeys: {
      rescue: {
        entry: { on: 'add_to_cart' },
        steps: [
          { id: 'pause', wait: '1h' },
          { id: 'first', track: 'reminder_1' },
          { id: 'second', track: 'reminder_2' },
          { id: 'third', track: 'reminder_3' },
        ],
      },
    },
  }
  const url = await site.serve(page, { config })
  await visit(page, site, url)
  await jk(page, 'track', 'add_to_cart')
  await site.waitForEvents(page, (all) => named(all, 'journey_entered').length === 1)
  // The wait runs out and the page reloads at once: the steps may be acting as it goes.
  await page.clock.fastForward(hour + 1000)
  await page.reload()
  await runtimeReady(page)

  const events = await site.waitForEvents(page, (all) => named(all, 'journey_exited').length >= 1 && named(all, 'reminder_3').length >= 1)
  const once = (name: string) => new Set(named(events, name).map((e) => e.messageId)).size
  expect(['reminder_1', 'reminder_2', 'reminder_3', 'journey_exited'].map(once)).toEqual([1, 1, 1, 1])
  const steps = named(events, 'journey_step').map((e) => `${e.properties.step}:${e.messageId}`)
  expect(new Set(steps).size).toBe(4) // pause (the wait), first, second, third: each under one messageId
  expect((await storedJourneys(page))?.journeys.rescue.run).toBeUndefined()
  // What was owed is crossed off once done.
  await expect.poll(async () => (await storedJourneys(page))?.owed, { timeout: 15_000 }).toBeUndefined()
})

test('two tabs open when a wait ends: the next step acts once, in one tab only', async ({ page, site, context }) => {
  await page.clock.install({ time: monday })
  const url = await site.serve(page, { config: rescue })
  await visit(page, site, url)
  await jk(page, 'track', 'add_to_cart')
  await site.waitForEvents(page, (all) => named(all, 'journey_entered').length === 1)
  // The second tab opens after the entry: its page view reads the waiting run, and it wakes too.
  const other = await context.newPage()
  await visit(other, site, url)
  expect((await storedJourneys(other))?.journeys.rescue.run.step).toBe('pause')

  await page.clock.fastForward(hour + 1000) // the context's clock: both tabs' timers run out
  const tabs = [page, other]
  await site.waitForEvents(page, (all) => named(all, 'journey_exited').length === 1)
  // Each tab's probe shows after its own wake-up has run (calls run in order, per tab).
  for (const tab of tabs) await jk(tab, 'track', 'probe')
  for (const tab of tabs) await expect(tab.locator('[data-journeykit-item="probe"]')).toHaveCount(1)
  await jk(other, 'flush')
  const events = await site.waitForEvents(page, (all) => count('item_shown', (e) => e.properties.item === 'probe')(all) === 2)

  const onScreen = await Promise.all(tabs.map((tab) => tab.locator('[data-journeykit-item="reminder"]').count()))
  expect(onScreen.sort()).toEqual([0, 1])
  expect(journeyEvents(events)).toEqual(remindedOnce)
  expect(named(events, 'item_shown').filter((e) => e.properties.item === 'reminder')).toHaveLength(1)
})

test('a tab opened before another tab entered the run wakes too: with that tab closed, the step acts where the visitor is', async ({ page, site, context }) => {
  await page.clock.install({ time: monday })
  const url = await site.serve(page, { config: rescue })
  const first = await context.newPage()
  await visit(first, site, url) // open before the run exists: nothing to wake for yet
  await visit(page, site, url)
  await jk(page, 'track', 'add_to_cart')
  await site.waitForEvents(page, (all) => named(all, 'journey_entered').length === 1)
  await page.close()

  await first.clock.fastForward(hour + 1000)
  await expect(first.locator('[data-journeykit-item="reminder"]').getByRole('region', { name: 'Your cart misses you' })).toBeVisible()
  const events = await site.waitForEvents(first, (all) => named(all, 'journey_exited').length === 1)
  expect(journeyEvents(events)).toEqual(remindedOnce)
  expect(named(events, 'journey_step')[0]!.context.page.url).toBe(url)
})

const cancellable = withProbe({
  version: 1,
  items: { reminder },
  journeys: {
    rescue: {
      entry: { on: 'add_to_cart' },
      exit: [{ on: 'cart_emptied' }],
      goal: { on: 'order_completed', within: '7d' },
      steps: [
        { id: 'pause', wait: '1d' },
        { id: 'remind', show: 'reminder' },
      ],
    },
  },
})

for (const { how, event, reason } of [
  { how: 'the goal', event: 'order_completed', reason: 'goal' },
  { how: 'an exit trigger', event: 'cart_emptied', reason: 'exit' },
]) {
  test(`${how} cancels a wait: the run ends (reason ${reason}) and the step after the wait never runs`, async ({ page, site }) => {
    await page.clock.install({ time: monday })
    const url = await site.serve(page, { config: cancellable })
    await visit(page, site, url)
    await jk(page, 'track', 'add_to_cart')
    await jk(page, 'track', event)
    await site.waitForEvents(page, (all) => named(all, 'journey_exited').length === 1)

    // The wait's end passes with the visitor on the page, then at a later visit.
    await page.clock.fastForward(day + hour)
    await expectNothingElseShown(page, site)
    await leave(page)
    await page.clock.fastForward(day)
    await visit(page, site, url)
    const events = await expectNothingElseShown(page, site)

    const where = { journey: 'rescue', run: 1 }
    expect(journeyEvents(events)).toEqual([
      ['journey_entered', { ...where, holdout: false }],
      ...(reason === 'goal' ? [['journey_goal', { ...where, holdout: false }]] : []),
      ['journey_exited', { ...where, reason }],
    ])
    expect(named(events, 'item_shown').filter((e) => e.properties.item === 'reminder')).toEqual([])
    const stored = (await storedJourneys(page))?.journeys.rescue
    expect(stored).toMatchObject({ runs: 1, goal: reason === 'goal' })
    expect(stored.run).toBeUndefined()
  })
}

test('consent: pending holds the journeys; a grant steps them and stores the run; a denial erases it and nothing more is sent', async ({ page, site }) => {
  await page.clock.install({ time: monday })
  const config = {
    version: 1,
    items: { reminder, farewell: { kind: 'focus', style: 'bar', title: 'See you soon' }, probe: { kind: 'focus', style: 'bar', title: 'Probe' } },
    journeys: {
      rescue: {
        entry: { on: 'add_to_cart' },
        steps: [
          { id: 'hello', track: 'rescue_started' },
          { id: 'pause', wait: '1h' },
          { id: 'remind', show: 'reminder' },
          { id: 'rest', wait: '1d' },
          { id: 'bye', show: 'farewell' },
        ],
      },
    },
  }
  const pending = await site.serve(page, { path: '/e2e/pending.html', config, attributes: 'data-consent="pending"' })
  const granted = await site.serve(page, { path: '/e2e/granted.html', config })

  await page.goto(pending)
  await runtimeReady(page)
  await page.evaluate(() => {
    const seen: string[] = ((window as any).seen = [])
    ;(window as any).journeykit.on('*', (message: any) => seen.push(message.event ?? message.type))
  })
  await jk(page, 'track', 'add_to_cart')
  // flush() resolves once what it asked to send has gone: held, nothing went.
  await jk(page, 'flush')
  expect(await page.evaluate(() => (window as any).seen)).toEqual(['add_to_cart'])
  expect(site.collector.events()).toEqual([])
  expect(await page.evaluate(async () => (await indexedDB.databases()).map((db) => db.name))).not.toContain('journeykit')

  // Granted: the held call is stepped at its own time, and the run is stored with the visitor.
  const grantedAt = await page.evaluate(() => Date.now())
  await page.clock.fastForward(60_000)
  await jk(page, 'consent', 'granted')
  const held = await site.waitForEvents(page, (all) => named(all, 'rescue_started').length === 1)
  expect(journeyEvents(held)).toEqual([
    ['journey_entered', { journey: 'rescue', run: 1, holdout: false }],
    ['journey_step', { journey: 'rescue', run: 1, step: 'hello', action: 'track' }],
  ])
  expect(Date.parse(named(held, 'journey_entered')[0]?.timestamp)).toBeLessThanOrEqual(grantedAt)
  await expect.poll(async () => (await storedJourneys(page))?.journeys?.rescue?.run?.step, { timeout: 15_000 }).toBe('pause')

  // The next page of the site (consent remembered) carries the run on: the wait ends there.
  await visit(page, site, granted)
  await jk(page, 'track', 'add_to_cart') // reentry "never": no second run
  await page.clock.fastForward(hour)
  await expect(page.locator('[data-journeykit-item="reminder"]').getByRole('region', { name: 'Your cart misses you' })).toBeVisible()
  const carried = await site.waitForEvents(page, (all) => named(all, 'journey_step').length === 3)
  expect(journeyEvents(carried).slice(2)).toEqual([
    ['journey_step', { journey: 'rescue', run: 1, step: 'pause', action: 'wait' }],
    ['journey_step', { journey: 'rescue', run: 1, step: 'remind', action: 'show' }],
  ])
  await expect.poll(async () => (await storedJourneys(page))?.journeys?.rescue?.run?.step, { timeout: 15_000 }).toBe('rest')
  expect(new Set(carried.map((e) => e.anonymousId)).size).toBe(1)

  // Denied: the stored journey state is erased, nothing more is sent, and the run does not go on.
  await checkpoint(page, site)
  const before = site.collector.requests().filter((r) => r.method === 'POST').length
  await jk(page, 'consent', 'denied')
  await expect.poll(() => storedJourneys(page), { timeout: 15_000 }).toBeUndefined()
  await page.clock.fastForward(day + hour) // the rest ends: its wake-up runs in line before the probe below
  await jk(page, 'show', 'probe')
  await expect(page.locator('[data-journeykit-item="probe"]')).toHaveCount(1)
  await expect(page.locator('[data-journeykit-item="farewell"]')).toHaveCount(0)
  await jk(page, 'track', 'after_denial')
  await jk(page, 'flush')
  expect(site.collector.requests().filter((r) => r.method === 'POST')).toHaveLength(before)
  expect(await storedJourneys(page)).toBeUndefined()
})

test('a consent tool that grants a moment after every page starts: a returning visitor enters once over three pages', async ({ page, site }) => {
  await page.clock.install({ time: monday })
  const config = {
    version: 1,
    journeys: {
      welcome: {
        entry: { on: 'page_view' },
        steps: [
          { id: 'hello', track: 'welcome_started' },
          { id: 'later', wait: '2d' },
          { id: 'again', track: 'welcome_followed_up' },
        ],
      },
    },
  }
  const pages = await Promise.all(
    ['/e2e/one.html', '/e2e/two.html', '/e2e/three.html'].map((path) => site.serve(page, { path, config, attributes: 'data-consent="pending"' })),
  )
  for (const [i, url] of pages.entries()) {
    await page.goto(url)
    await runtimeReady(page)
    await jk(page, 'track', 'add_to_cart')
    await page.clock.fastForward(2_000) // the banner's moment
    await jk(page, 'consent', 'granted')
    await checkpoint(page, site)
    await expect.poll(async () => (await storedJourneys(page))?.journeys?.welcome?.runs, { timeout: 15_000 }).toBe(1)
    const events = site.collector.events()
    expect(events.filter((e) => e.type === 'page')).toHaveLength(i + 1)
    expect(named(events, 'journey_entered')).toHaveLength(1)
    expect(named(events, 'welcome_started')).toHaveLength(1)
  }
})

const welcome = {
  version: 1,
  items: { hello: { kind: 'focus', style: 'bar', title: 'Hello from code' } },
  journeys: {
    welcome: {
      steps: [
        { id: 'greet', show: 'hello' },
        { id: 'note', track: 'welcomed' },
      ],
    },
  },
}

const welcomed = [
  ['journey_entered', { journey: 'welcome', run: 1, holdout: false }],
  ['journey_step', { journey: 'welcome', run: 1, step: 'greet', action: 'show' }],
  ['journey_step', { journey: 'welcome', run: 1, step: 'note', action: 'track' }],
  ['journey_exited', { journey: 'welcome', run: 1, reason: 'completed' }],
]

test("journeykit.enter('id') from the page enters the journey; an unknown id is a console.error", async ({ page, site }) => {
  const errors = collectConsole(page)
  const url = await site.serve(page, { config: welcome })
  await visit(page, site, url)
  await jk(page, 'enter', 'welcome')
  await expect(page.locator('[data-journeykit-item="hello"]').getByRole('region', { name: 'Hello from code' })).toBeVisible()
  await jk(page, 'enter', 'welcome') // reentry "never"
  await jk(page, 'enter', 'nope')
  const events = await checkpoint(page, site)
  expect(journeyEvents(events)).toEqual(welcomed)
  expect(named(events, 'welcomed')).toHaveLength(1)
  expect(errors.filter((text) => text.includes('enter'))).toEqual([expect.stringMatching(/journeykit\.enter: .*no journey "nope"/)])
})

test("the loader's queue: journeykit.push(['enter', 'id']) before load enters the journey once the runtime is up", async ({ page, site }) => {
  const url = await site.serve(page, { config: welcome, before: "journeykit.push(['enter', 'welcome'])" })
  await page.goto(url)
  await expect(page.locator('[data-journeykit-item="hello"]').getByRole('region', { name: 'Hello from code' })).toBeVisible()
  const events = await site.waitForEvents(page, (all) => named(all, 'journey_exited').length === 1)
  expect(events.map((e) => e.event ?? e.type).slice(0, 3)).toEqual(['visit_start', 'page', 'journey_entered'])
  expect(journeyEvents(events)).toEqual(welcomed)
})

test('segments: segment_entered and segment_exited arrive, later events carry context.journey.segments, and a journey enters on a segment', async ({
  page,
  site,
}) => {
  await page.clock.install({ time: monday })
  const url = await site.serve(page, {
    config: {
      version: 1,
      segments: {
        pros: { if: { 'user.traits.plan': 'pro' } },
        returning: { if: { 'visit.count': { $gte: 2 } } },
      },
      journeys: {
        upsell: { entry: { on: 'add_to_cart', if: { 'segment.pros': true } }, steps: [{ id: 'note', track: 'pro_cart' }] },
      },
    },
  })
  await visit(page, site, url)
  await jk(page, 'track', 'add_to_cart') // not a pro yet: no run
  await jk(page, 'identify', 'u-1', { plan: 'pro' })
  await jk(page, 'track', 'add_to_cart')
  const first = await site.waitForEvents(page, (all) => named(all, 'journey_exited').length === 1)
  const segmentsOf = (events: Events) => events.map((e) => [e.event ?? e.type, e.context.journey.segments])
  expect(segmentsOf(first)).toEqual([
    ['visit_start', []],
    ['page', []],
    [expect.stringMatching(/^checkpoint_/), []],
    ['add_to_cart', []],
    ['identify', []], // membership is decided after each call: the call that changed it carries the old one
    ['segment_entered', ['pros']],
    ['add_to_cart', ['pros']],
    ['journey_entered', ['pros']],
    ['journey_step', ['pros']],
    ['pro_cart', ['pros']],
    ['journey_exited', ['pros']],
  ])
  expect(named(first, 'segment_entered')[0]!.properties).toEqual({ segment: 'pros' })

  // A second visit, 31 minutes on: returning too, in config order.
  await leave(page)
  await page.clock.fastForward(31 * 60_000)
  await visit(page, site, url)
  await jk(page, 'identify', 'u-1', { plan: 'free' })
  await jk(page, 'track', 'browse')
  const second = await site.waitForEvents(page, (all) => named(all, 'browse').length === 1)
  expect(segmentsOf(second.slice(first.length)).filter(([name]) => !/^checkpoint_/.test(name))).toEqual([
    ['visit_start', ['pros']],
    ['page', ['pros']],
    ['segment_entered', ['pros', 'returning']],
    ['identify', ['pros', 'returning']],
    ['segment_exited', ['returning']],
    ['browse', ['returning']],
  ])
  expect(named(second, 'segment_entered').map((e) => e.properties)).toEqual([{ segment: 'pros' }, { segment: 'returning' }])
  expect(named(second, 'segment_exited').map((e) => e.properties)).toEqual([{ segment: 'pros' }])
  expect((await storedJourneys(page))?.segments).toEqual(['returning'])
})

// Contract §5a: a tab opened before another tab's identify read the visitor before it. Each
// page view reads the visitor again (src/storage/visitor.ts refresh), so its next call decides
// segments with the user's traits, and its events carry the user id. (This failed before.)
test('two tabs, one visitor: an identify in one tab does not make the other announce segment_exited', async ({ page, site, context }) => {
  const url = await site.serve(page, { config: { version: 1, segments: { pros: { if: { 'user.traits.plan': 'pro' } } } } })
  const other = await context.newPage()
  await visit(other, site, url)
  await visit(page, site, url)
  await jk(page, 'identify', 'u-1', { plan: 'pro' })
  await site.waitForEvents(page, (all) => named(all, 'segment_entered').length === 1)
  await jk(other, 'page')
  await jk(other, 'track', 'browse')
  await jk(other, 'flush')
  const events = await site.waitForEvents(other, (all) => named(all, 'browse').length === 1)
  expect(named(events, 'segment_exited')).toEqual([])
  expect(named(events, 'browse')[0]!.context.journey.segments).toEqual(['pros'])
  expect(named(events, 'browse')[0]!.userId).toBe('u-1')
})
