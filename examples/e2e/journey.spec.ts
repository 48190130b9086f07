import { test, expect, runtimeReady } from './fixtures.js'
import type { Page } from '@playwright/test'
import { expectNothingElseShown, shownExceptProbe, withProbe } from './decided.js'

/** The store owner's sentence from the brief, as the contract's example config writes it (plus a probe, decided.ts). */
const config = withProbe({
  version: 1,
  stages: { purchase: { on: 'order_completed' } },
  items: {
    'exit-offer': { kind: 'focus', style: 'modal', title: 'Wait!', body: 'Take 10% off today', code: 'SAVE10', cta: { label: 'Back to cart', url: '/cart' } },
  },
  rules: [
    {
      id: 'exit-on-cart',
      on: 'exit_intent',
      if: { 'page.path': { $startsWith: '/cart' }, 'visit.count': { $gte: 2 } },
      show: 'exit-offer',
      frequency: { limit: 1, per: '7d' },
      schedule: { weekly: [{ days: ['thu'], from: '08:00', to: '20:00' }], timezone: 'Europe/Belgrade' },
      stage: 'retention',
    },
  ],
})

/** Counts the loads of the lazy chunk that holds the exit intent watcher. */
function countTriggerLoads(page: Page) {
  const loads = { count: 0 }
  page.on('requestfinished', (request) => request.url().endsWith('/dist/triggers.js') && loads.count++)
  return loads
}

async function leaveThroughTop(page: Page, loads: { count: number }, nth: number) {
  // Wait (in real time: the page's clock is fake) for this page's watcher, then move the
  // page's clock past its arming delay.
  await expect.poll(() => loads.count).toBeGreaterThanOrEqual(nth)
  await page.waitForTimeout(150)
  await page.clock.runFor(2000)
  await page.mouse.move(400, 300)
  await page.mouse.move(400, -20, { steps: 4 })
}

test('"on exit intent, on the cart page, from the second visit on, at most once a week, on Thursdays 8–20h"', async ({ page, site }) => {
  await page.clock.install({ time: new Date('2026-11-26T09:00:00Z') }) // Thursday 10:00 in Belgrade
  const cart = await site.serve(page, { path: '/cart/index.html', config })
  const modal = page.locator('[data-journeykit-item="exit-offer"]')
  const loads = countTriggerLoads(page)

  await page.goto(cart) // visit 1: no offer
  await runtimeReady(page)
  await leaveThroughTop(page, loads, 1)
  await site.waitForEvents(page, (all) => all.filter((e) => e.event === 'exit_intent').length === 1)
  await expectNothingElseShown(page, site)

  await page.clock.fastForward('31:00') // visit 2
  await page.goto(cart)
  await runtimeReady(page)
  await leaveThroughTop(page, loads, 2)
  await expect(modal.getByRole('dialog', { name: 'Wait!' })).toBeVisible()
  await page.keyboard.press('Escape')

  await page.goto(cart) // same visit, same week: capped
  await runtimeReady(page)
  await leaveThroughTop(page, loads, 3)
  await site.waitForEvents(page, (all) => all.filter((e) => e.event === 'exit_intent').length === 3)
  await expectNothingElseShown(page, site)

  const events = await site.waitForEvents(page, (all) => all.filter((e) => e.event === 'exit_intent').length === 3)
  expect(shownExceptProbe(events).map((e) => e.properties)).toEqual([{ item: 'exit-offer', rule: 'exit-on-cart', variant: null }])
  expect(events.filter((e) => e.event === 'stage_changed').map((e) => e.properties)).toEqual([{ from: 'awareness', to: 'retention', rule: 'exit-on-cart' }])
  expect(events.at(-1)!.context.journey).toEqual({ stage: 'retention', visit: 2 })
})

test('the same rule outside its Thursday window shows nothing', async ({ page, site }) => {
  await page.clock.install({ time: new Date('2026-11-27T09:00:00Z') }) // Friday
  const cart = await site.serve(page, { path: '/cart/friday.html', config })
  const loads = countTriggerLoads(page)
  await page.goto(cart)
  await runtimeReady(page)
  await page.clock.fastForward('31:00')
  await page.goto(cart)
  await runtimeReady(page)
  await leaveThroughTop(page, loads, 2)
  await site.waitForEvents(page, (all) => all.some((e) => e.event === 'exit_intent'))
  const events = await expectNothingElseShown(page, site)
  expect(shownExceptProbe(events)).toEqual([])
})
