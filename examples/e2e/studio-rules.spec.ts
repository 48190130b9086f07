import { test as base, expect, type Page } from '@playwright/test'
import { readFileSync } from 'node:fs'
import { validateConfig } from '../../src/validate/validate.js'
import { axe, studioFixture, type, type StudioFixture } from './studio-fixture.js'

/**
 * The studio's rules view in Chromium (dist/studio/server.js serving dist/studio/app.js): a rule
 * built with clicks and typing, its conditions in the builder, is the rule a person would write.
 */

const items = { 'cart-offer': { kind: 'focus', style: 'modal', title: 'Before you go: 10% off', code: 'STAY10' } }
const start = { $schema: 'https://unpkg.com/journeykit/dist/journeykit.schema.json', version: 1, items, journeys: {} }

/** The contract's §4 rule, as a person would write it. */
const exitOnCart = {
  id: 'exit-on-cart',
  on: 'exit_intent',
  if: { 'page.path': { $startsWith: '/cart' }, 'visit.count': { $gte: 2 } },
  show: 'cart-offer',
  frequency: { limit: 1, per: '7d' },
  schedule: { weekly: [{ days: ['thu'], from: '08:00', to: '20:00' }], timezone: 'Europe/Belgrade' },
}

const test = base.extend<StudioFixture>({ studio: studioFixture('jk-studio-rules-', { width: 1280, height: 860 }) })

const editor = (page: Page) => page.getByRole('complementary', { name: 'Rule editor' })
const rulesList = (page: Page) => page.getByRole('main', { name: 'Rules' })

test('an owner builds the exit-intent rule for Thursdays with clicks and typing, and saves the rule a person would write', async ({ page, studio }) => {
  const file = await studio.open(start)
  await page.getByRole('button', { name: 'Rules' }).click({ timeout: 10_000 })
  await expect(rulesList(page).getByText('No rules yet')).toBeVisible()
  await rulesList(page).getByRole('button', { name: 'Add a rule' }).click()
  const panel = editor(page)
  await expect(panel.getByRole('heading', { name: 'Rule rule-1' })).toBeVisible()

  await type(panel.getByLabel('Rule id'), 'exit-on-cart')
  await type(panel.getByLabel('Trigger'), 'exit_intent')

  // conditions: two rows, no JSON
  await panel.getByRole('button', { name: 'Add a condition' }).click()
  await type(panel.getByLabel('Condition 1 fact'), 'page.path')
  await panel.getByLabel('Condition 1 operator').selectOption({ label: 'starts with' })
  await type(panel.getByLabel('Condition 1 value'), '/cart')
  await panel.getByRole('button', { name: 'Add a condition' }).click()
  await type(panel.getByLabel('Condition 2 fact'), 'visit.count')
  await panel.getByLabel('Condition 2 operator').selectOption({ label: 'is at least' })
  await type(panel.getByLabel('Condition 2 value'), '2')

  await expect(panel.getByLabel('Item')).toHaveValue('cart-offer')
  await panel.getByLabel('Frequency').selectOption({ label: 'at most … per …' })
  await type(panel.getByLabel('At most (times)'), '1')
  await type(panel.getByLabel('Per (1h, 7d)'), '7d')

  await panel.getByRole('button', { name: 'Add a weekly window' }).click()
  const window = panel.getByRole('group', { name: 'Window 1' })
  for (const day of ['Mon', 'Tue', 'Wed', 'Fri']) await window.getByLabel(day).uncheck()
  await expect(window.getByLabel('Thu')).toBeChecked()
  await type(window.getByLabel('From'), '08:00')
  await type(window.getByLabel('To'), '20:00')
  await type(panel.getByLabel('Time zone'), 'Europe/Belgrade')

  // the list says what the rule does
  const item = rulesList(page).getByRole('button', { name: /exit-on-cart/ })
  await expect(item).toContainText('on exit_intent')
  await expect(item).toContainText('show cart-offer')
  await axe(page)
  await page.screenshot({ path: 'test-results/studio-rules.png' })

  await page.getByRole('button', { name: 'Save', exact: true }).click()
  await expect(page.getByText('All changes saved.')).toBeVisible({ timeout: 10_000 })
  const saved = JSON.parse(readFileSync(file, 'utf8'))
  expect(saved.rules).toEqual([exitOnCart])
  expect(validateConfig(saved).problems).toEqual([])
})

test('a rule’s problem shows on the list and on its field, with the path; a query the builder cannot show stays JSON; axe finds nothing', async ({
  page,
  studio,
}) => {
  const either = { $or: [{ 'page.path': '/a' }, { 'page.path': '/b' }] }
  await studio.open({
    ...start,
    rules: [
      { id: 'a', on: 'page_view', show: 'cart-ofer' },
      { id: 'b', on: 'visit_start', if: either, track: 'x' },
    ],
  })
  await page.getByRole('button', { name: 'Rules' }).click({ timeout: 10_000 })
  const first = rulesList(page).getByRole('button', { name: /^a/ })
  await expect(first).toContainText('rules[0].show')
  await first.click()
  await expect(editor(page).getByLabel('Item')).toHaveAccessibleDescription(/rules\[0\]\.show/)
  await axe(page)

  await rulesList(page).getByRole('button', { name: /^b/ }).click()
  await expect(editor(page).getByLabel(/Conditions \(JSON/)).toHaveValue(JSON.stringify(either))
  await editor(page).getByRole('button', { name: 'Move up' }).click()
  await expect(rulesList(page).getByRole('listitem').first()).toContainText('visit_start')
  await axe(page)
})

test('a step’s “only if” is built with the same rows, and written as the query a person would', async ({ page, studio }) => {
  const journey = { entry: { on: 'add_to_cart' }, steps: [{ id: 'watch', on: 'exit_intent', show: 'cart-offer' }] }
  const file = await studio.open({ ...start, journeys: { 'cart-rescue': journey } })
  await page.locator('[data-box="step:watch"]').click({ timeout: 10_000 })
  const panel = page.getByRole('complementary', { name: 'Editor' })
  await panel.getByRole('button', { name: 'Add a condition' }).click()
  await type(panel.getByLabel('Condition 1 fact'), 'device.type')
  await type(panel.getByLabel('Condition 1 value'), 'mobile')
  await panel.getByRole('button', { name: 'Add a condition' }).click()
  await type(panel.getByLabel('Condition 2 fact'), 'utm.source')
  await panel.getByLabel('Condition 2 operator').selectOption({ label: 'is one of' })
  await type(panel.getByLabel('Condition 2 value'), 'mail, ads')
  await panel.getByRole('button', { name: 'Remove condition 1' }).click()
  await page.getByRole('button', { name: 'Save', exact: true }).click()
  await expect(page.getByText('All changes saved.')).toBeVisible({ timeout: 10_000 })
  expect(JSON.parse(readFileSync(file, 'utf8')).journeys['cart-rescue'].steps[0]).toEqual({
    ...journey.steps[0],
    if: { 'utm.source': { $in: ['mail', 'ads'] } },
  })
})
