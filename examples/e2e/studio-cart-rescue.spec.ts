import { test as base, expect, type Locator, type Page } from '@playwright/test'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { validateConfig } from '../../src/validate/validate.js'
import { renderMap } from '../../src/tools/map/render.js'
import type { Config } from '../../src/config/types.js'
import type { startStudio as StartStudio } from '../../src/tools/studio/server.js'
// @ts-expect-error the built studio server (npm run build), plain ESM without types here
import { startStudio as startBuiltStudio } from '../../dist/studio/server.js'
// @ts-expect-error plain .mjs example without types
import { startCollector } from '../collector/server.mjs'

const startStudio = startBuiltStudio as typeof StartStudio

/**
 * The proof of issue 26: the contract's §8 cart-rescue journey
 * (examples/configs/12-contract-cart-rescue.json), built in the studio from a file with its items
 * and segment but no journey, once with clicks and typing, once with the keyboard alone (Tab,
 * Enter, typing, arrow keys: no mouse). The saved journey deep-equals the example's (less its
 * `$comment`, which the studio has no field for); `validate` accepts the file and `map` draws it.
 */

const example = JSON.parse(readFileSync(new URL('../configs/12-contract-cart-rescue.json', import.meta.url), 'utf8')) as Config & {
  journeys: Record<string, Record<string, unknown>>
}
const { $comment: _comment, ...cartRescue } = example.journeys['cart-rescue']!
const start = { ...example, journeys: {} }

/** What the test does, by clicks or by keys: press a button, type into a field, pick a choice, open a box. */
interface Hands {
  press(name: string): Promise<void>
  type(label: string, text: string): Promise<void>
  /** Types into a field of a form, without sending it. */
  write(label: string, text: string): Promise<void>
  choose(label: string, option: string): Promise<void>
  open(box: string): Promise<void>
  /** Points the open step's `else` at a step. */
  pointElse(step: string): Promise<void>
}

const editor = (page: Page) => page.getByRole('complementary', { name: 'Editor' })
const field = (page: Page, label: string) => editor(page).getByLabel(label, { exact: true })
const button = (page: Page, name: string) => page.getByRole('button', { name, exact: true })
const box = (page: Page, key: string) => page.locator(`[data-box="${key}"]`)

function clicks(page: Page): Hands {
  return {
    press: (name) => button(page, name).click(),
    async type(label, text) {
      const input = field(page, label)
      await input.fill(text)
      // an input commits on Enter; a textarea (JSON) when it is left
      if ((await input.evaluate((el) => el.tagName)) === 'TEXTAREA') await input.blur()
      else await input.press('Enter')
    },
    write: (label, text) => field(page, label).fill(text),
    choose: async (label, option) => void (await field(page, label).selectOption({ label: option })),
    open: (key) => box(page, key).click(),
    async pointElse(step) {
      await button(page, 'Pick the else step on the canvas').click()
      await box(page, `step:${step}`).click()
    },
  }
}

/** Moves the focus to `target` with Tab (or Shift+Tab when it is above), as a keyboard user does. */
async function tabTo(page: Page, target: Locator) {
  await target.waitFor({ timeout: 10_000 })
  for (let i = 0; i < 300; i++) {
    const where = await target.evaluate((el) => {
      const active = document.activeElement
      if (el === active) return 'here'
      if (!active || active === document.body) return 'after'
      return active.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING ? 'after' : 'before'
    })
    if (where === 'here') return
    await page.keyboard.press(where === 'after' ? 'Tab' : 'Shift+Tab')
  }
  throw new Error(`Tab never reached ${target}`)
}

function keys(page: Page): Hands {
  const choose = async (label: string, option: string) => {
    const select = field(page, label)
    await tabTo(page, select)
    // a closed select picks the option whose label starts with what is typed
    await page.keyboard.type(option)
    await expect(select.locator('option:checked')).toHaveText(option)
  }
  return {
    async press(name) {
      await tabTo(page, button(page, name))
      await page.keyboard.press('Enter')
    },
    async type(label, text) {
      const input = field(page, label)
      await tabTo(page, input)
      await page.keyboard.press('ControlOrMeta+a')
      await page.keyboard.type(text)
      await page.keyboard.press((await input.evaluate((el) => el.tagName)) === 'TEXTAREA' ? 'Tab' : 'Enter')
    },
    async write(label, text) {
      await tabTo(page, field(page, label))
      await page.keyboard.type(text)
    },
    choose,
    async open(key) {
      await tabTo(page, box(page, key))
      await page.keyboard.press('Enter')
    },
    pointElse: (step) => choose('Else, when the time runs out, go to', step),
  }
}

/** Builds §8's cart-rescue journey, step by step, as the example's comments tell it. */
async function buildCartRescue(page: Page, hands: Hands) {
  await hands.write('Journey id', 'cart-rescue')
  await hands.write('Entered on', 'add_to_cart')
  await hands.press('Create journey')

  // the steps, each added after the one before and named first
  const add = async (after: string | null, id: string, action?: string) => {
    await hands.press(after ? `Add a step after ${after}` : 'Add a step first, after the entry')
    await expect(editor(page).getByRole('heading', { name: /^Step wait/ })).toBeVisible()
    await hands.type('Step id', id)
    await expect(box(page, `step:${id}`)).toBeVisible()
    if (action) await hands.choose('Action', action)
  }
  await add(null, 'nudge', 'show an item')
  await expect(field(page, 'Item to show')).toHaveValue('cart-reminder')
  await hands.type('On', 'page_view')
  // its condition, with the builder: a fact, an operator, a value
  await hands.press('Add a condition')
  await hands.type('Condition 1 fact', 'page.path')
  await hands.choose('Condition 1 operator', 'starts with')
  await hands.type('Condition 1 value', '/cart')

  await add('nudge', 'pause')
  await hands.type('Wait for', '2h')

  await add('pause', 'watch', 'show an item')
  await hands.choose('Item to show', 'cart-offer')
  await hands.type('On', 'exit_intent')
  await hands.type('Within', '3d')

  await add('watch', 'done', 'end the run')
  await add('done', 'ab', 'split visitors at random')
  await add('ab', 'mail', 'track an event')
  await hands.type('Event to track', 'winback_requested')

  await add('mail', 'thursday')
  await hands.choose('Wait until', 'the next weekly window')
  await hands.type('Wait for the next weekly window (JSON)', '{"weekly": [{"days": ["thu"], "from": "08:00", "to": "20:00"}], "timezone": "Europe/Belgrade"}')

  await add('thursday', 'last', 'show an item')
  await hands.choose('Item to show', 'last-chance')
  await hands.type('On', 'page_view')

  await add('last', 'tag', 'branch on conditions')
  await hands.type('Case 1: if (query)', '{"item.last-chance.converted": {"$gte": 1}}')
  await hands.choose('Otherwise go to', 'done')

  await add('tag', 'loyal', 'set the stage or traits')
  await expect(field(page, 'Stage')).toHaveValue('retention')
  await hands.type('Traits (JSON)', '{"winback": true}')

  // the ways that point at steps added later (a step added after mail would have taken its goto)
  await hands.open('step:mail')
  await hands.choose('Then go to', 'done')
  await hands.open('step:watch')
  await hands.pointElse('ab')
  await expect(field(page, 'Else, when the time runs out, go to')).toHaveValue('ab')
  await hands.open('step:ab')
  await hands.choose('Path 1: go to', 'mail')
  await hands.choose('Path 2: go to', 'thursday')
  await hands.open('step:tag')
  await hands.choose('Case 1: go to', 'loyal')

  // the journey as a whole, on its entry box
  await hands.open('@entry')
  await hands.type('Entry conditions (query)', '{"segment.hot-shoppers": true}')
  await hands.type('Exit on', 'order_completed')
  await hands.type('Goal event', 'order_completed')
  await hands.type('Goal within', '7d')
  await hands.choose('Re-entry', 'again some time after the last entry')
  await expect(field(page, 'Re-entry after')).toHaveValue('30d')
  await hands.type('Holdout (percent)', '10')
  await hands.type('Enters from', '2026-12-01')
  await hands.type('Enters until', '2027-01-31')

  await expect(page.getByText('No problems: journeykit accepts this file.')).toBeVisible()
  await expect(page.locator('.box.has-problems')).toHaveCount(0)
  await hands.press('Save')
  await expect(page.getByRole('status')).toHaveText('Saved journeykit.json.')
}

const test = base.extend<{ file: string }>({
  file: async ({ page }, use) => {
    const file = join(mkdtempSync(join(tmpdir(), 'jk-studio-8-')), 'journeykit.json')
    writeFileSync(file, `${JSON.stringify(start, null, 2)}\n`)
    const server = await startStudio({ file })
    await page.setViewportSize({ width: 1280, height: 860 })
    await page.goto(server.url)
    await expect(page.getByText('No journeys yet')).toBeVisible({ timeout: 10_000 })
    await use(file)
    await server.close()
  },
})

function expectTheExample(file: string) {
  const saved = JSON.parse(readFileSync(file, 'utf8')) as Config & { journeys: Record<string, unknown> }
  expect(saved.journeys['cart-rescue']).toEqual(cartRescue)
  expect({ ...saved, journeys: {} }).toEqual(start)
  expect(validateConfig(saved)).toEqual({ problems: [], warnings: [] })
  const svg = renderMap(saved)
  for (const id of ['nudge', 'pause', 'watch', 'done', 'ab', 'mail', 'thursday', 'last', 'tag', 'loyal']) expect(svg).toContain(id)
}

test.describe.configure({ timeout: 240_000 })

test('§8 cart rescue, built with clicks and typing, is the example journey', async ({ page, file }) => {
  await buildCartRescue(page, clicks(page))
  await page.screenshot({ path: 'test-results/studio-cart-rescue-clicks.png', fullPage: true })
  expectTheExample(file)
})

test('§8 cart rescue, built with the keyboard alone, is the example journey', async ({ page, file }) => {
  // nothing but keys: a click anywhere fails the test
  await page.evaluate(() => document.addEventListener('mousedown', () => document.body.setAttribute('data-clicked', ''), true))
  await buildCartRescue(page, keys(page))
  await expect(page.locator('body')).not.toHaveAttribute('data-clicked')
  expectTheExample(file)
})

test('with --collector, each box shows the collector’s live count', async ({ browser }) => {
  const dir = mkdtempSync(join(tmpdir(), 'jk-studio-live-'))
  const file = join(dir, 'journeykit.json')
  writeFileSync(file, `${JSON.stringify(example, null, 2)}\n`)
  const collector = await startCollector({ port: 0, file: join(dir, 'events.ndjson'), push: false, config: file })
  const at = (i: number) => new Date(Date.parse('2026-12-02T10:00:00Z') + i * 60_000).toISOString()
  const batch = ['v1', 'v2'].flatMap((visitor) => [
    {
      type: 'track',
      anonymousId: visitor,
      event: 'journey_entered',
      messageId: `${visitor}-e`,
      timestamp: at(0),
      properties: { journey: 'cart-rescue', run: 1 },
    },
    {
      type: 'track',
      anonymousId: visitor,
      event: 'journey_step',
      messageId: `${visitor}-s`,
      timestamp: at(1),
      properties: { journey: 'cart-rescue', run: 1, step: 'nudge', action: 'show' },
    },
  ])
  expect((await fetch(collector.batchUrl, { method: 'POST', body: JSON.stringify({ batch }) })).status).toBe(200)
  const server = await startStudio({ file, collector: collector.url })
  const page = await browser.newPage({ viewport: { width: 1280, height: 860 } })
  try {
    await page.goto(server.url)
    await expect(box(page, '@entry')).toContainText('2 entered', { timeout: 10_000 })
    await expect(box(page, 'step:pause')).toContainText('2 entered · 2 waiting')
    await expect(box(page, 'step:loyal')).toContainText('0 entered · 0 waiting')
    await page.screenshot({ path: 'test-results/studio-live-counts.png' })
  } finally {
    await page.close()
    await server.close()
    await collector.close()
  }
})
