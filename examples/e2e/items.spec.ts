import { createRequire } from 'node:module'
import { test, expect, runtimeReady } from './fixtures.js'
import type { Page } from '@playwright/test'

const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js')
const kinds = ['focus', 'asset', 'push'] as const
const styles = ['modal', 'bar', 'slidein', 'notification'] as const

const parts = {
  focus: {
    body: 'Take 10% off your first order.\nValid today only.',
    code: 'WELCOME10',
    cta: { label: 'Shop shirts', url: '/shirts' },
    dismissLabel: 'No thanks',
  },
  asset: { body: 'Find your size in two minutes.', asset: { url: '/files/guide.pdf', filename: 'guide.pdf' }, gate: 'email' },
  push: { body: 'We will tell you when a saved item gets cheaper.' },
}
const items = Object.fromEntries(
  kinds.flatMap((kind) => styles.map((style) => [`${kind}-${style}`, { kind, style, title: `${kind} ${style}`, ...parts[kind] }])),
)
const config = { version: 1, items }

async function showItem(page: Page, id: string) {
  await page.evaluate((item) => (window as any).journeykit.show(item), id)
  const host = page.locator(`[data-journeykit-item="${id}"]`)
  await expect(host.locator('.panel')).toBeVisible()
  return host
}

for (const width of [1280, 375]) {
  test(`every kind and style at ${width}px looks as it did, and axe finds no violations`, async ({ page, site }) => {
    await page.setViewportSize({ width, height: 800 })
    const url = await site.serve(page, { config, body: '<main><h1>Linen &amp; Co.</h1><p>Shop page</p></main>' })
    await page.goto(url)
    await runtimeReady(page)
    await page.addScriptTag({ path: axePath })
    for (const kind of kinds) {
      for (const style of styles) {
        const id = `${kind}-${style}`
        const host = await showItem(page, id)
        await expect(page).toHaveScreenshot(`${id}-${width}.png`, { maxDiffPixelRatio: 0.02, animations: 'disabled' })
        const violations = await page.evaluate(async (selector) => {
          const result = await (window as any).axe.run({ include: [[selector]] }, { resultTypes: ['violations'] })
          return result.violations.map((v: any) => `${v.id}: ${v.nodes.length} node(s)`)
        }, `[data-journeykit-item="${id}"]`)
        expect(violations, id).toEqual([])
        await host.getByRole('button', { name: 'Close' }).click()
        await expect(host).toHaveCount(0)
      }
    }
  })
}

test('Tab cycles inside an open modal, Shift+Tab too, and focus returns on close', async ({ page, site }) => {
  const url = await site.serve(page, {
    config: { version: 1, items: { m: { kind: 'focus', style: 'modal', title: 'Join', code: 'X1', form: { name: true }, cta: { label: 'Go', url: '/go' } } } },
  })
  await page.goto(url)
  await runtimeReady(page)
  await page.focus('#own')
  await showItem(page, 'm')
  // The modal takes focus itself once drawn (an effect after paint): Tab from there.
  await expect.poll(() => page.evaluate(() => document.activeElement?.shadowRoot?.activeElement?.classList.contains('panel')), { timeout: 30_000 }).toBe(true)
  const focusedInItem = () => page.evaluate(() => document.activeElement?.getAttribute('data-journeykit-item'))
  const focusedName = () =>
    page.evaluate(() => {
      const inner = document.activeElement?.shadowRoot?.activeElement
      return inner ? `${inner.tagName}:${inner.getAttribute('name') ?? inner.textContent}` : null
    })
  const seen: Array<string | null> = []
  for (let i = 0; i < 8; i++) {
    await page.keyboard.press('Tab')
    expect(await focusedInItem()).toBe('m')
    seen.push(await focusedName())
  }
  // copy, name, email, send, cta, close: then round again
  expect(seen.slice(0, 6)).toEqual(['BUTTON:Copy code', 'INPUT:name', 'INPUT:email', 'BUTTON:Send', 'A:Go', 'BUTTON:×Close'])
  expect(seen[6]).toBe(seen[0])
  await page.keyboard.press('Shift+Tab')
  await page.keyboard.press('Shift+Tab')
  expect(await focusedName()).toBe('BUTTON:×Close')
  await page.keyboard.press('Escape')
  await expect(page.locator('#own')).toBeFocused()
})

test('a bar announces itself politely and does not take focus; Escape closes it once focus is inside', async ({ page, site }) => {
  const url = await site.serve(page, {
    config: { version: 1, items: { b: { kind: 'focus', style: 'bar', title: 'Free shipping', cta: { label: 'Shop', url: '/' } } } },
  })
  await page.goto(url)
  await runtimeReady(page)
  await page.focus('#own')
  const host = await showItem(page, 'b')
  await expect(page.locator('#own')).toBeFocused()
  await expect(host.getByRole('region')).toHaveAttribute('aria-live', 'polite')
  await page.keyboard.press('Escape')
  await expect(host).toHaveCount(1)
  await host.getByRole('link', { name: 'Shop' }).focus()
  await page.keyboard.press('Escape')
  await expect(host).toHaveCount(0)
})

test('the code copies with visible feedback; forms report the lead; the asset downloads after the gate', async ({ page, site, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'])
  const url = await site.serve(page, {
    config: {
      version: 1,
      items: {
        code: { kind: 'focus', style: 'slidein', title: 'Your code', code: 'SAVE10' },
        guide: { kind: 'asset', style: 'modal', title: 'Sizing guide', asset: { url: '/README.md', filename: 'guide.md' }, gate: 'email' },
      },
    },
  })
  await page.goto(url)
  await runtimeReady(page)
  const code = await showItem(page, 'code')
  await code.getByRole('button', { name: 'Copy code' }).click()
  await expect(code.getByRole('button', { name: 'Copied' })).toBeVisible()
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe('SAVE10')
  const guide = await showItem(page, 'guide')
  await guide.getByRole('button', { name: 'Send' }).click()
  await expect(guide.getByText('Please enter your email address.')).toBeVisible()
  await guide.getByLabel('Email').fill('ana@shop.example')
  await guide.getByRole('button', { name: 'Send' }).click()
  const download = page.waitForEvent('download')
  await guide.getByRole('link', { name: 'Download' }).click()
  expect((await download).suggestedFilename()).toBe('guide.md')
  const events = await site.waitForEvents(page, (all) => all.some((e) => e.event === 'asset_downloaded'))
  const props = (name: string) => events.filter((e) => e.event === name).map((e) => e.properties)
  expect(props('item_converted').map((p) => p.what)).toEqual(['copy', 'form', 'download'])
  expect(props('lead_captured')).toEqual([{ item: 'guide', rule: null, variant: null, email: 'ana@shop.example' }])
  expect(props('asset_downloaded')).toEqual([{ item: 'guide', rule: null, variant: null, url: `${site.origin}/README.md` }])
})

test("the push soft ask offers one way to say no besides Close: the owner's dismissLabel, else none", async ({ page, site }) => {
  const url = await site.serve(page, {
    config: {
      version: 1,
      items: {
        ask: { kind: 'push', style: 'slidein', title: 'Price alerts?' },
        labelled: { kind: 'push', style: 'slidein', title: 'Price alerts?', dismissLabel: 'Maybe later' },
      },
    },
  })
  await page.goto(url)
  await runtimeReady(page)
  const names = (host: ReturnType<Page['locator']>) => host.getByRole('button').allTextContents()
  const ask = await showItem(page, 'ask')
  expect(await names(ask)).toEqual(['Allow', '×Close'])
  await ask.getByRole('button', { name: 'Close' }).click()
  const labelled = await showItem(page, 'labelled')
  expect(await names(labelled)).toEqual(['Allow', 'Maybe later', '×Close'])
  await labelled.getByRole('button', { name: 'Maybe later' }).click()
  await expect(labelled).toHaveCount(0)
  const events = await site.waitForEvents(page, (all) => all.filter((e) => e.event === 'item_dismissed').length === 2)
  expect(events.filter((e) => e.event === 'item_dismissed').map((e) => [e.properties.item, e.properties.how])).toEqual([
    ['ask', 'close'],
    ['labelled', 'secondary'],
  ])
})

test('hostile page CSS does not reach inside, and ours does not leak out', async ({ page, site }) => {
  const url = await site.serve(page, {
    config: { version: 1, items: { m: { kind: 'focus', style: 'modal', title: 'Still styled', cta: { label: 'Go', url: '/' } } } },
    body: '<style>* { all: unset !important } div { display: none !important } h2 { color: rgb(255, 0, 0) !important }</style><p id="para">page text</p><h2 id="heading">page heading</h2>',
  })
  await page.goto(url)
  await runtimeReady(page)
  const before = await page.evaluate(() => [
    getComputedStyle(document.getElementById('para')!).font,
    getComputedStyle(document.getElementById('heading')!).color,
  ])
  const host = await showItem(page, 'm')
  const panel = host.getByRole('dialog')
  expect(await panel.evaluate((el) => [getComputedStyle(el).position, getComputedStyle(el).backgroundColor])).toEqual(['fixed', 'rgb(255, 255, 255)'])
  expect(await host.locator('h2').evaluate((el) => getComputedStyle(el).color)).not.toBe('rgb(255, 0, 0)')
  const after = await page.evaluate(() => [
    getComputedStyle(document.getElementById('para')!).font,
    getComputedStyle(document.getElementById('heading')!).color,
  ])
  expect(after).toEqual(before)
})

test('opening and closing items shifts no layout, modal scroll lock included', async ({ page, site }) => {
  await page.addInitScript(() => {
    ;(window as any).shifts = 0
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as any[]) (window as any).shifts += entry.value
    }).observe({ type: 'layout-shift', buffered: true })
  })
  const url = await site.serve(page, { config, body: '<main style="height:3000px"><h1>Long page</h1><p>text</p></main>' })
  await page.goto(url)
  await runtimeReady(page)
  await page.waitForTimeout(300)
  const baseline = await page.evaluate(() => (window as any).shifts)
  for (const id of ['focus-modal', 'focus-bar', 'asset-slidein', 'push-notification']) {
    const host = await showItem(page, id)
    await page.waitForTimeout(100)
    await host.getByRole('button', { name: 'Close' }).click()
    await expect(host).toHaveCount(0)
  }
  await page.waitForTimeout(300)
  expect(await page.evaluate(() => (window as any).shifts)).toBe(baseline)
})

test('under a strict CSP every kind renders styled, with no violation', async ({ page, site }) => {
  const violations: string[] = []
  await page.exposeFunction('reportViolation', (text: string) => violations.push(text))
  await page.addInitScript(() =>
    document.addEventListener('securitypolicyviolation', (e) => (window as any).reportViolation(`${e.violatedDirective} ${e.blockedURI}`)),
  )
  const url = await site.serve(page, { config, csp: `default-src 'self'; script-src 'self'; style-src 'self'; connect-src 'self' ${site.collector.url}` })
  await page.goto(url)
  await runtimeReady(page)
  for (const id of ['focus-modal', 'asset-bar', 'push-slidein', 'focus-notification']) {
    const host = await showItem(page, id)
    expect(await host.locator('.panel').evaluate((el) => getComputedStyle(el).position)).toBe('fixed')
    await host.getByRole('button', { name: 'Close' }).click()
  }
  expect(violations).toEqual([])
})
