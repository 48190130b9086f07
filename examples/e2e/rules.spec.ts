import { test, expect, runtimeReady, collectConsole } from './fixtures.js'
import { expectNothingElseShown, shownExceptProbe, withProbe } from './decided.js'

const offer = { kind: 'focus', style: 'modal', title: 'Once only' }
const shownIn = (events: Array<Record<string, any>>) => events.filter((e) => e.event === 'item_shown')

test('a frequency cap holds across reloads', async ({ page, site }) => {
  const url = await site.serve(page, {
    config: withProbe({ version: 1, items: { offer }, rules: [{ id: 'once', on: 'page_view', show: 'offer', frequency: 'once' }] }),
  })
  await page.goto(url)
  await expect(page.locator('[data-journeykit-item="offer"]').getByRole('dialog')).toBeVisible()
  for (let i = 0; i < 2; i++) {
    await page.goto(url)
    await runtimeReady(page)
    await expectNothingElseShown(page, site) // once the probe showed, the offer would have
  }
  const events = await site.waitForEvents(page, (all) => all.filter((e) => e.type === 'page').length === 3)
  expect(shownExceptProbe(events)).toHaveLength(1)
})

test('a cap of once shows in one tab only, even when two tabs race', async ({ page, site, context }) => {
  const url = await site.serve(page, {
    config: { version: 1, items: { offer }, rules: [{ id: 'once', on: 'go', show: 'offer', frequency: 'once' }] },
  })
  const other = await context.newPage()
  await Promise.all([page.goto(url), other.goto(url)])
  await Promise.all([runtimeReady(page), runtimeReady(other)])
  await Promise.all([page.evaluate(() => (window as any).journeykit.track('go')), other.evaluate(() => (window as any).journeykit.track('go'))])
  await page.waitForTimeout(500)
  const onScreen = (await page.locator('[data-journeykit-item]').count()) + (await other.locator('[data-journeykit-item]').count())
  expect(onScreen).toBe(1)
  await other.evaluate(() => (window as any).journeykit.flush())
  const events = await site.waitForEvents(page, (all) => all.filter((e) => e.event === 'go').length === 2)
  expect(shownIn(events)).toHaveLength(1)
})

test("a weekly window is honoured under Playwright's clock", async ({ page, site }) => {
  // Thursday 2026-11-26 07:59 in Belgrade (UTC+1)
  await page.clock.install({ time: new Date('2026-11-26T06:59:00Z') })
  const url = await site.serve(page, {
    config: withProbe({
      version: 1,
      items: { thursday: { kind: 'focus', style: 'bar', title: 'Thursday deal' } },
      rules: [
        {
          id: 'thursday-promo',
          on: 'page_view',
          show: 'thursday',
          schedule: { weekly: [{ days: ['thu'], from: '08:00', to: '20:00' }], timezone: 'Europe/Belgrade' },
        },
      ],
    }),
  })
  await page.goto(url)
  await runtimeReady(page)
  await expectNothingElseShown(page, site) // 07:59
  await page.clock.fastForward('02:00') // 08:01
  await page.goto(url)
  await expect(page.locator('[data-journeykit-item="thursday"]').getByRole('region', { name: 'Thursday deal' })).toBeVisible()
  await page.clock.fastForward('12:00:00') // 20:01
  await page.goto(url)
  await runtimeReady(page)
  const events = await expectNothingElseShown(page, site)
  expect(shownExceptProbe(events).map((e) => e.properties.item)).toEqual(['thursday'])
})

test('debug mode logs every decision with each condition, its schedule and its cap', async ({ page, site }) => {
  const errors = collectConsole(page) // from before the page loads: its whole life
  const logs: string[] = []
  page.on('console', (message) => logs.push(message.text()))
  const url = await site.serve(page, {
    config: {
      version: 1,
      items: { offer },
      rules: [
        { id: 'cart-only', on: 'page_view', if: { 'page.path': { $startsWith: '/cart' } }, show: 'offer' },
        { id: 'everyone', on: 'page_view', track: 'seen', frequency: 'session' },
      ],
    },
  })
  await page.goto(`${url}?journeykit_debug=1`)
  await runtimeReady(page)
  await expect.poll(() => logs.some((text) => text.includes('journeykit: page_view — 2 rule(s)'))).toBe(true)
  expect(logs.some((text) => text.startsWith('✘ cart-only: conditions not met'))).toBe(true)
  expect(logs.some((text) => text.startsWith('✘ page.path'))).toBe(true)
  expect(logs.some((text) => text.startsWith('✔ everyone'))).toBe(true)
  expect(logs.some((text) => text.includes('frequency: under the cap'))).toBe(true)
  expect(errors).toEqual([])
})
