import { test, expect, runtimeReady } from './fixtures.js'
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
