import { createRequire } from 'node:module'
import { test, expect, runtimeReady } from './fixtures.js'

const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js')

/** Email capture as the owner words it (issue 24): the gate's button, its thank-you, a consent box. */
const consent = 'Email me the guide and the odd offer. <b>Unsubscribe any time.</b>'
const config = {
  version: 1,
  items: {
    guide: {
      kind: 'asset',
      style: 'modal',
      title: 'Free sizing guide',
      asset: { url: '/README.md', filename: 'sizing-guide.md' },
      gate: 'email',
      form: { submitLabel: 'Email me the guide', successMessage: 'Thanks! Your guide is ready.', consent: { text: consent, required: true } },
    },
    news: {
      kind: 'focus',
      style: 'slidein',
      title: 'News from the shop',
      form: { consent: { text: 'Also send me offers', required: false } },
    },
  },
}

test("a gated asset says the owner's submit label, refuses until consent is ticked, then thanks and downloads", async ({ page, site }) => {
  await page.goto(await site.serve(page, { config }))
  await runtimeReady(page)
  await page.evaluate(() => (window as any).journeykit.show('guide'))
  const guide = page.locator('[data-journeykit-item="guide"]')
  const submit = guide.getByRole('button', { name: 'Email me the guide' })
  await expect(submit).toBeVisible({ timeout: 10_000 })
  await expect(guide.getByRole('button', { name: 'Send' })).toHaveCount(0)

  // The consent text is text, beside its box
  const box = guide.getByRole('checkbox', { name: consent })
  await expect(box).not.toBeChecked()
  await expect(guide.locator('b')).toHaveCount(0)

  await guide.getByRole('textbox', { name: 'Email' }).fill('ana@shop.example')
  await submit.click()
  await expect(box).toBeFocused()
  await expect(box).toHaveAccessibleDescription('Please tick the box to continue.')
  await expect(guide.getByText('Please tick the box to continue.')).toBeVisible()
  await expect(guide.getByRole('link', { name: 'Download' })).toHaveCount(0)
  await page.addScriptTag({ path: axePath })
  const violations = await page.evaluate(async () => {
    const result = await (window as any).axe.run({ include: [['[data-journeykit-item="guide"]']] }, { resultTypes: ['violations'] })
    return result.violations.map((v: any) => `${v.id}: ${v.nodes.length} node(s)`)
  })
  expect(violations).toEqual([])

  await box.check()
  await submit.click()
  await expect(guide.getByRole('status')).toHaveText('Thanks! Your guide is ready.')
  const download = page.waitForEvent('download')
  await guide.getByRole('link', { name: 'Download' }).click()
  expect((await download).suggestedFilename()).toBe('sizing-guide.md')

  const events = await site.waitForEvents(page, (all) => all.some((e) => e.event === 'asset_downloaded'))
  const leads = events.filter((e) => e.event === 'lead_captured').map((e) => e.properties)
  expect(leads).toEqual([{ item: 'guide', rule: null, variant: null, email: 'ana@shop.example', consent: true, consentText: consent }])
})

test('a consent box that is not required may stay unticked, and the lead says it was', async ({ page, site }) => {
  await page.goto(await site.serve(page, { config }))
  await runtimeReady(page)
  await page.evaluate(() => (window as any).journeykit.show('news'))
  const news = page.locator('[data-journeykit-item="news"]')
  await news.getByRole('textbox', { name: 'Email' }).fill('ben@shop.example')
  await news.getByRole('button', { name: 'Send' }).click()
  await expect(news.getByRole('status')).toHaveText('Thank you!', { timeout: 10_000 })
  const events = await site.waitForEvents(page, (all) => all.some((e) => e.event === 'lead_captured'))
  expect(events.find((e) => e.event === 'lead_captured')!.properties).toMatchObject({ consent: false, consentText: 'Also send me offers' })
})
