import { readFileSync } from 'node:fs'
import { test, expect, runtimeReady, collectConsole } from './fixtures.js'
import { expectNothingElseShown, shownExceptProbe, withProbe } from './decided.js'

const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'))
const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/
const iso = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/

const exitOfferConfig = {
  version: 1,
  items: {
    'exit-offer': {
      kind: 'focus',
      style: 'modal',
      title: 'Wait!',
      body: 'Take 10% off today',
      code: 'SAVE10',
      cta: { label: 'Back to cart', url: '/cart' },
    },
  },
  rules: [{ id: 'offer-on-cart', on: 'page_view', if: { 'page.path': { $startsWith: '/cart' } }, show: 'exit-offer' }],
}

test('the queue stub is replayed in order, with the page and time of each call, and keeps working after load', async ({ page, site }) => {
  const url = await site.serve(page, {
    config: { version: 1 },
    before: `journeykit.push(['track', 'first', { n: 1 }]);
             journeykit.push(['identify', 'user-7', { plan: 'pro' }]);
             journeykit.push(['track', 'second', { n: 2 }]);`,
  })
  await page.goto(url)
  await runtimeReady(page)
  await page.evaluate(() => (window as any).journeykit.push(['track', 'after_load', { n: 3 }]))
  const events = await site.waitForEvents(page, (all) => all.some((e) => e.event === 'after_load'))
  const names = events.map((e) => (e.type === 'track' ? e.event : e.type))
  // The page view of this load comes first (it happened when the page started loading).
  expect(names).toEqual(['visit_start', 'page', 'first', 'identify', 'second', 'after_load'])
  expect(events[2]!.properties).toEqual({ n: 1 })
  expect(events[3]).toMatchObject({ type: 'identify', userId: 'user-7', traits: { plan: 'pro' } })
  expect(events[4]!.userId).toBe('user-7')
  const times = events.map((e) => Date.parse(e.timestamp))
  expect([...times].sort((a, b) => a - b)).toEqual(times)
  expect(events[2]!.context.page.url).toBe(url)
})

test('a page event reaches the collector with every contract field', async ({ page, site }) => {
  const url = await site.serve(page, {
    config: { version: 1, collector: { url: site.collector.batchUrl, writeKey: 'wk-test' } },
    collector: false,
    title: 'Shop home',
  })
  await page.goto(`${url}?utm_source=news`)
  const events = await site.waitForEvents(page, (all) => all.some((e) => e.type === 'page'))
  const event = events.find((e) => e.type === 'page')!
  expect(event.messageId).toMatch(uuid)
  expect(event.anonymousId).toMatch(uuid)
  expect(event.userId).toBeNull()
  expect(event.timestamp).toMatch(iso)
  expect(event.properties).toMatchObject({ url: `${url}?utm_source=news`, path: new URL(url).pathname, title: 'Shop home' })
  expect(event.context).toMatchObject({
    page: { url: `${url}?utm_source=news`, path: new URL(url).pathname, referrer: '', title: 'Shop home' },
    library: { name: 'journeykit', version: pkg.version },
    journey: { stage: 'awareness', visit: 1 },
  })
  expect(event.context.userAgent).toContain('Chrome')
  expect(typeof event.context.locale).toBe('string')
  const batch = site.collector.batches().find((b) => b.batch.some((e: any) => e.messageId === event.messageId))!
  expect(batch.writeKey).toBe('wk-test')
  expect(batch.sentAt).toMatch(iso)
  expect(
    site.collector
      .requests()
      .filter((r) => r.method === 'POST')
      .every((r) => r.status === 200),
  ).toBe(true)
})

test('a page_view rule shows the modal in a shadow root; Escape closes it and both events are reported', async ({ page, site }) => {
  const url = await site.serve(page, { path: '/cart/index.html', config: exitOfferConfig })
  await page.goto(url)
  const host = page.locator('[data-journeykit-item="exit-offer"]')
  const dialog = host.getByRole('dialog', { name: 'Wait!' })
  await expect(dialog).toBeVisible()
  expect(await host.evaluate((el) => el.shadowRoot?.mode)).toBe('open')
  expect(await host.evaluate((el) => el.parentElement === document.body && document.body.lastElementChild === el)).toBe(true)
  await expect(dialog).toHaveAttribute('aria-modal', 'true')
  await expect(host.getByText('SAVE10')).toBeVisible()
  await expect(host.getByRole('link', { name: 'Back to cart' })).toHaveAttribute('href', `${site.origin}/cart`)
  // focus moved into the dialog
  expect(await page.evaluate(() => document.activeElement?.getAttribute('data-journeykit-item'))).toBe('exit-offer')
  await page.keyboard.press('Escape')
  await expect(host).toHaveCount(0)
  const events = await site.waitForEvents(page, (all) => all.some((e) => e.event === 'item_dismissed'))
  expect(events.find((e) => e.event === 'item_shown')!.properties).toEqual({ item: 'exit-offer', rule: 'offer-on-cart', variant: null })
  expect(events.find((e) => e.event === 'item_dismissed')!.properties).toMatchObject({ item: 'exit-offer', rule: 'offer-on-cart', how: 'escape' })
})

test('the Close button closes the item and focus returns where it was', async ({ page, site }) => {
  const url = await site.serve(page, { path: '/close.html', config: exitOfferConfig })
  await page.goto(url)
  await runtimeReady(page)
  await page.focus('#own')
  await page.evaluate(() => (window as any).journeykit.show('exit-offer'))
  const host = page.locator('[data-journeykit-item="exit-offer"]')
  await expect(host.getByRole('dialog')).toBeVisible()
  await expect(page.locator('#own')).not.toBeFocused()
  await host.getByRole('button', { name: 'Close' }).click()
  await expect(host).toHaveCount(0)
  await expect(page.locator('#own')).toBeFocused()
  const events = await site.waitForEvents(page, (all) => all.some((e) => e.event === 'item_dismissed'))
  expect(events.find((e) => e.event === 'item_dismissed')!.properties).toEqual({ item: 'exit-offer', rule: null, variant: null, how: 'close' })
})

test('the rule does not fire where its condition is false', async ({ page, site }) => {
  const url = await site.serve(page, { path: '/home.html', config: withProbe(exitOfferConfig) })
  await page.goto(url)
  await runtimeReady(page)
  const events = await expectNothingElseShown(page, site)
  expect(shownExceptProbe(events)).toEqual([])
})

test('a 404 config costs one console.error: the page keeps working and tracking goes on', async ({ page, site }) => {
  const errors = collectConsole(page)
  const pageErrors: Error[] = []
  page.on('pageerror', (err) => pageErrors.push(err))
  const url = await site.serve(page, {
    config: null,
    body: `<button id="own">own</button><output id="out"></output><script>
      document.getElementById('own').addEventListener('click', () => { document.getElementById('out').textContent = 'clicked' })</script>`,
  })
  await page.goto(url)
  await runtimeReady(page)
  await page.click('#own')
  await expect(page.locator('#out')).toHaveText('clicked')
  await site.waitForEvents(page, (all) => all.some((e) => e.type === 'page'))
  const ours = errors.filter((text) => text.includes('journeykit'))
  expect(ours).toHaveLength(1)
  expect(ours[0]).toContain('404')
  expect(pageErrors).toEqual([])
})

test('a config that is not JSON costs one console.error placing the mistake', async ({ page, site }) => {
  const errors = collectConsole(page)
  const url = await site.serve(page, { config: '{\n  "version": 1,\n}', body: '<p>shop</p>' })
  await page.goto(url)
  await runtimeReady(page)
  await site.waitForEvents(page, (all) => all.some((e) => e.type === 'page'))
  const ours = errors.filter((text) => text.startsWith('journeykit.'))
  expect(ours).toHaveLength(1)
  expect(ours[0]).toMatch(/^journeykit\.config: http:\/\/127\.0\.0\.1:\d+\/.*\.json: .*\(line 3 column 1\)/)
})

test('an invalid config is refused whole, naming each JSON path; nothing is shown', async ({ page, site }) => {
  const errors = collectConsole(page)
  const config = structuredClone(exitOfferConfig) as any
  config.rules[0].if = { 'visit.count': { $gte: 'two' } }
  config.rules[0].schedule = { timezone: 'Belgarde' }
  config.rules[0].delay = '2 hours'
  config.items['exit-offer'].cta.url = 'javascript:alert(1)'
  const url = await site.serve(page, { path: '/cart/invalid.html', config })
  await page.goto(url)
  await runtimeReady(page)
  await site.waitForEvents(page, (all) => all.some((e) => e.type === 'page'))
  // one console.error per problem, each naming its JSON path, in the contract's words (the
  // rule's id is for the command line and the gallery)
  expect(errors.filter((text) => text.startsWith('journeykit.'))).toEqual([
    'journeykit.config: items.exit-offer.cta.url: must be an https:, http: or relative URL, not "javascript:alert(1)"',
    'journeykit.config: rules[0].if.visit.count: $gte needs a number, not "two"',
    'journeykit.config: rules[0].schedule.timezone: must be an IANA time zone like "Europe/Belgrade", not "Belgarde" — did you mean "Europe/Belgrade"?',
    'journeykit.config: rules[0].delay: must be a duration above 0, like "30s", "1h" or "7d", not "2 hours" — did you mean "2h"?',
  ])
  // Refused whole: the runtime holds no item at all, so no rule can show one.
  await page.evaluate(() => (window as any).journeykit.show('exit-offer'))
  await expect.poll(() => errors.filter((text) => text.startsWith('journeykit.show:'))).toEqual(['journeykit.show: no item "exit-offer" in the config'])
  await expect(page.locator('[data-journeykit-item]')).toHaveCount(0)
  expect(site.collector.events().some((e) => e.event === 'item_shown')).toBe(false)
})

test('a missing runtime chunk costs one console.error and the page carries on', async ({ page, site }) => {
  const errors = collectConsole(page)
  const pageErrors: Error[] = []
  page.on('pageerror', (err) => pageErrors.push(err))
  // The loader alone, in a folder without the runtime chunks beside it.
  site.setPage('/broken/loader.js', { type: 'text/javascript', body: readFileSync(new URL('../../dist/loader.js', import.meta.url), 'utf8') })
  const url = await site.serve(page, {
    config: { version: 1 },
    loader: '/broken/loader.js',
    before: "journeykit.push(['track', 'queued'])",
    body: '<output id="out"></output><script>setTimeout(() => { document.getElementById("out").textContent = "still running" }, 200)</script>',
  })
  await page.goto(url)
  await expect(page.locator('#out')).toHaveText('still running')
  await expect.poll(() => errors.filter((text) => text.includes('journeykit')).length).toBe(1)
  expect(pageErrors).toEqual([])
  expect(await page.evaluate(() => Array.isArray((window as any).journeykit))).toBe(true)
})

test('a strict Content-Security-Policy breaks nothing and the item is styled', async ({ page, site }) => {
  const violations: string[] = []
  await page.exposeFunction('reportViolation', (text: string) => violations.push(text))
  await page.addInitScript(() =>
    document.addEventListener('securitypolicyviolation', (e) => (window as any).reportViolation(`${e.violatedDirective} ${e.blockedURI}`)),
  )
  const url = await site.serve(page, {
    path: '/cart/csp.html',
    config: exitOfferConfig,
    csp: `default-src 'self'; script-src 'self'; style-src 'self'; connect-src 'self' ${site.collector.url}`,
    body: '<p>strict page</p>',
  })
  await page.goto(url)
  const dialog = page.locator('[data-journeykit-item="exit-offer"]').getByRole('dialog')
  await expect(dialog).toBeVisible()
  expect(await dialog.evaluate((el) => getComputedStyle(el).position)).toBe('fixed')
  await site.waitForEvents(page, (all) => all.some((e) => e.event === 'item_shown'))
  expect(violations).toEqual([])
})

test('no call throws into the page, whatever it is given', async ({ page, site }) => {
  const errors = collectConsole(page)
  const url = await site.serve(page, { config: { version: 1 } })
  await page.goto(url)
  await runtimeReady(page)
  const thrown = await page.evaluate(() => {
    const jk = (window as any).journeykit
    const attempts = [
      () => jk.track(),
      () => jk.track(42),
      () => jk.track('ok', 'not-an-object'),
      () => jk.identify(null),
      () => jk.consent('maybe'),
      () => jk.show(123),
      () => jk.show('no-such-item'),
      () => jk.on('x'),
      () => jk.push('nonsense'),
      () => jk.push(['noSuchMethod']),
      () => jk.track('big', { blob: 'x'.repeat(40_000) }),
    ]
    return attempts.filter((attempt) => {
      try {
        attempt()
        return false
      } catch {
        return true
      }
    }).length
  })
  expect(thrown).toBe(0)
  await expect.poll(() => errors.filter((text) => text.startsWith('journeykit.')).length).toBeGreaterThanOrEqual(10)
  expect(errors.some((text) => text.startsWith('journeykit.track:'))).toBe(true)
  expect(errors.some((text) => text.includes('32 KB'))).toBe(true)
})
