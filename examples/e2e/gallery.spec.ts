import { test as base, expect } from '@playwright/test'
import { createRequire } from 'node:module'
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
// @ts-expect-error the built gallery server (npm run build), plain ESM without types here
import { startGallery } from '../../dist/gallery/server.js'

const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js')
const storeConfig = fileURLToPath(new URL('../store/journeykit.json', import.meta.url))
const items = Object.keys(JSON.parse(readFileSync(storeConfig, 'utf8')).items)

/** A gallery of a copy of the demo store's config, which a test may edit. */
const test = base.extend<{ gallery: { url: string; file: string } }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's dependencies from this pattern
  gallery: async ({}, use) => {
    const file = join(mkdtempSync(join(tmpdir(), 'jk-gallery-')), 'journeykit.json')
    copyFileSync(storeConfig, file)
    const gallery = await startGallery({ file })
    await use({ url: gallery.url, file })
    await gallery.close()
  },
})

test('the gallery draws every item in each style, width and scheme, and looks as it did', async ({ page, gallery }) => {
  await page.setViewportSize({ width: 1100, height: 900 })
  await page.emulateMedia({ reducedMotion: 'reduce' })
  await page.goto(gallery.url)
  await expect(page.locator('body[data-gallery-ready]')).toBeAttached({ timeout: 20_000 })
  await expect(page.locator('section.item')).toHaveCount(items.length)
  await expect(page.getByText('0 problem(s), 0 warning(s). No problems: journeykit accepts this config.')).toBeVisible()
  for (const item of items) {
    const section = page.locator(`section[data-item="${item}"]`)
    const titles = await section.locator('iframe').evaluateAll((frames) => frames.map((frame) => (frame as HTMLIFrameElement).title))
    expect(titles).toHaveLength(16)
    for (const style of ['modal', 'bar', 'slidein', 'notification'])
      for (const width of ['desktop', 'phone']) for (const scheme of ['light', 'dark']) expect(titles).toContain(`${item} as ${style}, ${width}, ${scheme}`)
    // every cell drew the item with the real UI, as text
    const frame = page.frameLocator(`iframe[title="${item} as bar, phone, dark"]`)
    await expect(frame.locator(`[data-journeykit-item="${item}"] .title`)).toHaveCount(1)
    await expect(section).toHaveScreenshot(`gallery-${item}.png`, { maxDiffPixelRatio: 0.02, animations: 'disabled' })
  }
})

test('a CTA in the gallery goes nowhere and sends nothing', async ({ page, gallery }) => {
  await page.goto(gallery.url)
  await expect(page.locator('body[data-gallery-ready]')).toBeAttached({ timeout: 20_000 })
  const cell = page.frameLocator('iframe[title="welcome as modal, desktop, light"]')
  await cell.getByRole('link', { name: 'Shop shirts' }).dispatchEvent('click')
  await expect(page.getByRole('status')).toHaveText(/Not sent \(a gallery sends nothing\): item_converted/)
  const frameUrl = await page
    .locator('iframe[title="welcome as modal, desktop, light"]')
    .evaluate((frame) => (frame as HTMLIFrameElement).contentWindow!.location.pathname)
  expect(frameUrl).toMatch(/\/gallery\/frame\.html$/)
})

test('problems are listed with their JSON paths, and follow the file as it changes', async ({ page, gallery }) => {
  await page.goto(gallery.url)
  await expect(page.locator('body[data-gallery-ready]')).toBeAttached({ timeout: 20_000 })
  const config = JSON.parse(readFileSync(gallery.file, 'utf8'))
  config.items.welcome.style = 'popup'
  config.rules[0].if = { 'visit.count': { $gte: 'two' } }
  writeFileSync(gallery.file, JSON.stringify(config, null, 2))
  const problems = page.locator('.problems li.problem')
  await expect(problems.filter({ has: page.locator('code', { hasText: /^items\.welcome\.style$/ }) })).toHaveCount(1)
  await expect(problems.filter({ has: page.locator('code', { hasText: /^rules\[0\]\.if\.visit\.count/ }) })).toHaveCount(1)
  await expect(page.getByText(/journeykit refuses this config/)).toBeVisible()
  writeFileSync(gallery.file, '{ "version": 1, "items": ')
  await expect(problems).toHaveCount(1)
  await expect(problems.locator('code')).toHaveText('journeykit.json')
  copyFileSync(storeConfig, gallery.file)
  await expect(problems).toHaveCount(0)
  await expect(page.getByText('No problems: journeykit accepts this config.')).toBeVisible()
})

test('axe finds no violations on the gallery', async ({ page, gallery }) => {
  await page.goto(gallery.url)
  await expect(page.locator('body[data-gallery-ready]')).toBeAttached({ timeout: 20_000 })
  await page.addScriptTag({ path: axePath })
  const violations = await page.evaluate(async () => {
    const result = await (window as any).axe.run(document, { resultTypes: ['violations'], iframes: false })
    return result.violations.map((v: any) => `${v.id}: ${v.nodes.length} node(s)`)
  })
  expect(violations).toEqual([])
})
