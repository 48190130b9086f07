import { test as base, expect, type Locator, type Page } from '@playwright/test'
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
 * The studio (dist/studio/server.js serving dist/studio/app.js) in Chromium, over a temporary
 * journeykit.json: what an owner builds with clicks and
 * typing is the file a person would write; problems show on their boxes; the keyboard reaches
 * everything; a file changed on disk or broken is never overwritten.
 */

const items = {
  'cart-offer': { kind: 'focus', style: 'modal', title: 'Before you go: 10% off', code: 'STAY10' },
}
const start = { $schema: 'https://unpkg.com/journeykit/dist/journeykit.schema.json', version: 1, items, journeys: {} }

/** The journey the first test builds, as a person would write it. */
const cartRescue = {
  entry: { on: 'add_to_cart' },
  exit: [{ on: 'order_completed' }],
  goal: { on: 'order_completed', within: '7d' },
  steps: [
    { id: 'pause', wait: '2h' },
    { id: 'watch', on: 'exit_intent', within: '3d', show: 'cart-offer', goto: 'done', else: 'mail' },
    { id: 'mail', track: 'winback_requested' },
    { id: 'done', exit: true },
  ],
}

/** `open(null)`: no file yet. */
const test = base.extend<{ studio: { open(config: unknown): Promise<string>; file: string } }>({
  studio: async ({ page }, use) => {
    const file = join(mkdtempSync(join(tmpdir(), 'jk-studio-')), 'journeykit.json')
    let close = async () => {}
    await use({
      file,
      async open(config) {
        if (config !== null) writeFileSync(file, typeof config === 'string' ? config : `${JSON.stringify(config, null, 2)}\n`)
        const server = await startStudio({ file })
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
const savedFile = (file: string) => JSON.parse(readFileSync(file, 'utf8'))

/** Types into a field and leaves it with Enter, as an owner does: one edit. */
async function type(field: Locator, text: string) {
  await field.fill(text)
  await field.press('Enter')
}

test('an owner builds a journey with clicks and typing, and saves the file a person would write', async ({ page, studio }) => {
  const file = await studio.open(start)
  await expect(page.getByText('No journeys yet')).toBeVisible({ timeout: 10_000 })
  const editor = panel(page)

  await editor.getByLabel('Journey id').fill('cart-rescue')
  await editor.getByLabel('Entered on').fill('add_to_cart')
  await editor.getByRole('button', { name: 'Create journey' }).click()
  // a journey needs a step: said on the entry box, with the path
  await expect(box(page, '@entry')).toContainText('journeys.cart-rescue.steps: must be a list of at least one step')

  await page.getByRole('button', { name: 'Add a step first, after the entry' }).click()
  await expect(editor.getByRole('heading', { name: 'Step wait' })).toBeVisible()
  await type(editor.getByLabel('Step id'), 'pause')
  await type(editor.getByLabel('Wait for'), '2h')
  await expect(box(page, 'step:pause')).toContainText('wait 2h')

  await page.getByRole('button', { name: 'Add a step after pause' }).click()
  await editor.getByLabel('Action').selectOption('show')
  await expect(editor.getByLabel('Item to show')).toHaveValue('cart-offer')
  await type(editor.getByLabel('Step id'), 'watch')
  await type(editor.getByLabel('On', { exact: true }), 'exit_intent')
  await type(editor.getByLabel('Within'), '3d')

  await page.getByRole('button', { name: 'Add a step after watch' }).click()
  await editor.getByLabel('Action').selectOption('track')
  await type(editor.getByLabel('Event to track'), 'winback_requested')
  await type(editor.getByLabel('Step id'), 'mail')

  await page.getByRole('button', { name: 'Add a step after mail' }).click()
  await editor.getByLabel('Action').selectOption('exit')
  await type(editor.getByLabel('Step id'), 'done')

  // watch: on to done when shown; when the three days run out, picked on the canvas: mail
  await box(page, 'step:watch').click()
  await editor.getByLabel('Then go to').selectOption('done')
  await editor.getByRole('button', { name: 'Pick the else step on the canvas' }).click()
  await box(page, 'step:mail').click()
  await expect(editor.getByLabel('Else, when the time runs out, go to')).toHaveValue('mail')

  await box(page, '@entry').click()
  await type(editor.getByLabel('Exit on'), 'order_completed')
  await type(editor.getByLabel('Goal event'), 'order_completed')
  await type(editor.getByLabel('Goal within'), '7d')

  await expect(page.getByText('No problems: journeykit accepts this file.')).toBeVisible()
  await expect(page.locator('.box.has-problems')).toHaveCount(0)
  await page.getByRole('button', { name: 'Save', exact: true }).click()
  await expect(page.getByRole('status')).toHaveText('Saved journeykit.json.')
  await expect(page.getByText('All changes saved.')).toBeVisible()
  await box(page, 'step:watch').click()
  await page.screenshot({ path: 'test-results/studio-built.png' })

  const saved = savedFile(file)
  expect(saved).toEqual({ ...start, journeys: { 'cart-rescue': cartRescue } })
  expect(validateConfig(saved)).toEqual({ problems: [], warnings: [] })
})

test('a broken goto shows on its box with its path; fixing it or undoing clears it', async ({ page, studio }) => {
  const broken = structuredClone(cartRescue)
  broken.steps[2] = { ...broken.steps[2]!, goto: 'mial' } as (typeof broken.steps)[number]
  await studio.open({ ...start, journeys: { 'cart-rescue': broken } })
  const mail = box(page, 'step:mail')
  await expect(mail).toContainText('journeys.cart-rescue.steps[2].goto: "mial" names no step', { timeout: 10_000 })
  await expect(mail.locator('.marker')).toBeVisible()
  await expect(page.getByRole('button', { name: 'Save', exact: true })).toBeDisabled()
  await expect(page.getByText('Fix 1 problem to save.')).toBeVisible()
  await page.screenshot({ path: 'test-results/studio-broken-goto.png' })

  // the list names it too, and opens its box
  await page.getByRole('button', { name: 'journeys.cart-rescue.steps[2].goto', exact: true }).click()
  const editor = panel(page)
  await expect(editor.getByRole('heading', { name: 'Step mail' })).toBeVisible()
  await expect(editor.getByLabel('Then go to')).toHaveAccessibleDescription(/"mial" names no step/)
  await editor.getByLabel('Then go to').selectOption('done')
  await expect(mail).not.toContainText('mial')
  await expect(page.getByText('No problems: journeykit accepts this file.')).toBeVisible()

  // deleting a step another names: the goto breaks on its own box; undo brings the step back
  await box(page, 'step:done').click()
  await editor.getByRole('button', { name: 'Delete step' }).click()
  await expect(box(page, 'step:done')).toHaveCount(0)
  await expect(box(page, 'step:watch')).toContainText('journeys.cart-rescue.steps[1].goto: "done" names no step')
  await page.keyboard.press('Control+z')
  await expect(box(page, 'step:done')).toBeVisible()
  await expect(page.locator('.box.has-problems')).toHaveCount(0)
  await page.getByRole('button', { name: 'Redo' }).click()
  await expect(box(page, 'step:done')).toHaveCount(0)
  await page.keyboard.press('Control+Shift+z')
  await expect(box(page, 'step:done')).toHaveCount(0) // nothing left to redo
  await page.getByRole('button', { name: 'Undo' }).click()
  await expect(box(page, 'step:done')).toBeVisible()
})

test('each action has its fields, and the box says what the step does', async ({ page, studio }) => {
  await studio.open({ ...start, journeys: { 'cart-rescue': cartRescue } })
  const mail = box(page, 'step:mail')
  await expect(mail).toBeVisible({ timeout: 10_000 })
  await mail.click()
  const editor = panel(page)
  const action = editor.getByLabel('Action')
  const rows: Array<[string, string]> = [
    ['show', 'show cart-offer'],
    ['set', 'set stage retention'],
    ['wait', 'wait 1h'],
    ['split', 'split, sticky per visitor'],
    ['branch', 'branch: the first case that holds'],
    ['push', 'push "New message"'],
    ['exit', 'end the run (completed)'],
  ]
  for (const [value, words] of rows) {
    await action.selectOption(value)
    await expect(mail).toContainText(words)
  }
  await action.selectOption('split')
  await type(editor.getByLabel('Path 1: weight'), '70')
  await expect(page.locator('.arrows text', { hasText: '70%' })).toHaveCount(1)
  await action.selectOption('push')
  await type(editor.getByLabel('Title'), 'Your cart misses you')
  await expect(mail).toContainText('push "Your cart misses you"')
  // a track needs its event's name: the box says so until it has one
  await action.selectOption('track')
  await expect(mail).toContainText('journeys.cart-rescue.steps[2].track')
  await type(editor.getByLabel('Event to track'), 'winback_requested')
  await expect(page.getByText('No problems: journeykit accepts this file.')).toBeVisible()
  await expect(page.getByText('The studio hit a bug')).toHaveCount(0)
})

test('the keyboard alone reaches every box, opens it, adds a step and comes back', async ({ page, studio }) => {
  await studio.open({ ...start, journeys: { 'cart-rescue': cartRescue } })
  await expect(box(page, 'step:pause')).toBeVisible({ timeout: 10_000 })
  const keys = await page.locator('[data-box]').evaluateAll((boxes) => boxes.map((b) => b.getAttribute('data-box')))
  expect(keys).toEqual(expect.arrayContaining(['@entry', 'step:pause', 'step:watch', 'step:mail', 'step:done', '@goal', '@exits']))

  const reached = new Set<string>()
  await page.locator('body').focus()
  for (let i = 0; i < 40 && reached.size < keys.length; i++) {
    await page.keyboard.press('Tab')
    const key = await page.evaluate(() => document.activeElement?.getAttribute('data-box'))
    if (key) reached.add(key)
  }
  expect([...reached].sort()).toEqual([...keys].sort())

  await box(page, 'step:watch').focus()
  await page.keyboard.press('Enter')
  const editor = panel(page)
  await expect(editor.getByRole('heading', { name: 'Step watch' })).toBeFocused()
  await expect(box(page, 'step:watch')).toHaveAttribute('aria-pressed', 'true')
  await page.keyboard.press('Escape')
  await expect(box(page, 'step:watch')).toBeFocused()

  await page.keyboard.press('Tab') // the + under watch
  await expect(page.getByRole('button', { name: 'Add a step after watch' })).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(editor.getByRole('heading', { name: 'Step wait' })).toBeFocused()
  await page.keyboard.press('Tab')
  await expect(editor.getByLabel('Step id')).toBeFocused()
  await page.keyboard.type('nap')
  await page.keyboard.press('Enter')
  await expect(box(page, 'step:nap')).toBeVisible()
  // the new step took over watch's goto: the flow still reaches done, and mail from the else
  await expect(page.getByText('No problems: journeykit accepts this file.')).toBeVisible()
})

test('a file that does not exist yet is started, and written at the first save', async ({ page, studio }) => {
  const file = await studio.open(null)
  await page.getByRole('button', { name: 'Start journeykit.json' }).click({ timeout: 10_000 })
  const editor = panel(page)
  await editor.getByLabel('Journey id').fill('welcome')
  await editor.getByLabel('Entered on').fill('page_view')
  await editor.getByRole('button', { name: 'Create journey' }).click()
  await page.getByRole('button', { name: 'Add a step first, after the entry' }).click()
  await page.getByRole('button', { name: 'Save', exact: true }).click()
  await expect(page.getByRole('status')).toHaveText('Saved journeykit.json.')
  expect(savedFile(file)).toEqual({
    $schema: 'https://unpkg.com/journeykit/dist/journeykit.schema.json',
    version: 1,
    journeys: { welcome: { entry: { on: 'page_view' }, steps: [{ id: 'wait', wait: '1h' }] } },
  })
})

test('a file changed on disk while open is never overwritten', async ({ page, studio }) => {
  const file = await studio.open({ ...start, journeys: { 'cart-rescue': cartRescue } })
  await expect(box(page, 'step:pause')).toBeVisible({ timeout: 10_000 })
  await box(page, 'step:pause').click()
  await type(panel(page).getByLabel('Wait for'), '5h')

  const theirs = { ...start, journeys: { 'cart-rescue': { ...cartRescue, holdout: 5 } } }
  const text = `${JSON.stringify(theirs, null, 4)}\n`
  writeFileSync(file, text)
  const alert = page.getByRole('alert')
  await expect(alert).toContainText('journeykit.json changed on disk since the studio opened it', { timeout: 10_000 })
  await alert.getByRole('button', { name: 'Keep editing' }).click()

  await page.getByRole('button', { name: 'Save', exact: true }).click()
  await expect(alert).toContainText('Nothing was saved, and the file was left as it is.')
  expect(readFileSync(file, 'utf8')).toBe(text)

  await alert.getByRole('button', { name: 'Reload from disk (drops your 1 unsaved change)' }).click()
  await expect(box(page, 'step:pause')).toContainText('wait 2h')
  await expect(box(page, '@holdout')).toBeVisible()
  await expect(page.getByText('All changes saved.')).toBeVisible()
  expect(readFileSync(file, 'utf8')).toBe(text)
})

test('a file that is not valid JSON opens as an error with its line and column, and is left as it is', async ({ page, studio }) => {
  const text = '{\n  "version": 1,\n  "journeys": {},\n}\n'
  const file = await studio.open(text)
  await expect(page.getByRole('heading', { name: 'journeykit.json is not valid JSON' })).toBeVisible({ timeout: 10_000 })
  await expect(page.getByText(/^Line 4, column 1: /)).toBeVisible()
  const { violations } = await new AxeBuilder({ page }).analyze()
  expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`)).toEqual([])
  expect(readFileSync(file, 'utf8')).toBe(text)

  // fixed in the owner's editor: the studio opens it
  writeFileSync(file, '{ "version": 1, "journeys": {} }\n')
  await expect(page.getByText('No journeys yet')).toBeVisible({ timeout: 10_000 })
})

test('axe finds nothing on the studio, a step open and a problem on the canvas', async ({ page, studio }) => {
  const broken = structuredClone(cartRescue)
  broken.steps[2] = { ...broken.steps[2]!, goto: 'mial' } as (typeof broken.steps)[number]
  await studio.open({ ...start, journeys: { 'cart-rescue': broken } })
  await expect(box(page, 'step:mail')).toContainText('mial', { timeout: 10_000 })
  await box(page, 'step:mail').click()
  await page.screenshot({ path: 'test-results/studio-step.png' })
  let { violations } = await new AxeBuilder({ page }).analyze()
  expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`)).toEqual([])
  await box(page, '@entry').click()
  ;({ violations } = await new AxeBuilder({ page }).analyze())
  expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`)).toEqual([])
  await page.getByRole('button', { name: 'New journey' }).click()
  ;({ violations } = await new AxeBuilder({ page }).analyze())
  expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`)).toEqual([])
  await page.screenshot({ path: 'test-results/studio-new-journey.png' })
})
