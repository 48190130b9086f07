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

/**
 * The pointer leaves through the top until this page's exit intent watcher reports it: the
 * watcher comes with the triggers chunk just after ready, then arms after a delay, which the
 * page's fake clock is moved past each time. Exit intent fires once per page view.
 */
async function leaveThroughTop(page: Page) {
  await page.evaluate(() => (window as any).journeykit.on('exit_intent', () => ((window as any).exited = true)))
  await expect
    .poll(
      async () => {
        await page.clock.runFor(2000)
        await page.mouse.move(400, 300)
        await page.mouse.move(400, -20, { steps: 4 })
        return page.evaluate(() => (window as any).exited === true)
      },
      { timeout: 30_000 },
    )
    .toBe(true)
}

test('"on exit intent, on the cart page, from the second visit on, at most once a week, on Thursdays 8–20h"', async ({ page, site }) => {
  await page.clock.install({ time: new Date('2026-11-26T09:00:00Z') }) // Thursday 10:00 in Belgrade
  const cart = await site.serve(page, { path: '/cart/index.html', config })
  const modal = page.locator('[data-journeykit-item="exit-offer"]')

  await page.goto(cart) // visit 1: no offer
  await runtimeReady(page)
  await leaveThroughTop(page)
  await site.waitForEvents(page, (all) => all.filter((e) => e.event === 'exit_intent').length === 1)
  await expectNothingElseShown(page, site)

  await page.clock.fastForward('31:00') // visit 2
  await page.goto(cart)
  await runtimeReady(page)
  await leaveThroughTop(page)
  await expect(modal.getByRole('dialog', { name: 'Wait!' })).toBeVisible()
  await page.keyboard.press('Escape')

  await page.goto(cart) // same visit, same week: capped
  await runtimeReady(page)
  await leaveThroughTop(page)
  await site.waitForEvents(page, (all) => all.filter((e) => e.event === 'exit_intent').length === 3)
  await expectNothingElseShown(page, site)

  const events = await site.waitForEvents(page, (all) => all.filter((e) => e.event === 'exit_intent').length === 3)
  expect(shownExceptProbe(events).map((e) => e.properties)).toEqual([{ item: 'exit-offer', rule: 'exit-on-cart', variant: null }])
  expect(events.filter((e) => e.event === 'stage_changed').map((e) => e.properties)).toEqual([{ from: 'awareness', to: 'retention', rule: 'exit-on-cart' }])
  // The latest event by its time, not by arrival: a page's held events may come from the next page.
  const latest = [...events].sort((a, b) => Date.parse(a.timestamp) - Date.parse(b.timestamp)).at(-1)!
  expect(latest.context.journey).toEqual({ stage: 'retention', visit: 2 })
})

test('the same rule outside its Thursday window shows nothing', async ({ page, site }) => {
  await page.clock.install({ time: new Date('2026-11-27T09:00:00Z') }) // Friday
  const cart = await site.serve(page, { path: '/cart/friday.html', config })
  await page.goto(cart)
  await runtimeReady(page)
  await page.clock.fastForward('31:00')
  await page.goto(cart)
  await runtimeReady(page)
  await leaveThroughTop(page)
  await site.waitForEvents(page, (all) => all.some((e) => e.event === 'exit_intent'))
  const events = await expectNothingElseShown(page, site)
  expect(shownExceptProbe(events)).toEqual([])
})
