import { test, expect, runtimeReady, collectConsole } from './fixtures.js'
import type { Site } from './fixtures.js'
import { serveStoreSite } from './store-site.js'

/** The demo store's built site, sending to this test's collector; its welcome rule capped at `once`. */
async function storeSendingTo(site: Site) {
  await serveStoreSite(site, (config) => {
    config.rules.find((rule: { id: string }) => rule.id === 'welcome-on-home').frequency = 'once'
  })
}

const shown = (item: string) => (e: Record<string, any>) => e.event === 'item_shown' && e.properties?.item === item

test('?journeykit_preview=<item> shows it whatever the rules, marks its events, and counts nothing', async ({ page, site }) => {
  await storeSendingTo(site)
  // The product page has no rule showing the welcome offer.
  await page.goto(`${site.origin}/examples/store/product.html?journeykit_preview=welcome`)
  const welcome = page.locator('[data-journeykit-item="welcome"]')
  await expect(welcome.getByRole('dialog', { name: 'Welcome to Linen & Co.' })).toBeVisible()
  await welcome.getByRole('button', { name: 'Close' }).click()
  await expect(welcome).toHaveCount(0)
  let events = await site.waitForEvents(page, (all) => all.some((e) => e.event === 'item_dismissed'))
  const previewed = events.filter((e) => e.properties?.item === 'welcome')
  expect(previewed.map((e) => e.event)).toEqual(['item_shown', 'item_dismissed'])
  for (const event of previewed) expect(event.context.journeykit).toEqual({ preview: true })
  expect(previewed[0]!.properties).toEqual({ item: 'welcome', rule: null, variant: null })
  // Rules and journeys rest on a preview page: the first visit enters no journey.
  expect(events.some((e) => e.event === 'journey_entered')).toBe(false)
  expect(events.filter((e) => e.event !== 'item_shown' && e.event !== 'item_dismissed').every((e) => !e.context.journeykit)).toBe(true)

  // A normal visit afterwards: the `once` rule still shows it, as real.
  site.collector.clear()
  await page.goto(`${site.origin}/examples/store/`)
  await expect(welcome.getByRole('dialog')).toBeVisible()
  events = await site.waitForEvents(page, (all) => all.some(shown('welcome')))
  const real = events.find(shown('welcome'))!
  expect(real.properties).toMatchObject({ item: 'welcome', rule: 'welcome-on-home' })
  expect(real.context.journeykit).toBeUndefined()
  // …and, capped at once, not again.
  await page.goto(`${site.origin}/examples/store/`)
  await runtimeReady(page)
  events = await site.waitForEvents(page, (all) => all.filter((e) => e.type === 'page').length === 2)
  expect(events.filter(shown('welcome'))).toHaveLength(1)
  await expect(welcome).toHaveCount(0)
})

test('?journeykit_preview=journey:<id> steps through the journey’s items with a Next control', async ({ page, site }) => {
  await storeSendingTo(site)
  await page.goto(`${site.origin}/examples/store/?journeykit_preview=journey:cart-rescue`)
  const control = page.locator('[data-journeykit-preview]')
  const exit = page.locator('[data-journeykit-item="cart-exit"]')
  const reminder = page.locator('[data-journeykit-item="cart-reminder"]')
  await expect(exit.getByRole('dialog', { name: 'Leaving already?' })).toBeVisible()
  await expect(control.getByText('Preview of cart-rescue: 1 of 2, cart-exit (step watch)')).toBeVisible()
  // The store's own welcome rule rests during a preview.
  await expect(page.locator('[data-journeykit-item="welcome"]')).toHaveCount(0)
  await expect(page).toHaveScreenshot('preview-journey-store.png', { maxDiffPixelRatio: 0.02, animations: 'disabled' })
  await control.getByRole('button', { name: 'Next' }).click()
  await expect(exit).toHaveCount(0)
  await expect(reminder.getByText('Your linen shirt is still in your cart')).toBeVisible()
  await expect(control.getByText('Preview of cart-rescue: 2 of 2, cart-reminder (step remind)')).toBeVisible()
  await control.getByRole('button', { name: 'Start again' }).click()
  await expect(exit.getByRole('dialog')).toBeVisible()
  const events = await site.waitForEvents(page, (all) => all.filter((e) => e.event === 'item_shown').length === 3)
  const shows = events.filter((e) => e.event === 'item_shown')
  expect(shows.map((e) => [e.properties.item, e.properties.journey, e.properties.step, e.context.journeykit?.preview])).toEqual([
    ['cart-exit', 'cart-rescue', 'watch', true],
    ['cart-reminder', 'cart-rescue', 'remind', true],
    ['cart-exit', 'cart-rescue', 'watch', true],
  ])
  // Stepping hides the item without a dismissal; no journey runs.
  expect(events.some((e) => e.event === 'item_dismissed' || e.event?.startsWith('journey_'))).toBe(false)
})

test('an unknown preview id is a console.error naming the parameter', async ({ page, site }) => {
  const errors = collectConsole(page)
  await storeSendingTo(site)
  await page.goto(`${site.origin}/examples/store/?journeykit_preview=nope`)
  await runtimeReady(page)
  await expect.poll(() => errors).toContain('journeykit.preview: ?journeykit_preview=nope: no item "nope" in the config')
  await expect(page.locator('[data-journeykit-item]')).toHaveCount(0)
})
