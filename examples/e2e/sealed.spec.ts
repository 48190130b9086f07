import type { Page } from '@playwright/test'
import { test, expect, runtimeReady, collectConsole, sealed as build } from './fixtures.js'
// @ts-expect-error the built CLI, plain JS without types
import { sealConfig } from '../../dist/cli.js'

// Issue 11: a config sealed by `npx journeykit build` skips the validator, whose chunk the page
// then never downloads; any other config is validated by that chunk, as before.

/** The paths of every script the page requested. */
function scriptRequests(page: Page): string[] {
  const paths: string[] = []
  page.on('request', (request) => {
    const path = new URL(request.url()).pathname
    if (path.endsWith('.js')) paths.push(path)
  })
  return paths
}

const offer = { kind: 'focus', style: 'modal', title: 'Wait!', body: 'Take 10% off', cta: { label: 'Back to cart', url: '/cart' } }
const welcome = { version: 1, items: { offer }, rules: [{ id: 'welcome', on: 'page_view', track: 'welcomed' }] }

test('a sealed config starts without the validator: its chunk is never requested', async ({ page, site }) => {
  const scripts = scriptRequests(page)
  const errors = collectConsole(page)
  const warnings = collectConsole(page, 'warning')
  const url = await site.serve(page, { config: build(welcome) })
  await page.goto(url)
  await runtimeReady(page)
  // The config was used: its rule ran.
  await site.waitForEvents(page, (all) => all.some((e) => e.event === 'welcomed'))
  await page.evaluate(() => (window as any).journeykit.show('offer'))
  await expect(page.locator('[data-journeykit-item="offer"]').getByRole('dialog')).toBeVisible()
  expect(scripts.filter((path) => /config-check|config-messages|journeys-check/.test(path))).toEqual([])
  expect([...errors, ...warnings].filter((text) => text.includes('journeykit'))).toEqual([])
})

test('a sealed file reformatted after the build (minified here) keeps its seal: still no validator', async ({ page, site }) => {
  const scripts = scriptRequests(page)
  const warnings = collectConsole(page, 'warning')
  await page.goto(await site.serve(page, { config: JSON.stringify(build(welcome)) }))
  await runtimeReady(page)
  await site.waitForEvents(page, (all) => all.some((e) => e.event === 'welcomed'))
  expect(scripts.filter((path) => /config-check|config-messages/.test(path))).toEqual([])
  expect(warnings.filter((text) => text.includes('journeykit'))).toEqual([])
})

test('an unsealed invalid config is refused whole by the validator chunk, one error per problem', async ({ page, site }) => {
  const scripts = scriptRequests(page)
  const errors = collectConsole(page)
  const config = { ...welcome, items: { offer: { ...offer, cta: { label: 'Go', url: 'javascript:alert(1)' } } } } as any
  config.rules = [{ id: 'r', on: 'page_view', if: { 'visit.count': { $gte: 'two' } }, show: 'offer' }]
  const url = await site.serve(page, { config })
  await page.goto(url)
  await runtimeReady(page)
  await site.waitForEvents(page, (all) => all.some((e) => e.type === 'page'))
  expect(errors.filter((text) => text.startsWith('journeykit.'))).toEqual([
    'journeykit.config: items.offer.cta.url: must be an https:, http: or relative URL, not "javascript:alert(1)"',
    'journeykit.config: rules[0].if.visit.count: $gte needs a number, not "two"',
  ])
  await expect(page.locator('[data-journeykit-item]')).toHaveCount(0)
  expect(scripts).toContain('/dist/config-check.js')
})

test('an unsealed config starts the validator download from the loader, before the start chunk has run', async ({ page, site }) => {
  const url = await site.serve(page, { config: welcome })
  // The start chunk is held until the validator's request has started: only the loader can have asked.
  let release = () => {}
  const asked = new Promise<boolean>((resolve) => (release = () => resolve(true)))
  let askedFirst: boolean | undefined
  await page.route('**/dist/core.js', async (route) => {
    askedFirst = await Promise.race([asked, new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 10_000))])
    await route.continue()
  })
  page.on('request', (request) => request.url().endsWith('/dist/config-check.js') && release())
  await page.goto(url)
  await runtimeReady(page)
  expect(askedFirst).toBe(true)
  await site.waitForEvents(page, (all) => all.some((e) => e.event === 'welcomed'))
})

test('a seal that no longer matches, or debug mode, brings the validator back', async ({ page, site }) => {
  const scripts = scriptRequests(page)
  const warnings = collectConsole(page, 'warning')
  // Edited after the build: a title fixed by hand.
  const edited = build(welcome)
  ;(edited.items as any).offer.title = 'Wait, please!'
  await page.goto(await site.serve(page, { config: edited }))
  await runtimeReady(page)
  expect(warnings.filter((text) => text.includes('$sealed'))).toEqual([
    'journeykit.config: $sealed: does not match this config or this journeykit version: checked in full (run `npx journeykit build` again)',
  ])
  expect(scripts).toContain('/dist/config-check.js')
  await site.waitForEvents(page, (all) => all.some((e) => e.event === 'welcomed'))

  scripts.length = 0
  warnings.length = 0
  await page.goto(await site.serve(page, { config: build(welcome), attributes: 'data-debug' }))
  await runtimeReady(page)
  expect(scripts).toContain('/dist/config-check.js')
  expect(warnings.filter((text) => text.includes('$sealed'))).toEqual([])
})

test('a sealed config is trusted, not obeyed blindly: a javascript: URL is still not rendered', async ({ page, site }) => {
  // Forged: sealed by hand around what `build` would refuse. The UI checks URL schemes again when
  // it renders (ui/item-view.tsx), and text stays text.
  const forged = sealConfig({
    version: 1,
    items: { offer: { ...offer, title: '<img src=x onerror=alert(1)>', cta: { label: 'Go', url: 'javascript:alert(1)' } } },
  })
  await page.goto(await site.serve(page, { config: forged }))
  await runtimeReady(page)
  await page.evaluate(() => (window as any).journeykit.show('offer'))
  const dialog = page.locator('[data-journeykit-item="offer"]').getByRole('dialog')
  await expect(dialog).toBeVisible()
  await expect(dialog.getByRole('heading')).toHaveText('<img src=x onerror=alert(1)>')
  await expect(dialog.locator('img')).toHaveCount(0)
  await expect(dialog.getByRole('link')).toHaveCount(0)
})
