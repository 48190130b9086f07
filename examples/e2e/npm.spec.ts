import { test, expect } from './fixtures.js'

test('npm mode: init() tracks, and a rule on a tracked event shows its item', async ({ page, site }) => {
  const pageErrors: Error[] = []
  page.on('pageerror', (err) => pageErrors.push(err))
  await page.goto(`${site.origin}/examples/npm/index.html?collector=${encodeURIComponent(site.collector.batchUrl)}`)
  await page.waitForFunction(() => (window as any).jk)
  expect(await page.evaluate(() => 'journeykit' in window)).toBe(false) // init() adds no globals
  await page.click('#signup')
  const dialog = page.locator('[data-journeykit-item="hello"]').getByRole('dialog', { name: 'Hello from npm' })
  await expect(dialog).toBeVisible()
  await page.evaluate(() => (window as any).jk.flush())
  const events = site.collector.events()
  expect(events.map((e) => e.event ?? e.type)).toEqual(['visit_start', 'page', 'signup', 'item_shown'])
  expect(events[2]!.properties).toEqual({ plan: 'pro' })
  expect(events[3]!.properties).toEqual({ item: 'hello', rule: 'hello-on-signup', variant: null })
  expect(pageErrors).toEqual([])
})

test('npm mode: importing the package touches no window (SSR-safe)', async () => {
  // Node has no window, document or navigator: importing must not throw, and init() must
  // resolve to a harmless object there.
  const errors: string[] = []
  const original = console.error
  console.error = (text: string) => errors.push(text)
  try {
    const entry = '../../dist/npm/index.js' // the built file, as npm consumers get it
    const module = await import(entry)
    expect(typeof module.init).toBe('function')
    const jk = await module.init({ config: { version: 1 } })
    expect(() => jk.track('x')).not.toThrow()
    await expect(jk.flush()).resolves.toBeUndefined()
  } finally {
    console.error = original
  }
  expect(errors).toEqual(['journeykit.init: needs a browser; on the server call init() from client-side code only'])
})

test('npm mode: init() with a config URL and debug: true', async ({ page, site }) => {
  const logs: string[] = []
  page.on('console', (message) => logs.push(message.text()))
  site.setPage('/e2e/npm-config.json', {
    type: 'application/json',
    body: JSON.stringify({
      version: 1,
      items: { hi: { kind: 'focus', style: 'bar', title: 'From a URL' } },
      rules: [{ id: 'hi', on: 'page_view', show: 'hi' }],
    }),
  })
  site.setPage('/e2e/npm-url.html', {
    body: `<!doctype html><title>npm url</title><script type="module">
      import { init } from '/dist/npm/index.js'
      window.jk = await init({ config: '/e2e/npm-config.json', collector: ${JSON.stringify(site.collector.batchUrl)}, debug: true })
    </script>`,
  })
  await page.goto(`${site.origin}/e2e/npm-url.html`)
  await expect(page.locator('[data-journeykit-item="hi"]').getByRole('region', { name: 'From a URL' })).toBeVisible()
  await expect.poll(() => logs.some((text) => text.startsWith('journeykit: page_view — 1 rule(s)'))).toBe(true)
})

test('script tag: data-debug logs the decisions', async ({ page, site }) => {
  const logs: string[] = []
  page.on('console', (message) => logs.push(message.text()))
  const url = await site.serve(page, { config: { version: 1, rules: [{ id: 'seen', on: 'page_view', track: 'seen' }] }, attributes: 'data-debug' })
  await page.goto(url)
  await expect.poll(() => logs.some((text) => text.startsWith('✔ seen'))).toBe(true)
})
