import { test as base, expect, type Page } from '@playwright/test'
import AxeBuilder from '@axe-core/playwright'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { validateConfig } from '../../src/validate/validate.js'
import type { startStudio as StartStudio } from '../../src/tools/studio/server.js'
// @ts-expect-error the built studio server (npm run build), plain ESM without types here
import { startStudio as startBuiltStudio } from '../../dist/studio/server.js'

const startStudio = startBuiltStudio as typeof StartStudio

/**
 * The studio's templates and its Try panel (dist/studio/), in Chromium: a journey started from
 * the contract's §8 example is that example in the saved file; a made-up visitor walked through
 * it lights their path on the canvas; with --site, the panel links to the site's preview.
 */

const example = JSON.parse(readFileSync(new URL('../configs/12-contract-cart-rescue.json', import.meta.url), 'utf8'))
const start = { $schema: 'https://unpkg.com/journeykit/dist/journeykit.schema.json', version: 1, journeys: {} }

const test = base.extend<{ studio: { open(config: unknown, site?: string): Promise<string> } }>({
  studio: async ({ page }, use) => {
    const file = join(mkdtempSync(join(tmpdir(), 'jk-studio-try-')), 'journeykit.json')
    let close = async () => {}
    await use({
      async open(config, site) {
        writeFileSync(file, `${JSON.stringify(config, null, 2)}\n`)
        const server = await startStudio({ file, ...(site && { site }) })
        close = server.close
        await page.setViewportSize({ width: 1280, height: 860 })
        await page.goto(server.url)
        return file
      },
    })
    await close()
  },
})

const box = (page: Page, key: string) => page.locator(`[data-box="${key}"]`)
const panel = (page: Page) => page.getByRole('complementary', { name: 'Editor' })
const axe = async (page: Page) => {
  const { violations } = await new AxeBuilder({ page }).analyze()
  expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`)).toEqual([])
}

test('the §8 cart rescue from its template is, saved, the contract’s example', async ({ page, studio }) => {
  const file = await studio.open(start)
  await expect(page.getByText('No journeys yet')).toBeVisible({ timeout: 10_000 })
  const editor = panel(page)
  await editor.getByLabel('Start from').selectOption({ label: 'Cart rescue, the reference’s §8 example' })
  await expect(editor.getByLabel('Journey id')).toHaveValue('cart-rescue')
  await axe(page)
  await editor.getByRole('button', { name: 'Create journey' }).click()

  await expect(box(page, 'step:loyal')).toBeVisible({ timeout: 10_000 })
  await expect(box(page, '@holdout')).toBeVisible()
  await page.getByRole('button', { name: 'Save', exact: true }).click()
  await expect(page.getByText('All changes saved.')).toBeVisible({ timeout: 10_000 })

  const saved = JSON.parse(readFileSync(file, 'utf8'))
  expect(saved.journeys['cart-rescue']).toEqual(example.journeys['cart-rescue'])
  expect(saved.items).toEqual(example.items)
  expect(saved.segments).toEqual(example.segments)
  expect(validateConfig(saved).problems).toEqual([])
})

test('a template never overwrites an item of the file: its own is added under a new id', async ({ page, studio }) => {
  const mine = { kind: 'focus', style: 'bar', title: 'My own offer' }
  const file = await studio.open({ ...start, items: { 'cart-offer': mine } })
  await expect(page.getByText('No journeys yet')).toBeVisible({ timeout: 10_000 })
  const editor = panel(page)
  await editor.getByLabel('Start from').selectOption({ label: 'Cart rescue, the reference’s §8 example' })
  await editor.getByLabel('Journey id').fill('rescue')
  await editor.getByRole('button', { name: 'Create journey' }).click()
  await expect(box(page, 'step:watch')).toContainText('cart-offer-2', { timeout: 10_000 })
  await page.getByRole('button', { name: 'Save', exact: true }).click()
  await expect(page.getByText('All changes saved.')).toBeVisible({ timeout: 10_000 })

  const saved = JSON.parse(readFileSync(file, 'utf8'))
  expect(saved.items['cart-offer']).toEqual(mine)
  expect(saved.items['cart-offer-2']).toEqual(example.items['cart-offer'])
  expect(saved.journeys.rescue.steps[2].show).toBe('cart-offer-2')
})

test('Try it walks a visitor through the journey, narrates it, and lights their path', async ({ page, studio }) => {
  await studio.open(example, 'http://127.0.0.1:9/shop?lang=en')
  await expect(box(page, 'step:nudge')).toBeVisible({ timeout: 10_000 })
  await expect(page.locator('[data-tried]')).toHaveCount(0)
  await page.getByRole('button', { name: 'Try it' }).click()
  const editor = panel(page)
  await expect(editor.getByRole('heading', { name: 'Try journey cart-rescue' })).toBeVisible()

  await editor.getByLabel('Starts at').fill('2026-12-01T09:00:00Z')
  await editor.getByLabel('Row 1: when').fill('+0m')
  await editor.getByLabel('Row 1: event').fill('add_to_cart')
  await editor.getByLabel('Row 1: facts').fill('{"segment": {"hot-shoppers": true}}')
  await editor.getByRole('button', { name: 'Add an event' }).click()
  await editor.getByLabel('Row 2: when').fill('+1m')
  await editor.getByLabel('Row 2: event').fill('page_view')
  await editor.getByLabel('Row 2: facts').fill('{"page": {"path": "/cart"}}')
  await editor.getByRole('button', { name: 'Add an event' }).click()
  await editor.getByLabel('Row 3: when').fill('+3h')
  await editor.getByLabel('Row 3: event').fill('page_view')
  await editor.getByRole('button', { name: 'Run' }).click()

  const told = editor.getByLabel('What happened')
  await expect(told).toContainText('+ entered: run 1', { timeout: 10_000 })
  await expect(told).toContainText('→ nudge: show cart-reminder → pause')
  await expect(told).toContainText('… watch waits for exit_intent')
  for (const key of ['@entry', 'step:nudge', 'step:pause']) await expect(box(page, key)).toHaveAttribute('data-tried', 'visited')
  await expect(box(page, 'step:watch')).toHaveAttribute('data-tried', 'here')
  await expect(box(page, 'step:watch')).toContainText('The tried visitor is here.')
  for (const key of ['step:ab', 'step:done', '@holdout']) await expect(box(page, key)).not.toHaveAttribute('data-tried')

  const preview = editor.getByRole('link', { name: 'Preview on the site' })
  await expect(preview).toHaveAttribute('href', 'http://127.0.0.1:9/shop?lang=en&journeykit_preview=journey%3Acart-rescue')
  await expect(preview).toHaveAttribute('target', '_blank')
  await page.screenshot({ path: 'test-results/studio-try.png' })
  await axe(page)

  // a row it cannot read says which; the path goes dark
  await editor.getByLabel('Row 2: facts').fill('{"page": ')
  await editor.getByRole('button', { name: 'Run' }).click()
  await expect(editor.getByRole('alert')).toHaveText('Row 2: the facts are not JSON, like {"page": {"path": "/cart"}}')
  await expect(page.locator('[data-tried]')).toHaveCount(0)
})

test('without --site there is no preview link', async ({ page, studio }) => {
  await studio.open(example)
  await expect(box(page, 'step:nudge')).toBeVisible({ timeout: 10_000 })
  await page.getByRole('button', { name: 'Try it' }).click()
  await expect(panel(page).getByRole('heading', { name: 'Try journey cart-rescue' })).toBeVisible()
  await expect(page.getByRole('link', { name: 'Preview on the site' })).toHaveCount(0)
})
