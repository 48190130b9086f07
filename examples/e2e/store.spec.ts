import { test, expect } from './fixtures.js'
import { serveStoreSite } from './store-site.js'

test('the demo store: welcome offer on home, cart events, and the purchase stage', async ({ page, site }) => {
  // The store's config points at :8787; its built site sends to this test's collector instead.
  await serveStoreSite(site)
  await page.goto(`${site.origin}/examples/store/`)
  const welcome = page.locator('[data-journeykit-item="welcome"]')
  await expect(welcome.getByRole('dialog', { name: 'Welcome to Linen & Co.' })).toBeVisible()
  await expect(welcome.getByText('WELCOME10')).toBeVisible()
  await welcome.getByRole('link', { name: 'Shop shirts' }).click()
  await expect(page).toHaveURL(/product\.html$/)
  await page.getByRole('button', { name: /add to cart/i }).click()
  // Cart rescue enters on product_added. A call still running when the page goes is carried to
  // the next page as its message and never run again (contract §7; carry.spec.ts), which would
  // leave the journey out: let it run here first.
  await site.waitForEvents(page, (all) => all.some((e) => e.event === 'journey_entered' && e.properties?.journey === 'cart-rescue'))
  await page.goto(`${site.origin}/examples/store/cart.html`)
  const offer = page.locator('[data-journeykit-item="cart-offer"]')
  await expect(offer.getByRole('dialog')).toBeVisible()
  await page.keyboard.press('Escape')
  await page.getByRole('button', { name: /checkout/i }).click()
  // after the order, the soft ask for push (the collector sends the cart reminders)
  await expect(page.locator('[data-journeykit-item="cart-alerts"]').getByText('Want a nudge about your cart?')).toBeVisible()
  const isAsk = (e: Record<string, any>) => e.event === 'item_shown' && e.properties?.item === 'cart-alerts'
  const events = await site.waitForEvents(page, (all) => all.filter((e) => e.event === 'journey_exited').length === 2 && all.some(isAsk))
  const ask = events.findIndex(isAsk)
  expect(ask).toBeGreaterThan(events.findIndex((e) => e.event === 'order_completed'))
  const names = events.filter((e) => !isAsk(e)).map((e) => e.event ?? e.type)
  expect(names).toEqual([
    'visit_start',
    'journey_entered',
    'page',
    'item_shown',
    'item_converted',
    'page',
    'product_added',
    'journey_entered',
    'page',
    'item_shown',
    'item_dismissed',
    'checkout_started',
    'order_completed',
    'stage_changed',
    'journey_exited',
    'journey_goal',
    'journey_exited',
  ])
  // the two journeys the store runs: a welcome series from the first visit, and cart rescue
  expect(events.filter((e) => e.event === 'journey_entered').map((e) => e.properties!.journey)).toEqual(['welcome-series', 'cart-rescue'])
  expect(events.filter((e) => e.event === 'journey_exited').map((e) => [e.properties!.journey, e.properties!.reason])).toEqual([
    ['welcome-series', 'exit'],
    ['cart-rescue', 'goal'],
  ])
  expect(events.find((e) => e.event === 'item_converted')!.properties).toMatchObject({ item: 'welcome', what: 'cta' })
  expect(events.find((e) => e.event === 'stage_changed')!.properties).toEqual({ from: 'awareness', to: 'purchase', rule: null })
  // one visitor across the three pages
  expect(new Set(events.map((e) => e.anonymousId)).size).toBe(1)
})
