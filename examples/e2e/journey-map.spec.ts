import { test, expect, type Page } from '@playwright/test'
import AxeBuilder from '@axe-core/playwright'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
// @ts-expect-error plain .mjs example without types
import { startCollector } from '../collector/server.mjs'
// @ts-expect-error plain .mjs example without types
import { startStore } from '../store/serve.mjs'

const root = fileURLToPath(new URL('../..', import.meta.url))
const contract = join(root, 'examples/configs/12-contract-cart-rescue.json')
const temporary = () => join(mkdtempSync(join(tmpdir(), 'journeykit-map-')), 'events.ndjson')

/**
 * One visitor's journey events as the runtime sends them, a minute apart: `enter [holdout]`,
 * `step <id> <action> [goto]`, `goal [holdout]`, `exit <reason>`, `segment <in|out> <id>`.
 */
function visitor(id: string, script: string[], run = 1) {
  const start = Date.parse('2026-12-01T10:00:00Z') + run * 40 * 86_400_000
  return script.map((line, i) => {
    const [verb, a, b, c] = line.split(' ')
    const properties: Record<string, unknown> = { journey: 'cart-rescue', run }
    const event =
      verb === 'enter'
        ? 'journey_entered'
        : verb === 'goal'
          ? 'journey_goal'
          : verb === 'exit'
            ? 'journey_exited'
            : verb === 'segment'
              ? `segment_${a === 'in' ? 'entered' : 'exited'}`
              : 'journey_step'
    if (verb === 'enter' || verb === 'goal') properties.holdout = a === 'holdout'
    if (verb === 'exit') properties.reason = a
    if (verb === 'step') Object.assign(properties, { step: a, action: b, ...(c && { goto: c }) })
    const segment = verb === 'segment' ? { segment: b } : null
    return {
      type: 'track',
      event,
      messageId: `${id}-${run}-${i}`,
      anonymousId: id,
      timestamp: new Date(start + i * 60_000).toISOString(),
      properties: segment ?? properties,
    }
  })
}

/** The scripted visitors: 7 runs take the steps, 4 are held out (the same as journeys-funnel.test.ts). */
const visitors = [
  ...visitor('a', ['segment in hot-shoppers', 'enter', 'step nudge show', 'step watch show', 'step done exit', 'exit completed']),
  ...visitor('b', ['segment in hot-shoppers', 'enter', 'step nudge show', 'step watch show', 'step done exit', 'exit completed', 'goal']),
  ...visitor('c', ['segment in hot-shoppers', 'enter', 'step nudge show']),
  ...visitor('d', ['enter', 'step nudge show', 'step watch else ab', 'step ab split mail', 'step mail track', 'step done exit', 'exit completed']),
  ...visitor('e', ['segment in hot-shoppers', 'segment out hot-shoppers', 'enter', 'step nudge show', 'step watch else ab', 'step ab split thursday']),
  ...visitor('f', ['enter', 'exit exit']),
  ...visitor('g', ['enter holdout', 'goal holdout', 'exit goal']),
  ...visitor('h', ['enter holdout']),
  ...visitor('i', ['enter holdout', 'exit timeout']),
  ...visitor('j', ['enter holdout', 'exit exit']),
  ...visitor('a', ['enter', 'step nudge show', 'goal', 'exit goal'], 2),
]

async function post(batchUrl: string, batch: unknown[]) {
  const response = await fetch(batchUrl, { method: 'POST', body: JSON.stringify({ batch }) })
  expect(response.status).toBe(200)
}

const count = (page: Page, box: string, field: string, journey = 'cart-rescue') => page.locator(`[data-count='${JSON.stringify([journey, box, field])}']`)
const field = (page: Page, name: string, journey = 'cart-rescue') => page.locator(`.journey[data-journey="${journey}"] [data-field="${name}"]`)

test.describe('the collector page: journey maps with live counts', () => {
  let collector: any
  test.beforeEach(async () => {
    collector = await startCollector({ port: 0, file: temporary(), config: contract, push: false })
  })
  test.afterEach(async () => {
    await collector.close()
  })

  test('draws the §8 journey with the counts scripted visitors produced, moves them as events arrive, and passes axe', async ({ page }) => {
    await post(collector.batchUrl, visitors)
    await page.setViewportSize({ width: 1280, height: 2200 })
    await page.goto(collector.url)
    const map = page.locator('.journey[data-journey="cart-rescue"] .map svg')
    await expect(map).toHaveAttribute('role', 'img')
    await expect(map).toHaveAttribute('aria-label', 'Journey map: cart-rescue')

    // the journey: runs against the holdout, the uplift, how the runs ended
    await expect(field(page, 'runs-entered')).toHaveText('7')
    await expect(field(page, 'runs-goal')).toHaveText('2')
    await expect(field(page, 'runs-rate')).toHaveText('28.6 %')
    await expect(field(page, 'holdout-entered')).toHaveText('4')
    await expect(field(page, 'holdout-rate')).toHaveText('25.0 %')
    await expect(field(page, 'uplift')).toHaveText('+3.6 pts')
    await expect(field(page, 'active')).toHaveText('3')
    await expect(field(page, 'ended')).toHaveText('completed 3 · by exit 2 · by goal 2 · timed out 1')

    // on the map: each box's counts, and each way out's
    await expect(count(page, '@entry', 'entered')).toHaveText('11')
    await expect(count(page, '@entry', 'path:runs')).toHaveText('7')
    await expect(count(page, '@holdout', 'entered')).toHaveText('4')
    await expect(count(page, '@holdout', 'goal')).toHaveText('1')
    await expect(count(page, '@goal', 'goal')).toHaveText('3')
    await expect(count(page, '@goal', 'ended')).toHaveText('2')
    // order_completed is the exit and the goal: beside it, the runs it ended by goal
    await expect(page.locator('[data-node="@exits"]')).toContainText('2 ended by exit')
    await expect(page.locator('[data-node="@exits"]')).toContainText('2 ended by goal (also the goal)')
    await expect(count(page, 'step:nudge', 'entered')).toHaveText('7')
    await expect(count(page, 'step:nudge', 'left')).toHaveText('left: by exit 1')
    await expect(count(page, 'step:pause', 'waiting')).toHaveText('1')
    await expect(count(page, 'step:pause', 'path:next:watch')).toHaveText('4')
    await expect(count(page, 'step:watch', 'path:next:done')).toHaveText('2')
    await expect(count(page, 'step:watch', 'path:else:ab')).toHaveText('2')
    await expect(count(page, 'step:ab', 'path:split:mail')).toHaveText('1')
    await expect(count(page, 'step:ab', 'path:split:thursday')).toHaveText('1')
    await expect(count(page, 'step:thursday', 'waiting')).toHaveText('1')
    await expect(count(page, 'step:done', 'left')).toHaveText('left: completed 3')
    await expect(count(page, 'step:tag', 'path:branch:loyal')).toHaveText('0')
    await expect(page.locator('#segments').getByRole('row')).toHaveText([/hot-shoppers\s*3/]) // a, b, c (e left it)

    // what the map looks like, counts and all
    await expect(page.locator('.journey[data-journey="cart-rescue"] .map')).toHaveScreenshot('cart-rescue-map.png', { maxDiffPixelRatio: 0.02 })

    const { violations } = await new AxeBuilder({ page }).analyze()
    expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([])

    // a new visitor enters and walks on: the counts move without a reload
    await post(collector.batchUrl, visitor('k', ['enter', 'step nudge show', 'step watch show', 'step done exit', 'exit completed']))
    await expect(count(page, '@entry', 'entered')).toHaveText('12')
    await expect(count(page, 'step:watch', 'path:next:done')).toHaveText('3')
    await expect(count(page, 'step:done', 'left')).toHaveText('left: completed 4')
    await expect(field(page, 'runs-entered')).toHaveText('8')
  })

  test('an order that ends runs by goal is said beside the exit, and the map is whole at any width', async ({ page }) => {
    // the owner's case (issue 24): every order ended its run by goal, none by the exit trigger
    await post(collector.batchUrl, [
      ...visitor('a', ['enter', 'step nudge show', 'goal', 'exit goal']),
      ...visitor('b', ['enter', 'step nudge show', 'step watch show', 'goal', 'exit goal']),
    ])
    await page.setViewportSize({ width: 1280, height: 900 })
    await page.goto(collector.url)
    const exits = page.locator('[data-node="@exits"]')
    await expect(exits).toContainText('0 ended by exit')
    await expect(exits).toContainText('2 ended by goal (also the goal)')
    await expect(exits).not.toContainText('exited')
    await expect(page.locator('[data-node="@goal"]')).toContainText('2 ended by goal')
    await expect(field(page, 'ended')).toHaveText('by goal 2')

    // the whole map shows: nothing cut off inside a box of its own, nothing to scroll in it
    const box = page.locator('.journey[data-journey="cart-rescue"] .map')
    const svg = box.locator('svg')
    const whole = async () => {
      const [outer, inner] = [(await box.boundingBox())!, (await svg.boundingBox())!]
      const overflow = await box.evaluate((e) => ({ x: e.scrollWidth - e.clientWidth, y: e.scrollHeight - e.clientHeight }))
      return { inner, outer, overflow }
    }
    const wide = await whole()
    expect(wide.inner.height).toBeGreaterThan(900) // taller than the window: the page scrolls, not the map
    expect(wide.outer.height).toBeGreaterThanOrEqual(wide.inner.height)
    expect(wide.overflow).toEqual({ x: 0, y: 0 })
    await svg.locator('[data-step="loyal"]').scrollIntoViewIfNeeded()
    await expect(svg.locator('[data-step="loyal"]')).toBeInViewport()

    // a narrow window: scaled to the column's width, still whole
    await page.setViewportSize({ width: 600, height: 900 })
    await expect.poll(async () => (await whole()).inner.width, { timeout: 10_000 }).toBeLessThan(600)
    const narrow = await whole()
    expect(narrow.overflow).toEqual({ x: 0, y: 0 })
    expect(narrow.inner.width / narrow.inner.height).toBeCloseTo(wide.inner.width / wide.inner.height, 1)

    // or at its actual size, scrolling sideways
    const zoom = page.getByRole('button', { name: 'map of cart-rescue at actual size' })
    await zoom.click()
    await expect(zoom).toHaveAttribute('aria-pressed', 'true')
    await expect.poll(async () => (await whole()).overflow.x, { timeout: 10_000 }).toBeGreaterThan(0)
    expect((await whole()).overflow.y).toBe(0)
  })

  test('the map of every journey as one SVG file, and the steps as a table', async ({ page }) => {
    const svg = await fetch(`${collector.url}/map.svg`)
    expect(svg.headers.get('content-type')).toBe('image/svg+xml; charset=utf-8')
    expect(await svg.text()).toContain('data-step="loyal"')
    await post(collector.batchUrl, visitors)
    await page.goto(collector.url)
    const article = page.locator('.journey[data-journey="cart-rescue"]')
    await article.getByText('each step as a table').click()
    await expect(article.getByRole('row', { name: /^watch/ })).toHaveText(/watch\s*4\s*0\s*next → done: 2, else → ab: 2\s*–/)
  })
})

test('npm start: the demo store’s journeys on the collector page, counting a visitor who adds to the cart', async ({ page, context }) => {
  const { site, collector, close } = await startStore({ root, port: 0, collectorPort: 0, file: temporary() })
  try {
    await page.goto(`${site.url}/examples/store/product.html`)
    await page.getByRole('button', { name: /add to cart/i }).click()
    await expect
      .poll(() => collector.events().some((e: any) => e.event === 'journey_entered' && e.properties?.journey === 'cart-rescue'), { timeout: 15_000 })
      .toBe(true)
    const board = await context.newPage()
    await board.goto(collector.url)
    await expect(board.locator('.journey')).toHaveCount(2)
    await expect(count(board, '@entry', 'entered', 'welcome-series')).toHaveText('1')
    await expect(count(board, '@entry', 'entered')).toHaveText('1')
    await expect(count(board, 'step:watch', 'waiting')).toHaveText('1')
  } finally {
    await close()
  }
})

test('the collector page says it holds the pushes while the site config names another VAPID key', async ({ page }) => {
  const dir = mkdtempSync(join(tmpdir(), 'journeykit-keys-'))
  const theirs = 'BNcRdreALRFXTkOOUHK1EtK2wtaz5Ry4YfYCA_0QTpQtUbVlUls0VJXg7A8u-Ts1XbjhazAkj7I99e8QcYP7DkM'
  const config = { version: 1, push: { vapidPublicKey: theirs, serviceWorker: '/journeykit-sw.js' } }
  const collector = await startCollector({ port: 0, file: join(dir, 'events.ndjson'), config, push: { env: {}, keysFile: join(dir, 'vapid-keys.json') } })
  try {
    await page.goto(collector.url)
    const alert = page.locator('#push-problem')
    await expect(alert).toBeVisible({ timeout: 10_000 })
    await expect(alert).toHaveRole('alert')
    await expect(alert).toContainText(`its push.vapidPublicKey is ${theirs.slice(0, 12)}…`)
    await expect(alert).toContainText(`the collector's public key is ${collector.vapidPublicKey.slice(0, 12)}… (${join(dir, 'vapid-keys.json')})`)
    await expect(alert).toContainText('Pushes are held, not sent')
  } finally {
    await collector.close()
  }
})
