import { test as base, expect, type FrameLocator, type Page } from '@playwright/test'
import { readFileSync } from 'node:fs'
import { validateConfig } from '../../src/validate/validate.js'
import { axe, studioFixture, type, type StudioFixture } from './studio-fixture.js'

/**
 * The studio's Items view in Chromium (dist/studio/server.js serving dist/studio/app.js, and the
 * preview frames drawing with dist/ui.js): the draft item is drawn by the real UI code as the
 * owner types, at both widths and in both schemes, and what is saved is the item a person writes.
 */

const offer = { kind: 'focus', style: 'modal', title: 'Before you go: 10% off', code: 'STAY10', cta: { label: 'Back to cart', url: '/cart' } }
const start = {
  $schema: 'https://unpkg.com/journeykit/dist/journeykit.schema.json',
  version: 1,
  items: { 'cart-offer': offer },
  rules: [{ id: 'exit', on: 'exit_intent', show: 'cart-offer' }],
}

const test = base.extend<StudioFixture>({ studio: studioFixture('jk-studio-items-', { width: 1280, height: 900 }) })

const editor = (page: Page) => page.getByRole('complementary', { name: 'Item editor' })
const itemsList = (page: Page) => page.getByRole('main', { name: 'Items' })
const frames = ['desktop, light', 'phone, light', 'desktop, dark', 'phone, dark']
const frame = (page: Page, name: string): FrameLocator => page.frameLocator(`iframe[title="Preview: ${name}"]`)
/** The item as the frame's UI chunk drew it (in its shadow root, which locators pierce). */
const drawn = (page: Page, name: string) => frame(page, name).locator('[data-journeykit-item]')

test('an owner retitles an item and sees it drawn as they type, adds a gated download, and saves what a person would write', async ({ page, studio }) => {
  const file = await studio.open(start)
  await page.getByRole('button', { name: 'Items' }).click({ timeout: 10_000 })
  await itemsList(page)
    .getByRole('button', { name: /cart-offer/ })
    .click()
  const panel = editor(page)
  await expect(panel.getByRole('heading', { name: 'Item cart-offer' })).toBeVisible()
  for (const name of frames) await expect(drawn(page, name)).toContainText('Before you go: 10% off', { timeout: 15_000 })

  // typed, not yet committed: the preview already says it, in every frame
  await panel.getByLabel('Title').fill('Wait! 15% off today')
  for (const name of frames) await expect(drawn(page, name)).toContainText('Wait! 15% off today', { timeout: 10_000 })
  await panel.getByLabel('Title').press('Enter')
  await expect(itemsList(page).getByRole('button', { name: /cart-offer/ })).toContainText('Wait! 15% off today')
  // the frames fix their scheme: the dark one draws on a dark page
  const background = (name: string) =>
    frame(page, name)
      .locator('html')
      .evaluate((html) => getComputedStyle(html).backgroundColor)
  expect(await background('desktop, dark')).not.toBe(await background('desktop, light'))

  // a javascript: URL is refused, on its field
  await type(panel.getByLabel('Button URL'), 'javascript:alert(1)')
  await expect(panel.getByLabel('Button URL')).toHaveAccessibleDescription(/items\.cart-offer\.cta\.url/)
  await expect(itemsList(page).getByRole('button', { name: /cart-offer/ })).toContainText('items.cart-offer.cta.url')
  await type(panel.getByLabel('Button URL'), '/cart')
  await expect(panel.getByLabel('Button URL')).not.toHaveAttribute('aria-invalid', 'true')

  // a gated download
  await itemsList(page).getByRole('button', { name: 'Add an item' }).click()
  await expect(panel.getByRole('heading', { name: 'Item new-item' })).toBeVisible()
  await type(panel.getByLabel('Item id'), 'size-guide')
  await expect(panel.getByRole('heading', { name: 'Item size-guide' })).toBeVisible()
  await panel.getByLabel('Kind').selectOption('asset')
  await panel.getByLabel('Style').selectOption('slidein')
  await type(panel.getByLabel('Title'), 'Free sizing guide')
  await type(panel.getByLabel('File URL'), '/files/guide.pdf')
  await panel.getByLabel('Before the download').selectOption('email')
  await panel.getByLabel('Ask for a name too').check()
  await expect(drawn(page, 'phone, dark')).toContainText('Free sizing guide', { timeout: 10_000 })
  await expect(drawn(page, 'phone, dark').locator('input[type=email]')).toBeVisible()

  await axe(page)
  await page.screenshot({ path: 'test-results/studio-items.png' })

  await page.getByRole('button', { name: 'Save', exact: true }).click()
  await expect(page.getByText('All changes saved.')).toBeVisible({ timeout: 10_000 })
  const saved = JSON.parse(readFileSync(file, 'utf8'))
  expect(saved.items).toEqual({
    'cart-offer': { ...offer, title: 'Wait! 15% off today' },
    'size-guide': { kind: 'asset', style: 'slidein', title: 'Free sizing guide', asset: { url: '/files/guide.pdf' }, gate: 'email', form: { name: true } },
  })
  expect(validateConfig(saved).problems).toEqual([])
})

test('renaming an item renames the rule that shows it; the keyboard reaches every field', async ({ page, studio }) => {
  const file = await studio.open(start)
  await page.getByRole('button', { name: 'Items' }).click({ timeout: 10_000 })
  await itemsList(page)
    .getByRole('button', { name: /cart-offer/ })
    .press('Enter')
  const panel = editor(page)
  await expect(panel.getByRole('heading', { name: 'Item cart-offer' })).toBeFocused()
  // Tab from the heading walks the panel's controls, each with its name
  const names: string[] = []
  for (let i = 0; i < 8; i++) {
    await page.keyboard.press('Tab')
    names.push(
      await page.evaluate(
        () =>
          (document.activeElement as HTMLElement).getAttribute('aria-label') ??
          (document.activeElement as HTMLInputElement).labels?.[0]?.textContent ??
          (document.activeElement as HTMLElement).textContent ??
          '',
      ),
    )
  }
  expect(names.map((name) => name.trim())).toEqual(['Delete item', 'Item id', 'Kind', 'Style', 'Title', 'Body', 'Discount code', 'Button label'])
  await type(panel.getByLabel('Item id'), 'exit-offer')
  await expect(page.getByRole('status')).toContainText('cart-offer is now exit-offer')
  await page.getByRole('button', { name: 'Save', exact: true }).click()
  await expect(page.getByText('All changes saved.')).toBeVisible({ timeout: 10_000 })
  const saved = JSON.parse(readFileSync(file, 'utf8'))
  expect(Object.keys(saved.items)).toEqual(['exit-offer'])
  expect(saved.rules[0].show).toBe('exit-offer')
})
