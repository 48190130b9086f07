import { test, expect, runtimeReady, sealed } from './fixtures.js'
import type { Page } from '@playwright/test'

// Issue 11: the loader opens the visitor's database while the config and the start chunk
// download, so that the runtime does not wait for it once it has run; only on a page that may
// store (no data-consent, or "granted"): with consent pending nothing is made on the device.

/** Every indexedDB.open of the page, with whether the runtime had taken over by then. */
const recordOpens = (page: Page) =>
  page.addInitScript(() => {
    const w = window as any
    const opens: Array<{ name: string; runtime: boolean }> = (w.opens = [])
    const open = IDBFactory.prototype.open
    IDBFactory.prototype.open = function (this: IDBFactory, ...args: Parameters<IDBFactory['open']>) {
      opens.push({ name: args[0], runtime: typeof w.journeykit?.track === 'function' })
      return open.apply(this, args)
    }
  })

const opensOf = (page: Page, name: string): Promise<Array<{ runtime: boolean }>> =>
  page.evaluate((name) => (window as any).opens.filter((open: { name: string }) => open.name === name), name)

test("the loader opens the visitor's database before the runtime has run; a first visit gets its store and keeps its visitor", async ({ page, site }) => {
  await recordOpens(page)
  const url = await site.serve(page, { config: sealed({ version: 1 }) })
  await page.goto(url)
  await runtimeReady(page)
  const opens = await opensOf(page, 'journeykit')
  expect(opens.length).toBeGreaterThan(0)
  expect(opens[0]!.runtime).toBe(false)

  // The store the loader's upgrade made is the one the runtime reads and writes: the visitor
  // who sent the page view is the one stored, and the next page is theirs.
  const [first] = await site.waitForEvents(page, (all) => all.some((e) => e.type === 'page'))
  const stored = await page.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const request = indexedDB.open('journeykit')
        request.onerror = () => reject(request.error)
        request.onsuccess = () => {
          const get = request.result.transaction('state').objectStore('state').get('jk:v1:visitor')
          get.onsuccess = () => resolve(get.result?.anonymousId)
          get.onerror = () => reject(get.error)
        }
      }),
  )
  expect(stored).toBe(first!.anonymousId)
  site.collector.clear()
  await page.goto(url)
  await runtimeReady(page)
  const next = await site.waitForEvents(page, (all) => all.some((e) => e.type === 'page'))
  expect(next.map((e) => e.anonymousId)).toEqual(next.map(() => first!.anonymousId))
})

test('with consent pending the loader opens no database; a grant opens it', async ({ page, site }) => {
  await recordOpens(page)
  const url = await site.serve(page, { config: sealed({ version: 1 }), attributes: 'data-consent="pending"' })
  await page.goto(url)
  await runtimeReady(page)
  await page.evaluate(() => (window as any).journeykit.flush())
  expect(await opensOf(page, 'journeykit')).toEqual([])
  expect(await page.evaluate(async () => (await indexedDB.databases()).map((db) => db.name))).not.toContain('journeykit')

  await page.evaluate(() => (window as any).journeykit.consent('granted'))
  await site.waitForEvents(page, (all) => all.some((e) => e.type === 'page'))
  await expect.poll(() => opensOf(page, 'journeykit')).not.toEqual([])
})
