import { test as base, expect as baseExpect, type Page } from '@playwright/test'
import { readFileSync } from 'node:fs'
import { validateConfig } from '../../src/validate/validate.js'
import { axe, studioFixture, type, type StudioFixture } from './studio-fixture.js'
// CI machines are slow: every wait is generous, none is a sleep
const expect = baseExpect.configure({ timeout: 10_000 })

/**
 * The studio's segments view, a rule's A/B variants and dates, and a journey's entry built with
 * the condition builder, in Chromium (dist/studio/server.js serving dist/studio/app.js): what is
 * saved is what a person would write, and journeykit accepts it.
 */

const items = {
  'offer-a': { kind: 'focus', style: 'modal', title: '10% off today', code: 'SAVE10' },
  'offer-b': { kind: 'focus', style: 'bar', title: 'Free shipping today' },
}
const start = {
  $schema: 'https://unpkg.com/journeykit/dist/journeykit.schema.json',
  version: 1,
  items,
  rules: [{ id: 'exit-offer', on: 'exit_intent', show: 'offer-a' }],
  segments: { returning: { if: { 'visit.count': { $gte: 2 } } } },
  journeys: { 'cart-rescue': { entry: { on: 'add_to_cart' }, steps: [{ id: 'nudge', show: 'offer-a' }] } },
}

const test = base.extend<StudioFixture>({
  studio: studioFixture('jk-studio-segments-', { width: 1280, height: 860 }, async (page) => {
    await expect(page.getByRole('button', { name: 'Segments' })).toBeVisible()
  }),
})

const segmentsList = (page: Page) => page.getByRole('main', { name: 'Segments' })
const segmentEditor = (page: Page) => page.getByRole('complementary', { name: 'Segment editor' })

async function save(page: Page) {
  await page.getByRole('button', { name: 'Save', exact: true }).click()
  await expect(page.getByText('All changes saved.')).toBeVisible()
}

test('a segment built with the builder, a rule’s A/B pair and start date, a journey’s entry from the builder: saved as a person would write them', async ({
  page,
  studio,
}) => {
  const file = await studio.open(start)

  // the segment: added, named, its conditions in rows
  await page.getByRole('button', { name: 'Segments' }).click()
  await expect(segmentsList(page).getByRole('button', { name: /returning/ })).toContainText('visit.count is at least 2')
  await segmentsList(page).getByRole('button', { name: 'Add a segment' }).click()
  const panel = segmentEditor(page)
  await expect(panel.getByRole('heading', { name: 'Segment segment-2' })).toBeFocused()
  await type(panel.getByLabel('Segment id'), 'hot-shoppers')
  await expect(panel.getByRole('heading', { name: 'Segment hot-shoppers' })).toBeVisible()
  await panel.getByRole('button', { name: 'Add a condition' }).click()
  await type(panel.getByLabel('Condition 1 fact'), 'events.product_viewed.7d')
  await panel.getByLabel('Condition 1 operator').selectOption({ label: 'is at least' })
  await type(panel.getByLabel('Condition 1 value'), '3')
  await panel.getByRole('button', { name: 'Add a condition' }).click()
  await type(panel.getByLabel('Condition 2 fact'), 'user.traits.plan')
  await panel.getByLabel('Condition 2 operator').selectOption({ label: 'is not' })
  await type(panel.getByLabel('Condition 2 value'), 'pro')
  await expect(segmentsList(page).getByRole('button', { name: /hot-shoppers/ })).toContainText(
    'events.product_viewed.7d is at least 3 and user.traits.plan is not pro',
  )
  await axe(page)
  await page.screenshot({ path: 'test-results/studio-segments.png' })

  // the rule: an even A/B pair of the two offers, from the first of December
  await page.getByRole('button', { name: 'Rules' }).click()
  await page
    .getByRole('main', { name: 'Rules' })
    .getByRole('button', { name: /exit-offer/ })
    .click()
  const rule = page.getByRole('complementary', { name: 'Rule editor' })
  await rule.getByLabel('Action').selectOption({ label: 'show A/B variants' })
  await expect(rule.getByLabel('Variant 1 item')).toHaveValue('offer-a')
  await expect(rule.getByLabel('Variant 2 item')).toHaveValue('offer-b')
  await type(rule.getByLabel('Variant 1 weight'), '60')
  await type(rule.getByLabel('Variant 2 weight'), '40')
  await type(rule.getByLabel('Starts on'), '2026-12-01')
  await expect(page.getByRole('main', { name: 'Rules' }).getByRole('button', { name: /exit-offer/ })).toContainText('A/B: offer-a 60 / offer-b 40')
  await axe(page)

  // the journey: entered by hot shoppers, said with the builder; the JSON field says the same
  await page.getByRole('button', { name: 'Journeys' }).click()
  await page.getByRole('button', { name: 'Journey settings' }).click()
  const journey = page.getByRole('complementary', { name: 'Editor' })
  await journey.getByRole('button', { name: 'Add a condition' }).click()
  await type(journey.getByLabel('Condition 1 fact'), 'segment.hot-shoppers')
  await type(journey.getByLabel('Condition 1 value'), 'true')
  await expect(journey.getByLabel('Entry conditions (query)', { exact: true })).toHaveValue('{"segment.hot-shoppers":true}')
  await axe(page)

  await save(page)
  const saved = JSON.parse(readFileSync(file, 'utf8'))
  expect(saved).toEqual({
    ...start,
    rules: [
      {
        id: 'exit-offer',
        on: 'exit_intent',
        variants: [
          { weight: 60, show: 'offer-a' },
          { weight: 40, show: 'offer-b' },
        ],
        schedule: { start: '2026-12-01' },
      },
    ],
    segments: {
      returning: { if: { 'visit.count': { $gte: 2 } } },
      'hot-shoppers': { if: { 'events.product_viewed.7d': { $gte: 3 }, 'user.traits.plan': { $ne: 'pro' } } },
    },
    journeys: { 'cart-rescue': { ...start.journeys['cart-rescue'], entry: { on: 'add_to_cart', if: { 'segment.hot-shoppers': true } } } },
  })
  expect(validateConfig(saved)).toEqual({ problems: [], warnings: [] })
})

test('a segment in use is not deleted (the studio says where), and renaming it renames the conditions that name it', async ({ page, studio }) => {
  const file = await studio.open({
    ...start,
    rules: [{ id: 'exit-offer', on: 'exit_intent', if: { 'segment.returning': true }, show: 'offer-a' }],
  })
  await page.getByRole('button', { name: 'Segments' }).click()
  await segmentsList(page)
    .getByRole('button', { name: /returning/ })
    .click()
  const panel = segmentEditor(page)
  await expect(panel).toContainText('Used by rules[0].if.segment.returning.')
  await panel.getByRole('button', { name: 'Delete segment returning' }).click()
  await expect(panel.getByRole('alert')).toHaveText(
    'Not deleted: segment.returning is still used by rules[0].if.segment.returning. Change those conditions first.',
  )
  await expect(segmentsList(page).getByRole('button', { name: /returning/ })).toBeVisible()
  await axe(page)

  await type(panel.getByLabel('Segment id'), 'regulars')
  await expect(panel.getByRole('heading', { name: 'Segment regulars' })).toBeVisible()
  await expect(panel).toContainText('Used by rules[0].if.segment.regulars.')

  // the journey's entry typed as JSON, as before the builder: the builder shows it at once
  await page.getByRole('button', { name: 'Journeys' }).click()
  await page.getByRole('button', { name: 'Journey settings' }).click()
  const journey = page.getByRole('complementary', { name: 'Editor' })
  const json = journey.getByLabel('Entry conditions (query)', { exact: true })
  await json.fill('{"segment.regulars": false}')
  await json.blur()
  await expect(journey.getByLabel('Condition 1 fact')).toHaveValue('segment.regulars')
  await expect(journey.getByLabel('Condition 1 value')).toHaveValue('false')

  await save(page)
  const saved = JSON.parse(readFileSync(file, 'utf8'))
  expect(saved.segments).toEqual({ regulars: { if: { 'visit.count': { $gte: 2 } } } })
  expect(saved.rules[0].if).toEqual({ 'segment.regulars': true })
  expect(saved.journeys['cart-rescue'].entry).toEqual({ on: 'add_to_cart', if: { 'segment.regulars': false } })
  expect(validateConfig(saved).problems).toEqual([])
})
