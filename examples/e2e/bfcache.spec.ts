import { test, expect, runtimeReady } from './fixtures.js'

// Playwright turns the back/forward cache off by default; this spec turns it back on.
test.use({
  launchOptions: {
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-gpu'],
    ignoreDefaultArgs: ['--disable-back-forward-cache'],
  },
})

test('a page restored from the back/forward cache counts as a page view', async ({ page, site }) => {
  const cacheable = { 'Cache-Control': 'max-age=0' } // no-store pages are never kept
  const url = await site.serve(page, { config: { version: 1 }, headers: cacheable, body: '<a id="next" href="/e2e/other.html">next</a>' })
  await site.serve(page, { path: '/e2e/other.html', collector: false, headers: cacheable })
  await page.goto(url)
  await runtimeReady(page)
  await site.waitForEvents(page, (all) => all.filter((e) => e.type === 'page').length === 1)
  await page.evaluate(() => window.addEventListener('pageshow', (event) => ((window as any).restored = (event as PageTransitionEvent).persisted)))
  await page.click('#next')
  await page.waitForURL('**/other.html')
  await page.goBack({ waitUntil: 'commit' })
  await expect.poll(() => page.evaluate(() => (window as any).restored)).toBe(true)
  const events = await site.waitForEvents(page, (all) => all.filter((e) => e.type === 'page').length === 2)
  expect(events.filter((e) => e.type === 'page').map((e) => e.context.page.url)).toEqual([url, url])
})
