import { test, expect, runtimeReady, sealed } from './fixtures.js'

// Issue 11: the visitor's state on the start path. Each change of it is one read-write
// IndexedDB transaction, which IndexedDB runs one tab at a time: no Web Lock is taken, and
// tabs still share one visitor and lose no count (contract §5a).

test("start-up: one IndexedDB open, one transaction to read the visitor (a new visitor's id written in it), one for the page view, no Web Lock", async ({
  page,
  site,
}) => {
  // What the page asked of IndexedDB and Web Locks, until ready resolved.
  await page.addInitScript(() => {
    const w = window as any
    const seen: string[] = (w.storageCalls = [])
    const open = IDBFactory.prototype.open
    IDBFactory.prototype.open = function (this: IDBFactory, name: string, version?: number) {
      seen.push(`open ${name}`)
      return open.call(this, name, version)
    }
    const transaction = IDBDatabase.prototype.transaction
    IDBDatabase.prototype.transaction = function (this: IDBDatabase, stores: string | string[], mode?: IDBTransactionMode, options?: IDBTransactionOptions) {
      seen.push(`${mode ?? 'readonly'} ${this.name}`)
      return transaction.call(this, stores, mode, options)
    } as typeof transaction
    const request = LockManager.prototype.request
    LockManager.prototype.request = function (this: LockManager, name: string, ...rest: unknown[]) {
      seen.push(`lock ${name}`)
      return (request as (...args: unknown[]) => Promise<unknown>).call(this, name, ...rest)
    } as typeof request
    const wait = setInterval(() => {
      if (typeof w.journeykit?.ready?.then !== 'function') return
      clearInterval(wait)
      w.journeykit.ready.then(() => (w.atReady = [...seen]))
    }, 1)
  })
  const stateAtReady = async () => {
    const atReady: string[] = await page.evaluate(() => (window as any).atReady)
    return atReady.filter((call) => call.endsWith(' journeykit') || (call.startsWith('lock ') && call !== 'lock jk:v1:send'))
  }
  const url = await site.serve(page, { config: sealed({ version: 1 }) })
  await page.goto(url) // a new visitor
  await runtimeReady(page)
  expect(await stateAtReady()).toEqual(['open journeykit', 'readwrite journeykit', 'readwrite journeykit'])
  await page.goto(url) // the same visitor, within the visit
  await runtimeReady(page)
  expect(await stateAtReady()).toEqual(['open journeykit', 'readwrite journeykit', 'readwrite journeykit'])
  const events = await site.waitForEvents(page, (all) => all.filter((e) => e.type === 'page').length === 2)
  expect(events.filter((e) => e.event === 'visit_start')).toHaveLength(1)
})

test('a new visitor opening two tabs at once: one visitor id, one visit, and every event of both tabs counted', async ({ page, site, context }) => {
  const config = sealed({
    version: 1,
    rules: [
      { id: 'both-views', on: 'page_view', if: { 'visitor.pageviews': 2 }, track: 'second_view' },
      { id: 'all-counted', on: 'go', if: { 'events.go': 40 }, track: 'forty' },
    ],
  })
  const url = await site.serve(page, { config })
  const other = await context.newPage()
  await Promise.all([page.goto(url), other.goto(url)])
  await Promise.all([runtimeReady(page), runtimeReady(other)])
  // Both tabs count at once, each call one read-modify-write of the same record.
  const go = () => Promise.all(Array.from({ length: 20 }, () => (window as any).journeykit.track('go')))
  await Promise.all([page.evaluate(go), other.evaluate(go)])
  await other.evaluate(() => (window as any).journeykit.flush())
  const events = await site.waitForEvents(page, (all) => all.filter((e) => e.event === 'go').length === 40 && all.some((e) => e.event === 'forty'))
  expect(new Set(events.map((e) => e.anonymousId)).size).toBe(1)
  expect(events.filter((e) => e.event === 'visit_start')).toHaveLength(1)
  expect(events.filter((e) => e.event === 'second_view')).toHaveLength(1)
  expect(events.filter((e) => e.event === 'forty')).toHaveLength(1)
})
